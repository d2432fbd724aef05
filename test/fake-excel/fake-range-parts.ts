/**
 * The parts of a range the writer formats: `Range.format` (fill, font, borders, protection, alignment,
 * widths), `Range.dataValidation` and `Range.conditionalFormats` with their rules — proxies over the host
 * document, each member checked and applied by `fake-ops.ts`.
 */
import { FakeOfficeError } from './fake-errors.ts';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DEFAULT_STYLE,
  type HostBorder,
  type HostConditionalFormat,
  type HostRange,
  type HostSheet,
  type HostStyle,
  type HostValidationRule,
} from './fake-host.ts';
import {
  addConditionalFormat,
  BORDER_INDEXES,
  BORDER_STYLES,
  borderCells,
  clearValidation,
  colour,
  conditionalFormatsIn,
  deleteConditionalFormat,
  enumWord,
  guardSheet,
  guardSheetOnly,
  HORIZONTAL,
  liveConditionalFormat,
  patchStyle,
  setColumnWidth,
  setPriority,
  setRowHeight,
  setValidationAlert,
  setValidationPrompt,
  setValidationRule,
  styleAt,
  styleRange,
  subtract,
  UNDERLINE,
  uniform,
  validationsIn,
  VERTICAL,
} from './fake-ops.ts';
import {
  commitItems,
  defineAccessors,
  FakeClientObject,
  FakeClientResult,
  navPath,
  type FakeRequestContext,
  type ObjectSpec,
  type PropSpec,
  type Staged,
} from './fake-core.ts';
import { FakeRange } from './fake-excel.ts';

// ---------------------------------------------------------------------------------------------------------
// range formats

/** A property on the cells of a range: the shared value when read (null when mixed), every cell when set. */
function cellProp(
  api: string,
  what: string,
  read: (s: HostStyle) => unknown,
  write: (value: unknown, s: HostStyle) => void,
  check: (value: unknown) => unknown = (v) => v,
): PropSpec<HostRange> {
  return {
    api,
    read: (r) => uniform(r, (row, col) => read(styleAt(r.sheet, row, col))),
    write: (r, v) => {
      const value = check(v);
      styleRange(r, what, (s) => {
        write(value, s);
      });
    },
  };
}

function bool(where: string): (v: unknown) => boolean {
  return (v) => {
    if (typeof v !== 'boolean')
      throw new FakeOfficeError('InvalidArgument', `${where} must be true or false.`);
    return v;
  };
}

