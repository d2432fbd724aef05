/**
 * Reading a workbook back with exceljs into plain values that tests can compare: cell values (rich text
 * flattened, formulas with their result), fills, merges, column widths, conditional formats and data
 * validations. Meant for files LibreOffice wrote (`roundTrip`), but it reads any .xlsx.
 *
 * LibreOffice writes things differently from exceljs, and this reader smooths over the differences that
 * carry no meaning, so that a test can ask "did it survive?":
 * - text in cells comes back as rich text runs split by script (Latin runs in the Western font, Chinese
 *   runs in the Asian one): runs are joined into one string;
 * - conditional-format fills come back without a pattern type: the colour is taken from bgColor or fgColor;
 * - data validations come back with a second, unused formula `0`: only the formulas the operator uses are
 *   kept (two for between / notBetween, one otherwise).
 */
import ExcelJS from 'exceljs';

/** A cell's value as a test compares it. Error values come back as their text, e.g. `#DIV/0!`. */
export type PlainValue = string | number | boolean | Date | null;

/** One non-empty cell as read back. */
export interface ReadBackCell {
  /** `B3`. */
  readonly address: string;
  readonly row: number;
  readonly col: number;
  /** The value shown: text (rich text joined), number, date, boolean, a formula's cached result, or null. */
  readonly value: PlainValue;
  /** The formula without its leading `=`, or null for a constant. */
  readonly formula: string | null;
  /** A hyperlink's target, or null. */
  readonly hyperlink: string | null;
  /** A solid fill's colour as ARGB (`FFDDEBF7`), `theme:N` / `indexed:N` for other colour kinds, or null. */
  readonly fill: string | null;
}

/** One conditional-format rule with the range it applies to. */
export interface ReadBackConditionalFormat {
  /** The range, e.g. `A2:F7` (several ranges separated by spaces, as in the file). */
  readonly ref: string;
  /** `expression`, `cellIs`, `containsText`, … */
  readonly type: string;
  readonly operator: string | null;
  /** Formulas without a leading `=`, e.g. `$E2="滞后"`. */
  readonly formulae: string[];
  readonly priority: number | null;
  /** The fill colour of the rule's format as ARGB, or null when the rule sets no fill. */
  readonly fill: string | null;
  /** The font colour of the rule's format as ARGB, or null. */
  readonly fontColour: string | null;
}

/** The data validation of one cell (exceljs lists validations cell by cell). */
export interface ReadBackValidation {
  readonly address: string;
  /** `list`, `textLength`, `whole`, `decimal`, `date`, `custom`. */
  readonly type: string;
  readonly operator: string | null;
  /** The formulas the rule uses, as strings: `"已完成,序时推进,滞后"` (quotes included) or `200`. */
  readonly formulae: string[];
  readonly allowBlank: boolean;
  readonly showErrorMessage: boolean;
  readonly error: string | null;
}

/** One worksheet as read back. */
export interface ReadBackSheet {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Merged ranges, e.g. `A2:D2`. */
  readonly merges: string[];
  /** Column widths in characters by column (index 0 is column A); null where the file sets none. */
  readonly columnWidths: (number | null)[];
  /** The non-empty cells by address. */
  readonly cells: ReadonlyMap<string, ReadBackCell>;
  readonly conditionalFormats: ReadBackConditionalFormat[];
  readonly validations: ReadBackValidation[];
  /** The cell at `address` (`B3`), or undefined when it is empty and unformatted. */
  cell(address: string): ReadBackCell | undefined;
  /** The value at `address`, null for an empty cell. */
  value(address: string): PlainValue;
  /** The data validation at `address`, or undefined. */
  validationAt(address: string): ReadBackValidation | undefined;
}

/** A workbook as read back. */
export interface ReadBackWorkbook {
  readonly sheets: ReadBackSheet[];
  /** The sheet called `name`. @throws Error naming the sheets there are. */
  sheet(name: string): ReadBackSheet;
}

/** The parts of an exceljs worksheet that its type declarations leave out. */
interface WorksheetExtras {
  conditionalFormattings?: unknown;
  dataValidations?: { model?: unknown };
}

/** Open `path` with exceljs and read every sheet back into plain values. */
export async function readBackWorkbook(path: string): Promise<ReadBackWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets = workbook.worksheets.map(readSheet);
  return {
    sheets,
    sheet(name: string): ReadBackSheet {
      const found = sheets.find((s) => s.name === name);
      if (found === undefined) {
        throw new Error(`${path} has no sheet ${name}; it has ${sheets.map((s) => s.name).join(', ')}`);
      }
      return found;
    },
  };
}

