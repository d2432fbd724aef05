/**
 * Running the command line in-process with a capturing io, and writing workbooks for it to read.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { runCli } from '../../src/cli/main.ts';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { workbookDataToXlsx } from '../../src/xlsx/workbook-data-to-xlsx.ts';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What one run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `duban …` in-process in `cwd` (default: the repository root). */
export async function run(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'duban-cli-'));
}

/** Write a workbook described as data to an .xlsx file; returns the path. */
export async function writeWorkbook(dir: string, name: string, data: WorkbookData): Promise<string> {
  const file = path.join(dir, name);
  await workbookDataToXlsx(data).xlsx.writeFile(file);
  return file;
}