const FORMAT_SPEC: ObjectSpec<HostRange> = {
  props: {
    wrapText: cellProp(
      '1.1',
      'RangeFormat.wrapText',
      (s) => s.wrap ?? DEFAULT_STYLE.wrap,
      (v, s) => (s.wrap = v as boolean),
      bool('wrapText'),
    ),
    horizontalAlignment: cellProp(
      '1.1',
      'RangeFormat.horizontalAlignment',
      (s) => s.horizontal ?? DEFAULT_STYLE.horizontal,
      (v, s) => (s.horizontal = v as string),
      (v) => enumWord(v, HORIZONTAL, 'horizontalAlignment'),
    ),
    verticalAlignment: cellProp(
      '1.1',
      'RangeFormat.verticalAlignment',
      (s) => s.vertical ?? DEFAULT_STYLE.vertical,
      (v, s) => (s.vertical = v as string),
      (v) => enumWord(v, VERTICAL, 'verticalAlignment'),
    ),
    columnWidth: {
      api: '1.2',
      read: (r) => {
        const widths = new Set<number>();
        for (let c = r.left; c <= r.right && widths.size < 2; c++) {
          widths.add(r.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        }
        return widths.size === 1 ? [...widths][0] : null;
      },
      write: (r, v) => {
        setColumnWidth(r, v);
      },
    },
    rowHeight: {
      api: '1.2',
      read: (r) => {
        const heights = new Set<number>();
        for (let row = r.top; row <= r.bottom && heights.size < 2; row++) {
          heights.add(r.sheet.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT);
        }
        return heights.size === 1 ? [...heights][0] : null;
      },
      write: (r, v) => {
        setRowHeight(r, v);
      },
    },
  },
};

/** `Excel.RangeFormat`. */
export class FakeRangeFormat extends FakeClientObject<HostRange> {
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  /** Width of the columns in points (null when they differ). */
  declare columnWidth: number;
  /** Height of the rows in points (null when they differ). */
  declare rowHeight: number;

  get fill(): FakeRangeFill {
    return this._nav(
      'fill',
      () =>
        new FakeRangeFill(
          this.context,
          navPath(this, 'Fill', '1.1', (p) => p),
        ),
    );
  }
  get font(): FakeRangeFont {
    return this._nav(
      'font',
      () =>
        new FakeRangeFont(
          this.context,
          navPath(this, 'Font', '1.1', (p) => p),
        ),
    );
  }
  get borders(): FakeRangeBorderCollection {
    return this._nav(
      'borders',
      () =>
        new FakeRangeBorderCollection(
          this.context,
          navPath(this, 'Borders', '1.1', (p) => p),
        ),
    );
  }
  /** Cell protection (ExcelApi 1.2). */
  get protection(): FakeFormatProtection {
    return this._nav(
      'protection',
      () =>
        new FakeFormatProtection(
          this.context,
          navPath(this, 'Protection', '1.2', (p) => p),
        ),
    );
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return FORMAT_SPEC;
  }
}
defineAccessors(FakeRangeFormat.prototype, FORMAT_SPEC);

const FILL_SPEC: ObjectSpec<HostRange> = {
  props: {
    // Office.js reports a cell without fill as white.
    color: cellProp(
      '1.1',
      'RangeFill.color',
      (s) => s.fill ?? '#FFFFFF',
      (v, s) => (s.fill = v as string),
      (v) => colour(v, 'RangeFill.color'),
    ),
  },
  methods: {
    clear: {
      api: '1.1',
      run: (r) => {
        styleRange(r, 'RangeFill.clear', (s) => {
          delete s.fill;
        });
      },
    },
  },
};

/** `Excel.RangeFill`. */
export class FakeRangeFill extends FakeClientObject<HostRange> {
  declare color: string;
  /** Remove the fill. */
  clear(): void {
    this._call('clear', []);
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return FILL_SPEC;
  }
}
defineAccessors(FakeRangeFill.prototype, FILL_SPEC);

const FONT_SPEC: ObjectSpec<HostRange> = {
  props: {
    bold: cellProp(
      '1.1',
      'RangeFont.bold',
      (s) => s.bold ?? DEFAULT_STYLE.bold,
      (v, s) => (s.bold = v as boolean),
      bool('bold'),
    ),
    color: cellProp(
      '1.1',
      'RangeFont.color',
      (s) => s.fontColor ?? DEFAULT_STYLE.fontColor,
      (v, s) => (s.fontColor = v as string),
      (v) => colour(v, 'RangeFont.color'),
    ),
    size: cellProp(
      '1.1',
      'RangeFont.size',
      (s) => s.fontSize ?? DEFAULT_STYLE.fontSize,
      (v, s) => (s.fontSize = v as number),
      (v) => {
        if (typeof v !== 'number' || !(v >= 1 && v <= 409)) {
          throw new FakeOfficeError('InvalidArgument', 'Font size must be 1–409.');
        }
        return v;
      },
    ),
    name: cellProp(
      '1.1',
      'RangeFont.name',
      (s) => s.fontName ?? DEFAULT_STYLE.fontName,
      (v, s) => (s.fontName = v as string),
      (v) => {
        if (typeof v !== 'string' || v === '')
          throw new FakeOfficeError('InvalidArgument', 'Font name: text.');
        return v;
      },
    ),
    underline: cellProp(
      '1.1',
      'RangeFont.underline',
      (s) => s.underline ?? DEFAULT_STYLE.underline,
      (v, s) => (s.underline = v as string),
      (v) => enumWord(v, UNDERLINE, 'RangeFont.underline'),
    ),
  },
};

/** `Excel.RangeFont`. */
export class FakeRangeFont extends FakeClientObject<HostRange> {
  declare bold: boolean;
  declare color: string;
  declare size: number;
  declare name: string;
  declare underline: string;
  /** @internal */ override _spec(): ObjectSpec<never> {
    return FONT_SPEC;
  }
}
defineAccessors(FakeRangeFont.prototype, FONT_SPEC);

const FORMAT_PROTECTION_SPEC: ObjectSpec<HostRange> = {
  props: {
    locked: cellProp(
      '1.2',
      'FormatProtection.locked',
      (s) => s.locked ?? DEFAULT_STYLE.locked,
      (v, s) => (s.locked = v as boolean),
      bool('locked'),
    ),
  },
};

/** `Excel.FormatProtection`. */
export class FakeFormatProtection extends FakeClientObject<HostRange> {
  declare locked: boolean;
  /** @internal */ override _spec(): ObjectSpec<never> {
    return FORMAT_PROTECTION_SPEC;
  }
}
defineAccessors(FakeFormatProtection.prototype, FORMAT_PROTECTION_SPEC);

interface BorderTarget {
  readonly range: HostRange;
  readonly index: string;
  readonly sheet: HostSheet;
}

function borderProp(key: 'style' | 'color'): PropSpec<BorderTarget> {
  return {
    api: '1.1',
    read: (t) => {
      const seen = new Set(
        borderCells(t.range, t.index).map(({ row, col, edge }) => {
          const b = styleAt(t.range.sheet, row, col).borders?.[edge];
          return key === 'style' ? (b?.style ?? 'None') : (b?.color ?? '#000000');
        }),
      );
      return seen.size === 1 ? [...seen][0] : null;
    },
    write: (t, v) => {
      const value =
        key === 'style' ? enumWord(v, BORDER_STYLES, 'RangeBorder.style') : colour(v, 'RangeBorder.color');
      guardSheet(t.range, `RangeBorder.${key}`);
      for (const { row, col, edge } of borderCells(t.range, t.index)) {
        patchStyle(t.range.sheet, row, col, (s) => {
          const borders = { ...(s.borders ?? {}) };
          const current = borders[edge] ?? { style: 'None' as const, color: '#000000' };
          borders[edge] =
            key === 'style'
              ? { ...current, style: value as HostBorder['style'] }
              : { ...current, color: value };
          s.borders = borders;
        });
      }
    },
  };
}

const BORDER_SPEC: ObjectSpec<BorderTarget> = {
  props: { style: borderProp('style'), color: borderProp('color') },
};

/** `Excel.RangeBorder`. */
export class FakeRangeBorder extends FakeClientObject<BorderTarget> {
  declare style: string;
  declare color: string;
  /** @internal */ override _spec(): ObjectSpec<never> {
    return BORDER_SPEC;
  }
}
defineAccessors(FakeRangeBorder.prototype, BORDER_SPEC);

/** `Excel.RangeBorderCollection`: `getItem(index)` only. */
export class FakeRangeBorderCollection extends FakeClientObject<HostRange> {
  /** One edge (`EdgeTop`, `EdgeBottom`, `EdgeLeft`, `EdgeRight`, `InsideHorizontal`, `InsideVertical`). */
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(
      this.context,
      navPath(
        this,
        'GetItem',
        '1.1',
        (p) => {
          const range = p as HostRange;
          return {
            range,
            sheet: range.sheet,
            index: enumWord(index, BORDER_INDEXES, 'RangeBorderCollection.getItem'),
          };
        },
        { type: 'method', args: [index] },
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// data validation

const VALIDATION_SPEC: ObjectSpec<HostRange> = {
  props: {
    rule: {
      api: '1.8',
      read: (r) => {
        const v = validationsIn(r);
        const only = v[0];
        return v.length === 1 && only?.rule ? structuredClone(only.rule) : {};
      },
      write: (r, v) => {
        setValidationRule(r, v);
      },
    },
    prompt: {
      api: '1.8',
      read: (r) => {
        const only = validationsIn(r)[0];
        return only?.prompt ? { ...only.prompt } : { showPrompt: false, title: '', message: '' };
      },
      write: (r, v) => {
        setValidationPrompt(r, v);
      },
    },
    errorAlert: {
      api: '1.8',
      read: (r) => {
        const only = validationsIn(r)[0];
        return only?.errorAlert
          ? { ...only.errorAlert }
          : { showAlert: true, style: 'Stop', title: '', message: '' };
      },
      write: (r, v) => {
        setValidationAlert(r, v);
      },
    },
    type: {
      api: '1.8',
      read: (r) => {
        const v = validationsIn(r);
        if (v.length === 0) return 'None';
        const kinds = new Set(v.map((x) => (x.rule ? Object.keys(x.rule)[0] : 'none')));
        if (kinds.size > 1) return 'Inconsistent';
        const kind = [...kinds][0] ?? 'none';
        return kind === 'none' ? 'None' : kind.charAt(0).toUpperCase() + kind.slice(1);
      },
    },
  },
  methods: {
    clear: {
      api: '1.8',
      run: (r) => {
        clearValidation(r);
      },
    },
  },
};

/** `Excel.DataValidation` (ExcelApi 1.8). */
export class FakeDataValidation extends FakeClientObject<HostRange> {
  declare rule: HostValidationRule;
  declare prompt: { showPrompt: boolean; title: string; message: string };
  declare errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  declare readonly type: string;
  /** Remove the validation from the range. */
  clear(): void {
    this._call('clear', []);
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return VALIDATION_SPEC;
  }
}
defineAccessors(FakeDataValidation.prototype, VALIDATION_SPEC);

// ---------------------------------------------------------------------------------------------------------
// conditional formats

/** The host object behind a conditional-format proxy: the rule and its sheet (one object per rule). */
interface CfTarget {
  readonly sheet: HostSheet;
  readonly cf: HostConditionalFormat;
}
const CF_TARGETS = new WeakMap<HostConditionalFormat, CfTarget>();
function cfTarget(sheet: HostSheet, cf: HostConditionalFormat): CfTarget {
  let t = CF_TARGETS.get(cf);
  if (!t) {
    t = { sheet, cf };
    CF_TARGETS.set(cf, t);
  }
  return t;
}
function liveCf(t: CfTarget): HostConditionalFormat {
  liveConditionalFormat(t.sheet, t.cf);
  return t.cf;
}
/** A change to a rule is a change to the cells it covers: refused on a protected sheet. */
function writableCf(t: CfTarget, what: string): HostConditionalFormat {
  const cf = liveCf(t);
  guardSheetOnly(t.sheet, what);
  return cf;
}
function ofType(t: CfTarget, type: HostConditionalFormat['type'], nullable: boolean): CfTarget | null {
  const cf = liveCf(t);
  if (cf.type === type) return t;
  if (nullable) return null;
  throw new FakeOfficeError('ItemNotFound', `The conditional format is not of type ${type}.`);
}

const CF_SPEC: ObjectSpec<CfTarget> = {
  props: {
    type: { api: '1.6', read: (t) => liveCf(t).type },
    id: { api: '1.6', read: (t) => liveCf(t).id },
    priority: {
      api: '1.6',
      read: (t) => t.sheet.conditionalFormats.indexOf(liveCf(t)),
      write: (t, v) => {
        setPriority(t.sheet, writableCf(t, 'ConditionalFormat.priority'), v);
      },
    },
  },
  methods: {
    delete: {
      api: '1.6',
      run: (t) => {
        deleteConditionalFormat(t.sheet, writableCf(t, 'ConditionalFormat.delete'));
      },
    },
  },
};
const CF_ITEM_PROPS = ['type', 'priority', 'id'];

/** `Excel.ConditionalFormat`: Custom and DataBar rules. */
export class FakeConditionalFormat extends FakeClientObject<CfTarget> {
  /** @internal A collection item, already resolved. */
  static _item(context: FakeRequestContext, t: CfTarget): FakeConditionalFormat {
    return new FakeConditionalFormat(context, null, t);
  }
  declare readonly type: string;
  declare readonly id: string;
  declare priority: number;

  /** The Custom rule; the sync fails with `ItemNotFound` for another type. */
  get custom(): FakeCustomConditionalFormat {
    return this._nav(
      'custom',
      () =>
        new FakeCustomConditionalFormat(
          this.context,
          navPath(this, 'Custom', '1.6', (p) => ofType(p as CfTarget, 'Custom', false)),
        ),
    );
  }
  /** The Custom rule, or a null object. */
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this._nav(
      'customOrNullObject',
      () =>
        new FakeCustomConditionalFormat(
          this.context,
          navPath(this, 'CustomOrNullObject', '1.6', (p) => ofType(p as CfTarget, 'Custom', true)),
        ),
    );
  }
  /** The DataBar rule; the sync fails with `ItemNotFound` for another type. */
  get dataBar(): FakeDataBarConditionalFormat {
    return this._nav(
      'dataBar',
      () =>
        new FakeDataBarConditionalFormat(
          this.context,
          navPath(this, 'DataBar', '1.6', (p) => ofType(p as CfTarget, 'DataBar', false)),
        ),
    );
  }
  /** The DataBar rule, or a null object. */
  get dataBarOrNullObject(): FakeDataBarConditionalFormat {
    return this._nav(
      'dataBarOrNullObject',
      () =>
        new FakeDataBarConditionalFormat(
          this.context,
          navPath(this, 'DataBarOrNullObject', '1.6', (p) => ofType(p as CfTarget, 'DataBar', true)),
        ),
    );
  }
  /** The range the rule applies to; the sync fails with `InvalidOperation` when it covers several areas. */
  getRange(): FakeRange {
    return new FakeRange(
      this.context,
      navPath(this, 'GetRange', '1.6', (p) => cfRange(p as CfTarget, false), { type: 'method' }),
    );
  }
  /** The range the rule applies to, or a null object when it covers several areas. */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      navPath(this, 'GetRangeOrNullObject', '1.6', (p) => cfRange(p as CfTarget, true), { type: 'method' }),
    );
  }
  /** Delete the rule. */
  delete(): void {
    this._call('delete', []);
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return CF_SPEC;
  }
}
defineAccessors(FakeConditionalFormat.prototype, CF_SPEC);

function cfRange(t: CfTarget, nullable: boolean): HostRange | null {
  const cf = liveCf(t);
  const only = cf.areas.length === 1 ? cf.areas[0] : undefined;
  if (only) return { sheet: t.sheet, ...only };
  if (nullable) return null;
  throw new FakeOfficeError('InvalidOperation', 'The conditional format applies to more than one range.');
}

const CUSTOM_SPEC: ObjectSpec<CfTarget> = { props: {} };

/** `Excel.CustomConditionalFormat`. */
export class FakeCustomConditionalFormat extends FakeClientObject<CfTarget> {
  get rule(): FakeConditionalFormatRule {
    return this._nav(
      'rule',
      () =>
        new FakeConditionalFormatRule(
          this.context,
          navPath(this, 'Rule', '1.6', (p) => p),
        ),
    );
  }
  get format(): FakeConditionalRangeFormat {
    return this._nav(
      'format',
      () =>
        new FakeConditionalRangeFormat(
          this.context,
          navPath(this, 'Format', '1.6', (p) => p),
        ),
    );
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return CUSTOM_SPEC;
  }
}

const RULE_SPEC: ObjectSpec<CfTarget> = {
  props: {
    formula: {
      api: '1.6',
      read: (t) => liveCf(t).formula,
      write: (t, v) => {
        if (typeof v !== 'string' || v === '') {
          throw new FakeOfficeError('InvalidArgument', 'The rule formula must be text.');
        }
        writableCf(t, 'ConditionalFormatRule.formula').formula = v;
      },
    },
  },
};

/** `Excel.ConditionalFormatRule`. */
export class FakeConditionalFormatRule extends FakeClientObject<CfTarget> {
  declare formula: string;
  /** @internal */ override _spec(): ObjectSpec<never> {
    return RULE_SPEC;
  }
}
defineAccessors(FakeConditionalFormatRule.prototype, RULE_SPEC);

/** `Excel.ConditionalRangeFormat`: fill and font colour. */
export class FakeConditionalRangeFormat extends FakeClientObject<CfTarget> {
  get fill(): FakeConditionalRangeFill {
    return this._nav(
      'fill',
      () =>
        new FakeConditionalRangeFill(
          this.context,
          navPath(this, 'Fill', '1.6', (p) => p),
        ),
    );
  }
  get font(): FakeConditionalRangeFont {
    return this._nav(
      'font',
      () =>
        new FakeConditionalRangeFont(
          this.context,
          navPath(this, 'Font', '1.6', (p) => p),
        ),
    );
  }
}

const CF_FILL_SPEC: ObjectSpec<CfTarget> = {
  props: {
    color: {
      api: '1.6',
      read: (t) => liveCf(t).fill,
      write: (t, v) => {
        const c = colour(v, 'ConditionalRangeFill.color');
        writableCf(t, 'ConditionalRangeFill.color').fill = c;
      },
    },
  },
  methods: {
    clear: { api: '1.6', run: (t) => (writableCf(t, 'ConditionalRangeFill.clear').fill = null) },
  },
};

/** `Excel.ConditionalRangeFill`. */
export class FakeConditionalRangeFill extends FakeClientObject<CfTarget> {
  declare color: string;
  /** Remove the fill. */
  clear(): void {
    this._call('clear', []);
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return CF_FILL_SPEC;
  }
}
defineAccessors(FakeConditionalRangeFill.prototype, CF_FILL_SPEC);

const CF_FONT_SPEC: ObjectSpec<CfTarget> = {
  props: {
    color: {
      api: '1.6',
      read: (t) => liveCf(t).fontColor,
      write: (t, v) => {
        const c = colour(v, 'ConditionalRangeFont.color');
        writableCf(t, 'ConditionalRangeFont.color').fontColor = c;
      },
    },
  },
};

/** `Excel.ConditionalRangeFont`. */
export class FakeConditionalRangeFont extends FakeClientObject<CfTarget> {
  declare color: string;
  /** @internal */ override _spec(): ObjectSpec<never> {
    return CF_FONT_SPEC;
  }
}
defineAccessors(FakeConditionalRangeFont.prototype, CF_FONT_SPEC);

const DATA_BAR_SPEC: ObjectSpec<CfTarget> = {
  props: {
    barDirection: {
      api: '1.6',
      read: (t) => liveCf(t).bar.direction,
      write: (t, v) => {
        const d = enumWord(
          v,
          ['Context', 'LeftToRight', 'RightToLeft'],
          'DataBarConditionalFormat.barDirection',
        );
        writableCf(t, 'DataBarConditionalFormat.barDirection').bar.direction = d;
      },
    },
  },
};

/** `Excel.DataBarConditionalFormat`. */
export class FakeDataBarConditionalFormat extends FakeClientObject<CfTarget> {
  declare barDirection: string;
  get positiveFormat(): FakeConditionalDataBarPositiveFormat {
    return this._nav(
      'positiveFormat',
      () =>
        new FakeConditionalDataBarPositiveFormat(
          this.context,
          navPath(this, 'PositiveFormat', '1.6', (p) => p),
        ),
    );
  }
  /** @internal */ override _spec(): ObjectSpec<never> {
    return DATA_BAR_SPEC;
  }
}
defineAccessors(FakeDataBarConditionalFormat.prototype, DATA_BAR_SPEC);

const POSITIVE_SPEC: ObjectSpec<CfTarget> = {
  props: {
    fillColor: {
      api: '1.6',
      read: (t) => liveCf(t).bar.fillColor,
      write: (t, v) => {
        const c = colour(v, 'ConditionalDataBarPositiveFormat.fillColor');
        writableCf(t, 'ConditionalDataBarPositiveFormat.fillColor').bar.fillColor = c;
      },
    },
    gradientFill: {
      api: '1.6',
      read: (t) => liveCf(t).bar.gradient,
      write: (t, v) => {
        if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'gradientFill: boolean.');
        writableCf(t, 'ConditionalDataBarPositiveFormat.gradientFill').bar.gradient = v;
      },
    },
  },
};

