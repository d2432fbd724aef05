/**
 * Splitting the ledger per responsible unit: one workbook plan per unit with only its rows (a row shared by
 * several lead units goes to each), laid out like the master ledger, an instructions sheet (填报说明: the
 * deadline, the 200-character rule, how to fill in), the sheet protected so targets cannot be changed by a
 * slip while the units' cells stay unlocked and validated, and a settings document naming the unit — the
 * mark by which `mergeReturns` recognises the file as ours.
 */
import { cellAt, type Grid, type RawCell } from '../grid.ts';
import type { LedgerHeader } from '../ledger/ledger-header.ts';
import { parseUnits } from '../people/parse-units.ts';
import { cellText, compactKey } from '../text/normalize.ts';
import {
  LEDGER_COLUMNS,
  LEDGER_LIST_SEPARATOR,
  LEDGER_PROGRESS_LIMIT,
  LEDGER_SHEET_NAME,
  LEDGER_STATUS_CHOICES,
  LEDGER_TITLE_NO_YEAR,
  LEDGER_TITLE_SUFFIX,
  type LedgerColumn,
  type LedgerRowShape,
} from '../vocab/ledger-columns.ts';
import { OWNED_SHEET_NAMES } from './labels.ts';
import { planLedgerSheet } from './plan-breakdown.ts';
import type { PlanCell, SheetPlan, WritePlan } from './plan-model.ts';
import { styled } from './plan-value.ts';
import { SETTINGS_SHEET_NAME, emptySettings, type DubanSettings } from './owned-settings.ts';

/** Input of {@link planSplit}. */
export interface SplitInput {
  /** The master ledger sheet. */
  readonly grid: Grid;
  readonly header: LedgerHeader;
  readonly planYear: number | null;
  /** Reporting deadline for this round (ISO), named in the instructions; null = not stated. */
  readonly deadline: string | null;
}

/** One unit's workbook. */
export interface UnitSplitPlan {
  readonly unit: string;
  /** A file name safe on Windows, macOS and Linux: `2024年重点工作任务台账-区发改局.xlsx`. */
  readonly fileName: string;
  /** Task ids in the copy, in sheet order. */
  readonly ids: readonly string[];
  readonly plan: WritePlan;
}

// Characters Windows forbids in file names, plus control characters.
const FORBIDDEN = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);

