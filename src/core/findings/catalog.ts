/**
 * The finding catalog: every finding code the core can raise, with zh-CN and en-US messages and fixes.
 * Split by stage so each area owns its part; this module joins them and renders findings.
 */
import { toA1 } from '../grid.ts';
import type { Finding, FindingParams, Lang, Severity } from '../findings.ts';
import type { CellRef } from '../grid.ts';
import type { CatalogEntry } from './catalog-entry.ts';
import { fillTemplate as fill } from '../text/fill-template.ts';
import { tableFindings } from './catalog-table.ts';
import { breakdownFindings } from './catalog-breakdown.ts';
import { validateFindings } from './catalog-validate.ts';
import { scoreFindings } from './catalog-score.ts';
import { ledgerFindings } from './catalog-ledger.ts';
import { writeFindings } from './catalog-write.ts';

/** All finding codes with their entries. */
export const FINDING_CATALOG = {
  ...tableFindings,
  ...breakdownFindings,
  ...validateFindings,
  ...scoreFindings,
  ...ledgerFindings,
  ...writeFindings,
} as const;

/** A code the catalog knows. */
export type FindingCode = keyof typeof FINDING_CATALOG;

/** Look up a code; unknown codes are a programming error (misuse), so this throws. */
export function catalogEntry(code: string): CatalogEntry {
  const entry = (FINDING_CATALOG as Readonly<Record<string, CatalogEntry>>)[code];
  if (!entry) throw new Error(`Unknown finding code: ${code}`);
  return entry;
}

/** Build a finding with the catalog's default severity (or an explicit one). */
export function makeFinding(
  code: FindingCode,
  at: CellRef | undefined,
  params: FindingParams = {},
  severity?: Severity,
): Finding {
  const entry = catalogEntry(code);
  return at === undefined
    ? { code, severity: severity ?? entry.severity, params }
    : { code, severity: severity ?? entry.severity, at, params };
}

/** A finding rendered for people: message and suggested fix in one language, with the cell in A1 form. */
export interface RenderedFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly cell: string | null;
  readonly message: string;
  readonly fix: string;
}

/** Render a finding in the given language. */
export function renderFinding(f: Finding, lang: Lang): RenderedFinding {
  const entry = catalogEntry(f.code);
  const cell = f.at ? toA1(f.at) : null;
  const params: FindingParams = { ...f.params, cell: cell ?? '' };
  return {
    code: f.code,
    severity: f.severity,
    cell,
    message: fill(lang === 'zh' ? entry.zh : entry.en, params),
    fix: fill(lang === 'zh' ? entry.fixZh : entry.fixEn, params),
  };
}