/** `Excel.ConditionalDataBarPositiveFormat`. */
export class FakeConditionalDataBarPositiveFormat extends FakeClientObject<CfTarget> {
  declare fillColor: string;
  declare gradientFill: boolean;
  /** @internal */ override _spec(): ObjectSpec<never> {
    return POSITIVE_SPEC;
  }
}
defineAccessors(FakeConditionalDataBarPositiveFormat.prototype, POSITIVE_SPEC);

const CF_COLLECTION_SPEC: ObjectSpec<HostRange> = {
  props: {},
  methods: {
    getCount: { api: '1.6', run: (r) => conditionalFormatsIn(r).length },
    clearAll: {
      api: '1.6',
      run: (r) => {
        guardSheet(r, 'ConditionalFormatCollection.clearAll');
        for (const cf of r.sheet.conditionalFormats) cf.areas = cf.areas.flatMap((a) => subtract(a, r));
        r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((cf) => cf.areas.length > 0);
      },
    },
  },
};

/** `Excel.ConditionalFormatCollection` of a range: the rules that intersect it, in priority order. */
export class FakeConditionalFormatCollection extends FakeClientObject<HostRange> {
  private readonly itemsCache: FakeConditionalFormat[] = [];

  /** Add a rule over the range (`Custom` or `DataBar`); it becomes priority 0, as in Excel. */
  add(type: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      navPath(
        this,
        'Add',
        '1.6',
        (p, env) => {
          const range = p as HostRange;
          return cfTarget(range.sheet, addConditionalFormat(env.doc, range, type));
        },
        { type: 'method', args: [type], sideEffect: true },
      ),
    );
  }
  /** How many rules intersect the range. */
  getCount(): FakeClientResult<number> {
    return this._ask<number>('getCount', []);
  }
  /** Remove the range's cells from every rule (rules left with no cells go). */
  clearAll(): void {
    this._call('clearAll', []);
  }
  /** The loaded rules; throws `PropertyNotLoaded` until loaded and synced. */
  get items(): FakeConditionalFormat[] {
    return this._get('items') as FakeConditionalFormat[];
  }

  /** @internal */ override _spec(): ObjectSpec<never> {
    return CF_COLLECTION_SPEC;
  }
  /** @internal */ override _propertyApi(prop: string): string | undefined {
    if (prop === 'items') return '1.6';
    const bare = prop.startsWith('items/') ? prop.slice('items/'.length) : null;
    if (bare === null) return undefined;
    return CF_ITEM_PROPS.includes(bare) ? '1.6' : undefined;
  }
  /** @internal */ override _readProp(target: unknown, prop: string, staged: Staged): unknown {
    const range = target as HostRange;
    const bare = prop === 'items' ? 'items' : prop.slice('items/'.length);
    const fields = bare === 'items' ? CF_ITEM_PROPS : [bare];
    const hosts = conditionalFormatsIn(range).map((cf) => cfTarget(range.sheet, cf));
    const read = (t: CfTarget, f: string): unknown => CF_SPEC.props[f]?.read?.(t, staged);
    const readers = new Map(fields.map((f) => [f, (t: CfTarget) => read(t, f)]));
    const values = hosts.map((t) => Object.fromEntries(fields.map((f) => [f, read(t, f)])));
    staged.afterCommit.push(() => {
      commitItems(this, this.itemsCache, hosts, (t) => FakeConditionalFormat._item(this.context, t), readers);
    });
    return values;
  }
  protected override _scalarProps(): readonly string[] {
    return ['items'];
  }
}
