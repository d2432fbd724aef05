/**
 * Writing workbooks safely: to a temporary file in the target's own folder, then renamed over the target, so
 * a crash or a full disk never leaves a half-written workbook under the real name (a rename within one
 * folder is atomic on every file system we meet). The input is overwritten only on request, after a backup.
 */
import { copyFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';

let counter = 0;

/** Write the workbook to `target` atomically. The temporary file is removed again if anything fails. */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, target: string): Promise<void> {
  const dir = path.dirname(target);
  counter++;
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${counter}.tmp`);
  try {
    await wb.xlsx.writeFile(temp);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

/**
 * The backup name kept by `--in-place`.
 * @example backupPath('/d/台账.xlsx') === '/d/台账.bak.xlsx'; backupPath('/d/a.XLSX') === '/d/a.bak.XLSX'
 */
export function backupPath(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.bak${ext === '' ? '.xlsx' : ext}`);
}

/** Copy the input to its backup name (replacing an older backup). */
export async function backupFile(file: string): Promise<string> {
  const target = backupPath(file);
  await copyFile(file, target);
  return target;
}