/** Device names Windows reserves whatever the extension (`CON.xlsx` cannot be created). */
const RESERVED = new Set([
  'CON',
  'PRN',
  'AUX',
  'NUL',
  ...Array.from({ length: 9 }, (_, i) => `COM${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `LPT${i + 1}`),
]);

/** Longest base name we make (characters), well under every file system's limit. */
const MAX_BASE = 80;

/**
 * A file base name safe everywhere: forbidden and control characters become `_`, line breaks and runs of
 * spaces one space, trailing dots and spaces go, reserved device names get a leading `_`, long names are cut.
 * @example safeFileBase('市生态环境局\n泰山分局') === '市生态环境局 泰山分局'
 * @example safeFileBase('A/B: C?') === 'A_B_ C_'; safeFileBase('CON') === '_CON'; safeFileBase('...') === '_'
 */
export function safeFileBase(name: string): string {
  let out = '';
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || ch === '\r' || ch === '\t') out += ' ';
    else if (code < 32 || FORBIDDEN.has(ch)) out += '_';
    else out += ch;
  }
  // Collapse space runs (ASCII and U+3000) into one ASCII space: '区  发改局' → '区 发改局'.
  out = out.replace(/[ \u3000]+/g, ' ').trim();
  out = Array.from(out).slice(0, MAX_BASE).join('');
  // Trailing dots and spaces are dropped by Windows: 'a. ' → 'a', '...' → ''.
  out = out.replace(/[. ]+$/, '');
  if (out === '') return '_';
  if (RESERVED.has(out.toUpperCase().split('.')[0] ?? '')) out = `_${out}`;
  return out;
}

/** The lead units of a ledger row's 责任单位 cell. */
export function rowUnits(raw: RawCell): string[] {
  return parseUnits(cellText(raw));
}

function idText(raw: RawCell): string {
  return typeof raw === 'number' ? String(raw) : cellText(raw).trim();
}

function instructionsSheet(unit: string, title: string, input: SplitInput, count: number): SheetPlan {
  const lines: [string, string][] = [
    ['责任单位', unit],
    ['任务数', `${count}项（见“${LEDGER_SHEET_NAME}”工作表）`],
    ['报送截止', input.deadline ?? '按督查室通知要求的日期'],
    [
      '填写范围',
      '只填写浅黄色的列：各季度完成值、各季度进展状态和进展情况。编号、子任务、目标值等列已锁定，请勿改动；' +
        '如目标确需调整，请另行书面说明。',
    ],
    [
      '完成值',
      '填写截至季度末的累计完成数，单位同“计量单位”列，只填数字；一行有多个指标的，按“目标值”列的顺序' +
        `用“${LEDGER_LIST_SEPARATOR}”分隔，如 195、250。`,
    ],
    ['进展状态', `从下拉列表选择：${LEDGER_STATUS_CHOICES.join('、')}。`],
    ['进展情况', `简要写明进展和存在的问题，每项一般不超过${LEDGER_PROGRESS_LIMIT}字，超过的不予汇总。`],
    ['报送方式', '填好后保存本文件（不要改文件格式，不要增删工作表），按原文件名报送督查室。'],
  ];
  const cells: PlanCell[] = [styled(0, 0, `${title}——${unit}填报说明`, 'title')];
  const heights = [{ row: 0, height: 30 }];
  lines.forEach(([label, text], i) => {
    cells.push(styled(i + 2, 0, label, 'bodyCenter'));
    cells.push(styled(i + 2, 1, text, 'bodyWrap'));
    heights.push({ row: i + 2, height: Math.max(20, 16 * Math.ceil(text.length / 40)) });
  });
  return {
    name: OWNED_SHEET_NAMES.instructions,
    visibility: 'visible',
    owned: true,
    cells,
    widths: [
      { col: 0, width: 12 },
      { col: 1, width: 80 },
    ],
    heights,
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    frozenRows: 0,
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
    validations: [],
    protect: true,
  };
}

/**
 * One workbook plan per lead unit named in the ledger, in order of first appearance. Rows without an id
 * are left out (merge could not match them back).
 */
export function planSplit(input: SplitInput): UnitSplitPlan[] {
  const { grid, header } = input;
  const columns: LedgerColumn[] = LEDGER_COLUMNS.filter((c) => header.columns.has(c.key));
  const unitCol = header.columns.get('unit');
  const idCol = header.columns.get('id');
  const targetCol = header.columns.get('target');
  if (unitCol === undefined || idCol === undefined) return [];
  const title = input.planYear === null ? LEDGER_TITLE_NO_YEAR : `${input.planYear}${LEDGER_TITLE_SUFFIX}`;
  const byUnit = new Map<string, { name: string; rows: number[] }>();
  const lastRow = grid.origin.row + grid.cells.length - 1;
  for (let r = header.headerRow + 1; r <= lastRow; r++) {
    if (idText(cellAt(grid, r, idCol)) === '') continue;
    for (const unit of rowUnits(cellAt(grid, r, unitCol))) {
      const key = compactKey(unit);
      const entry = byUnit.get(key) ?? { name: unit, rows: [] };
      entry.rows.push(r);
      byUnit.set(key, entry);
    }
  }
  const usedNames = new Set<string>();
  const out: UnitSplitPlan[] = [];
  for (const { name: unit, rows } of byUnit.values()) {
    const values = rows.map((r) =>
      columns.map((c) => {
        const col = header.columns.get(c.key);
        return col === undefined ? null : cellAt(grid, r, col);
      }),
    );
    const shapes: LedgerRowShape[] = rows.map((r) =>
      targetCol !== undefined && cellText(cellAt(grid, r, targetCol)).includes(LEDGER_LIST_SEPARATOR)
        ? 'list'
        : 'single',
    );
    const ledger = {
      ...planLedgerSheet({ sheetName: LEDGER_SHEET_NAME, title, columns, rows: values, shapes }),
    };
    const ledgerSheet: SheetPlan = { ...ledger, protect: true };
    const ids = rows.map((r) => idText(cellAt(grid, r, idCol)));
    const instructions = instructionsSheet(unit, title, input, rows.length);
    const settings: DubanSettings = {
      ...emptySettings(),
      sheet: LEDGER_SHEET_NAME,
      planYear: input.planYear,
      owned: { sheets: [instructions.name, SETTINGS_SHEET_NAME], columns: [], rules: [] },
      unitReturn: { unit, sheet: LEDGER_SHEET_NAME, ids, deadline: input.deadline },
      // A new workbook: there were no settings before, so clear deletes the settings sheet.
      prior: null,
    };
    let base = safeFileBase(`${title}-${unit}`);
    for (let i = 2; usedNames.has(base.toLowerCase()); i++) base = safeFileBase(`${title}-${unit}(${i})`);
    usedNames.add(base.toLowerCase());
    out.push({
      unit,
      fileName: `${base}.xlsx`,
      ids,
      plan: {
        replaceOwned: false,
        sheets: [instructions, ledgerSheet],
        columns: [],
        updates: [],
        conditionalFormats: [],
        settings,
      },
    });
  }
  return out;
}