function readSheet(ws: ExcelJS.Worksheet): ReadBackSheet {
  const cells = new Map<string, ReadBackCell>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.set(cell.address, readCell(cell));
    });
  });
  const columnWidths: (number | null)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) columnWidths.push(ws.getColumn(c).width ?? null);
  const extras = ws as unknown as WorksheetExtras;
  const validations = readValidations(extras.dataValidations?.model);
  const byAddress = new Map(validations.map((v) => [v.address, v]));
  return {
    name: ws.name,
    state: ws.state,
    rowCount: ws.rowCount,
    columnCount: ws.columnCount,
    merges: [...ws.model.merges],
    columnWidths,
    cells,
    conditionalFormats: readConditionalFormats(extras.conditionalFormattings),
    validations,
    cell: (address) => cells.get(address),
    value: (address) => cells.get(address)?.value ?? null,
    validationAt: (address) => byAddress.get(address),
  };
}

function readCell(cell: ExcelJS.Cell): ReadBackCell {
  const raw: ExcelJS.CellValue = cell.value;
  const isFormula = cell.type === ExcelJS.ValueType.Formula;
  let hyperlink: string | null = null;
  if (isObject(raw) && typeof raw.hyperlink === 'string') hyperlink = raw.hyperlink;
  return {
    address: cell.address,
    row: Number(cell.row),
    col: Number(cell.col),
    value: isFormula ? plain(cell.result) : plain(raw),
    formula: isFormula ? withoutEquals(cell.formula) : null,
    hyperlink,
    fill: fillColour(cell.fill),
  };
}

/** An exceljs value (or formula result) as a plain value. */
function plain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (isObject(value)) {
    if (Array.isArray(value.richText)) return joinRuns(value.richText);
    if (typeof value.error === 'string') return value.error;
    if ('text' in value) return plain(value.text); // hyperlink: its text, itself plain or rich
    if ('result' in value) return plain(value.result);
    if ('formula' in value || 'sharedFormula' in value) return null; // a formula without a cached result
  }
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

function joinRuns(runs: unknown[]): string {
  return runs.map((run) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('');
}

/** A fill's colour: solid pattern fills by fgColor; fills without a pattern (conditional formats) by bgColor. */
function fillColour(fill: unknown): string | null {
  if (!isObject(fill) || fill.type !== 'pattern') return null;
  if (fill.pattern === 'none') return null;
  const colour = fill.pattern === undefined ? (fill.bgColor ?? fill.fgColor) : (fill.fgColor ?? fill.bgColor);
  return colourName(colour);
}

function colourName(colour: unknown): string | null {
  if (!isObject(colour)) return null;
  if (typeof colour.argb === 'string') return colour.argb.toUpperCase();
  if (typeof colour.theme === 'number') return `theme:${colour.theme}`;
  if (typeof colour.indexed === 'number') return `indexed:${colour.indexed}`;
  return null;
}

function readConditionalFormats(model: unknown): ReadBackConditionalFormat[] {
  if (!Array.isArray(model)) return [];
  const out: ReadBackConditionalFormat[] = [];
  for (const block of model) {
    if (!isObject(block) || typeof block.ref !== 'string' || !Array.isArray(block.rules)) continue;
    for (const rule of block.rules) {
      if (!isObject(rule)) continue;
      const style = isObject(rule.style) ? rule.style : {};
      const font = isObject(style.font) ? style.font : {};
      out.push({
        ref: block.ref,
        type: typeof rule.type === 'string' ? rule.type : '',
        operator: typeof rule.operator === 'string' ? rule.operator : null,
        formulae: Array.isArray(rule.formulae) ? rule.formulae.map(formulaText) : [],
        priority: typeof rule.priority === 'number' ? rule.priority : null,
        fill: fillColour(style.fill),
        fontColour: colourName(font.color),
      });
    }
  }
  return out;
}

function readValidations(model: unknown): ReadBackValidation[] {
  if (!isObject(model)) return [];
  const out: ReadBackValidation[] = [];
  for (const [address, rule] of Object.entries(model)) {
    if (!isObject(rule) || typeof rule.type !== 'string') continue;
    const operator = typeof rule.operator === 'string' ? rule.operator : null;
    const used = operator === 'between' || operator === 'notBetween' ? 2 : 1;
    const formulae = Array.isArray(rule.formulae) ? rule.formulae.map(formulaText) : [];
    out.push({
      address,
      type: rule.type,
      operator,
      formulae: formulae.slice(0, used),
      allowBlank: rule.allowBlank === true,
      showErrorMessage: rule.showErrorMessage === true,
      error: typeof rule.error === 'string' ? rule.error : null,
    });
  }
  return out;
}

function formulaText(formula: unknown): string {
  if (typeof formula === 'number') return String(formula);
  if (typeof formula === 'string') return withoutEquals(formula);
  if (formula instanceof Date) return formula.toISOString();
  return JSON.stringify(formula);
}

/** A formula as exceljs keeps it, without the `=` LibreOffice or a user may have left in front. */
function withoutEquals(formula: string): string {
  return formula.startsWith('=') ? formula.slice(1) : formula;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
