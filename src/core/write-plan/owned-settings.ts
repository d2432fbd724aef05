/**
 * The settings document stored in the workbook, and the marks that say what we own.
 *
 * Where: a `veryHidden` sheet named 督办助手设置 (users cannot unhide it from Excel's menu, every host and
 * LibreOffice can read it). A1 holds the marker `duban-settings`, A2 onwards the JSON text, cut into pieces of
 * at most {@link SETTINGS_CHUNK} characters because a cell holds at most 32,767. Plain JSON so that the
 * Office.js add-in, this command line and a person with a text editor all read the same thing.
 *
 * What we own is listed here, not guessed: sheets by name, result columns by sheet and column range (with
 * the widths they had before, so clear can put them back), conditional-format rules by id, range and
 * formula. `clear` removes exactly what the list names; a re-run clears, then writes, so scoring twice
 * equals scoring once. The document as it was before the first run that added marks (the choices the
 * 表格 tab saved) is kept in `prior`, so that clear gives it back ({@link settingsAfterClear}). See
 * docs/owned-marks.md.
 */
import type { Grid, RawCell } from '../grid.ts';
import { cellText } from '../text/normalize.ts';

/** Name of the settings sheet. */
export const SETTINGS_SHEET_NAME = '督办助手设置';

/** A1 of the settings sheet: proves the sheet is ours (a user sheet of the same name is left alone). */
export const SETTINGS_MARKER = 'duban-settings';

/** Version of the document; a newer one is read as far as it is understood. */
export const DUBAN_SETTINGS_VERSION = 1;

/** Characters of JSON per cell (Excel's limit is 32,767). */
export const SETTINGS_CHUNK = 30000;

/** How many result snapshots are kept for movement (a year of quarters and then some). */
export const HISTORY_LIMIT = 8;

/** Owned result columns on a user's sheet. */
export interface OwnedColumnMark {
  readonly sheet: string;
  readonly firstCol: number;
  readonly lastCol: number;
  readonly headerRow: number;
  /** The header cells are ours too (cleared with the data). */
  readonly ownsHeader: boolean;
  readonly firstRow: number;
  readonly lastRow: number;
  /** Widths before we wrote (null = default), from `firstCol`; restored only when `ownsHeader`. */
  readonly previousWidths: readonly (number | null)[];
}

/** An owned conditional-format rule. */
export interface OwnedRuleMark {
  readonly id: string;
  readonly sheet: string;
  /** The range as `A3:V163`. */
  readonly ref: string;
  readonly kind: 'expression' | 'dataBar';
  /** For expression rules, the formula with its `=`. */
  readonly formula: string | null;
}

/** Everything we own in a workbook. */
export interface OwnedMarks {
  readonly sheets: readonly string[];
  readonly columns: readonly OwnedColumnMark[];
  readonly rules: readonly OwnedRuleMark[];
}

/** The ranking of one run, kept for the next run's movement (位次变化). */
export interface ResultSnapshot {
  readonly asOf: string;
  readonly units: readonly {
    readonly name: string;
    readonly rank: number | null;
    readonly score: number | null;
  }[];
}

/** What a unit's split copy carries, so merge knows whose it is and what it was given. */
export interface UnitReturnMark {
  readonly unit: string;
  /** The ledger sheet in the copy. */
  readonly sheet: string;
  /** Task ids in the copy. */
  readonly ids: readonly string[];
  /** The reporting deadline named in the instructions (ISO), or null. */
  readonly deadline: string | null;
}

/** The settings document. */
export interface DubanSettings {
  readonly app: 'duban';
  readonly version: number;
  /** The sheet scored or broken down, null when none yet. */
  readonly sheet: string | null;
  /** Column mapping used (role or ledger key → 0-based column), null when detected afresh each time. */
  readonly mapping: Readonly<Record<string, number>> | null;
  readonly planYear: number | null;
  readonly asOf: string | null;
  readonly preset: string | null;
  /** Earlier rankings, newest last, at most {@link HISTORY_LIMIT}, one per as-of date. */
  readonly history: readonly ResultSnapshot[];
  readonly owned: OwnedMarks;
  /** Present in a unit's split copy. */
  readonly unitReturn?: UnitReturnMark;
  /**
   * The document as it was before the first run that added owned marks — the choices the 表格 tab saved —
   * with no marks and no `prior` of its own; null when the workbook had no settings then. What `clear`
   * writes back ({@link settingsAfterClear}). Absent in documents written before it existed (and in those
   * that never carried marks): such a document clears as before, settings sheet and all.
   */
  readonly prior?: DubanSettings | null;
}

/** The 表格 tab's choices a settings document stores (undefined keeps the stored value). */
export interface SettingsChoice {
  readonly sheet?: string;
  /** Role → 0-based column; entries that are not a column (null: "no such column") are not stored. */
  readonly mapping?: Readonly<Record<string, number | null | undefined>>;
  readonly planYear?: number;
  readonly asOf?: string;
  readonly preset?: string;
}

