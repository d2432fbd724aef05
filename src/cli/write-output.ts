/**
 * Where a writing command puts its result: `--out FILE` (never the input itself) or `--in-place` (the input,
 * after a backup `name.bak.xlsx`). Checked before any work is done, so a bad path costs nothing.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { CliOptions } from './cli-args.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import type { ProgressBar } from './progress-bar.ts';
import { backupFile, writeWorkbookAtomic } from '../xlsx/write-file.ts';

/** The resolved output of a command. */
export interface OutputTarget {
  readonly path: string;
  /** True when the input is rewritten (a backup is made first). */
  readonly inPlace: boolean;
}

/** Same file? Resolved paths compared, case-insensitively where the platform is. */
function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return process.platform === 'win32' || process.platform === 'darwin'
    ? ra.toLowerCase() === rb.toLowerCase()
    : ra === rb;
}

/** Resolve and check `--out` / `--in-place` against the input file. Throws CliFailure(2) on bad usage. */
export function outputTarget(options: CliOptions, io: CliIo, input: string): OutputTarget {
  const { lang } = options;
  if (options.out !== null && options.inPlace) throw new CliFailure(say(lang, 'outAndInPlace'), EXIT.usage);
  if (options.inPlace) return { path: input, inPlace: true };
  if (options.out === null) throw new CliFailure(say(lang, 'needOut'), EXIT.usage);
  const out = path.resolve(io.cwd, options.out);
  if (!/\.xlsx$/i.test(out)) throw new CliFailure(say(lang, 'outNotXlsx', { path: options.out }), EXIT.usage);
  if (samePath(out, input)) throw new CliFailure(say(lang, 'outIsInput', { path: options.out }), EXIT.usage);
  const dir = path.dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliFailure(say(lang, 'outDirMissing', { path: dir }), EXIT.usage);
  }
  return { path: out, inPlace: false };
}

/**
 * Write the workbook to the target (backup first for in-place); failures exit 1 naming the file. With a
 * progress bar showing, the backup message is written beside it.
 */
export async function writeOutput(
  wb: ExcelJS.Workbook,
  target: OutputTarget,
  options: CliOptions,
  io: CliIo,
  bar?: ProgressBar,
): Promise<void> {
  const { lang } = options;
  try {
    if (target.inPlace) {
      const backup = await backupFile(target.path);
      const line = say(lang, 'wroteBackup', { path: backup }) + '\n';
      if (bar) bar.aside(() => io.stderr.write(line));
      else io.stderr.write(line);
    }
    await writeWorkbookAtomic(wb, target.path);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new CliFailure(say(lang, 'writeFailed', { path: target.path, detail }), EXIT.notProcessable);
  }
}
