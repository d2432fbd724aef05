/**
 * Copying text for the user. Office hosts the pane in an iframe where the async Clipboard API may be missing
 * or refused (no `clipboard-write` permission in older Excel builds), so a hidden-textarea `copy` command is
 * the fallback; when both fail the caller tells the user to copy by hand.
 */

/** How a copy went. */
export type CopyOutcome = 'copied' | 'failed';

/** The parts of the browser the copy uses, injectable for tests. */
export interface ClipboardHost {
  readonly clipboard?: { writeText(text: string): Promise<void> } | undefined;
  readonly document: Document;
}

function copyWithTextarea(text: string, doc: Document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // Off-screen rather than display:none: a hidden element cannot be selected.
  area.style.position = 'fixed';
  area.style.left = '-10000px';
  doc.body.appendChild(area);
  try {
    area.select();
    // execCommand is deprecated but is the only copy path when the Clipboard API is unavailable.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Copy `text`: the Clipboard API first, then the textarea fallback. Never throws. */
export async function copyText(text: string, host: ClipboardHost): Promise<CopyOutcome> {
  if (host.clipboard) {
    try {
      await host.clipboard.writeText(text);
      return 'copied';
    } catch {
      // Refused (permission policy, document not focused): try the fallback below.
    }
  }
  return copyWithTextarea(text, host.document) ? 'copied' : 'failed';
}