/** Settings of a workbook we have not written to yet. */
export function emptySettings(): DubanSettings {
  return {
    app: 'duban',
    version: DUBAN_SETTINGS_VERSION,
    sheet: null,
    mapping: null,
    planYear: null,
    asOf: null,
    preset: null,
    history: [],
    owned: { sheets: [], columns: [], rules: [] },
  };
}

/**
 * True when the document lists something of ours besides the settings sheet itself: owned sheets, result
 * columns or rules. A document of saved choices only has none (clear has nothing to remove from it).
 */
export function hasOwnedMarks(settings: DubanSettings): boolean {
  const { owned } = settings;
  return (
    owned.sheets.some((s) => s !== SETTINGS_SHEET_NAME) || owned.columns.length > 0 || owned.rules.length > 0
  );
}

/** The document without its `prior` (a prior never nests another). */
function withoutPrior(settings: DubanSettings): DubanSettings {
  const copy: { -readonly [K in keyof DubanSettings]: DubanSettings[K] } = { ...settings };
  delete copy.prior;
  return copy;
}

/**
 * The `prior` of the document a run that writes owned marks builds from `previous` (the stored document):
 * no previous → null; previous without marks (saved choices only) → previous itself; previous with marks
 * (a re-run) → the prior it already carries (null for a document written before `prior` existed).
 */
export function priorFor(previous: DubanSettings | null): DubanSettings | null {
  if (previous === null) return null;
  if (!hasOwnedMarks(previous)) return withoutPrior(previous);
  return previous.prior ?? null;
}

/**
 * What `clear` leaves in the settings sheet: a document with no owned marks stays as it is (nothing to
 * remove); otherwise its `prior` — the saved choices from before the first run — or null, meaning the
 * settings sheet is deleted (no prior, or a document written before `prior` existed).
 * @example settingsAfterClear({ ...scored, prior: choices }) === choices
 * @example settingsAfterClear({ ...scored, prior: null }) === null
 * @example settingsAfterClear(choices) === choices
 */
export function settingsAfterClear(settings: DubanSettings): DubanSettings | null {
  if (!hasOwnedMarks(settings)) return settings;
  return settings.prior ?? null;
}

function choiceApplied(base: DubanSettings, choice: SettingsChoice): DubanSettings {
  let mapping = base.mapping;
  if (choice.mapping) {
    const stored: Record<string, number> = {};
    for (const [role, col] of Object.entries(choice.mapping)) if (typeof col === 'number') stored[role] = col;
    mapping = stored;
  }
  return {
    ...base,
    sheet: choice.sheet ?? base.sheet,
    mapping,
    planYear: choice.planYear ?? base.planYear,
    asOf: choice.asOf ?? base.asOf,
    preset: choice.preset ?? base.preset,
  };
}

/**
 * The document after the 表格 tab saves its choices in a workbook whose stored document is `current` (null:
 * none yet). When `current` carries owned marks the choices go into its `prior` too (a new one when it has
 * none), so a choice made after scoring survives a clear.
 */
export function settingsWithChoice(current: DubanSettings | null, choice: SettingsChoice): DubanSettings {
  const base = current ?? emptySettings();
  const updated = choiceApplied(base, choice);
  if (!hasOwnedMarks(base)) return updated;
  return { ...updated, prior: choiceApplied(base.prior ?? emptySettings(), choice) };
}

/**
 * The settings sheet's cells (column A from A1): the marker, then the JSON in pieces.
 * @example settingsCells(emptySettings())[0] → ['duban-settings']
 */
