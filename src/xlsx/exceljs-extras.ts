/**
 * Members exceljs 4.4 has at runtime but leaves out of its type declarations (conditional formats and data
 * validation of a sheet, merged areas). Reached through one typed view so `any` never leaks.
 */
import type ExcelJS from 'exceljs';

/** The untyped parts of a worksheet we use. */
export interface WorksheetExtras {
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  readonly dataValidations: {
    add(address: string, validation: ExcelJS.DataValidation): void;
    readonly model: Record<string, ExcelJS.DataValidation | undefined>;
  };
  readonly _merges?: Record<string, { top: number; left: number; bottom: number; right: number }>;
}

/** The worksheet seen with its untyped members. */
export function extras(ws: ExcelJS.Worksheet): WorksheetExtras {
  return ws as unknown as WorksheetExtras;
}