export function settingsCells(settings: DubanSettings): RawCell[][] {
  const json = JSON.stringify(settings);
  const rows: RawCell[][] = [[SETTINGS_MARKER]];
  for (let i = 0; i < json.length; i += SETTINGS_CHUNK) rows.push([json.slice(i, i + SETTINGS_CHUNK)]);
  return rows;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function readColumns(v: unknown): OwnedColumnMark[] {
  if (!Array.isArray(v)) return [];
  const out: OwnedColumnMark[] = [];
  for (const c of v) {
    if (!isObject(c) || typeof c['sheet'] !== 'string') continue;
    const { firstCol, lastCol, headerRow, firstRow, lastRow } = c;
    if (![firstCol, lastCol, headerRow, firstRow, lastRow].every(isInt)) continue;
    const widths = Array.isArray(c['previousWidths'])
      ? c['previousWidths'].map((w) => (typeof w === 'number' && w > 0 ? w : null))
      : [];
    out.push({
      sheet: c['sheet'],
      firstCol: firstCol as number,
      lastCol: lastCol as number,
      headerRow: headerRow as number,
      firstRow: firstRow as number,
      lastRow: lastRow as number,
      ownsHeader: c['ownsHeader'] === true,
      previousWidths: widths,
    });
  }
  return out;
}

function readRules(v: unknown): OwnedRuleMark[] {
  if (!Array.isArray(v)) return [];
  const out: OwnedRuleMark[] = [];
  for (const r of v) {
    if (!isObject(r)) continue;
    const id = str(r['id']);
    const sheet = str(r['sheet']);
    const ref = str(r['ref']);
    const kind = r['kind'] === 'dataBar' ? 'dataBar' : r['kind'] === 'expression' ? 'expression' : null;
    if (id === null || sheet === null || ref === null || kind === null) continue;
    out.push({ id, sheet, ref, kind, formula: str(r['formula']) });
  }
  return out;
}

function readHistory(v: unknown): ResultSnapshot[] {
  if (!Array.isArray(v)) return [];
  const out: ResultSnapshot[] = [];
  for (const s of v) {
    if (!isObject(s) || typeof s['asOf'] !== 'string' || !Array.isArray(s['units'])) continue;
    const units = s['units']
      .filter(isObject)
      .filter((u) => typeof u['name'] === 'string')
      .map((u) => ({
        name: u['name'] as string,
        rank: typeof u['rank'] === 'number' ? u['rank'] : null,
        score: typeof u['score'] === 'number' ? u['score'] : null,
      }));
    out.push({ asOf: s['asOf'], units });
  }
  return out;
}

function readUnitReturn(v: unknown): UnitReturnMark | undefined {
  if (!isObject(v)) return undefined;
  const unit = str(v['unit']);
  const sheet = str(v['sheet']);
  if (unit === null || sheet === null || !Array.isArray(v['ids'])) return undefined;
  return {
    unit,
    sheet,
    ids: v['ids'].filter((x): x is string => typeof x === 'string'),
    deadline: str(v['deadline']),
  };
}

/** The owned marks of a parsed document. */
function readOwned(v: unknown): OwnedMarks {
  const owned = isObject(v) ? v : {};
  return {
    sheets: Array.isArray(owned['sheets'])
      ? owned['sheets'].filter((s): s is string => typeof s === 'string')
      : [],
    columns: readColumns(owned['columns']),
    rules: readRules(owned['rules']),
  };
}

/**
 * A settings document from parsed JSON, null when it is not ours. `nested` reads a `prior`: it never has
 * marks or a prior of its own (whatever the text says), so clearing can never leave marks behind.
 */
function readDocument(parsed: unknown, nested: boolean): DubanSettings | null {
  if (!isObject(parsed) || parsed['app'] !== 'duban') return null;
  const mappingRaw = parsed['mapping'];
  let mapping: Record<string, number> | null = null;
  if (isObject(mappingRaw)) {
    mapping = {};
    for (const [k, v] of Object.entries(mappingRaw)) if (isInt(v)) mapping[k] = v;
  }
  const unitReturn = readUnitReturn(parsed['unitReturn']);
  // Absent stays absent (a document of an earlier version, or one that never had marks); anything that is
  // not a readable document counts as "no settings before".
  const prior = nested || !('prior' in parsed) ? undefined : readDocument(parsed['prior'], true);
  return {
    app: 'duban',
    version: typeof parsed['version'] === 'number' ? parsed['version'] : DUBAN_SETTINGS_VERSION,
    sheet: str(parsed['sheet']),
    mapping,
    planYear: isInt(parsed['planYear']) ? parsed['planYear'] : null,
    asOf: str(parsed['asOf']),
    preset: str(parsed['preset']),
    history: readHistory(parsed['history']),
    owned: nested ? { sheets: [], columns: [], rules: [] } : readOwned(parsed['owned']),
    ...(unitReturn ? { unitReturn } : {}),
    ...(prior !== undefined ? { prior } : {}),
  };
}

/**
 * Read the settings document from the settings sheet's grid. Null when the sheet is not ours (no marker)
 * or its JSON is unreadable — a broken settings sheet must never stop a run; the caller reports it.
 */
export function parseSettingsGrid(grid: Grid): DubanSettings | null {
  const first = grid.cells[0]?.[0];
  if (cellText(first ?? null).trim() !== SETTINGS_MARKER || grid.origin.row !== 0 || grid.origin.col !== 0) {
    return null;
  }
  const json = grid.cells
    .slice(1)
    .map((r) => cellText(r[0] ?? null))
    .join('');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  return readDocument(parsed, false);
}

/**
 * The snapshot movement is measured against: the newest one strictly before `asOf`. Using "strictly
 * before" keeps a re-run on the same date from comparing a ranking with itself (score twice = score once).
 */
export function baselineSnapshot(history: readonly ResultSnapshot[], asOf: string): ResultSnapshot | null {
  let best: ResultSnapshot | null = null;
  for (const s of history) if (s.asOf < asOf && (best === null || s.asOf > best.asOf)) best = s;
  return best;
}

/** History with `snapshot` put in place of any earlier one for the same date, sorted, capped. */
export function withSnapshot(history: readonly ResultSnapshot[], snapshot: ResultSnapshot): ResultSnapshot[] {
  const kept = history.filter((s) => s.asOf !== snapshot.asOf);
  kept.push(snapshot);
  kept.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  return kept.slice(-HISTORY_LIMIT);
}
