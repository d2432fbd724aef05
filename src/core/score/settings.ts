/**
 * Resolving, validating and storing scoring settings. Settings are a preset from the rule table plus the
 * user's overrides; anything invalid is rejected at once with a message naming the field in Chinese and
 * English (`settings.severeGap 必须是 0–100 之间的数字 / … must be a number between 0 and 100`), because a
 * wrong threshold would silently change every status in a circular.
 */
import { DubanError } from '../errors.ts';
import { BASE_SETTINGS, DEFAULT_PRESET_NAME, RULE_PRESETS, type RulePreset } from '../vocab/rule-presets.ts';
import type { ScoringSettings } from './settings-model.ts';

export type {
  EscalationSettings,
  FormulaSettings,
  GapMode,
  ParagraphSettings,
  PraiseSettings,
  ScoringSettings,
  ToleranceSettings,
} from './settings-model.ts';

// The shape of the settings as data: the validator, the merger and the JSON writer all walk this one tree,
// so a new setting is added in one place.
type FieldSpec =
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly integer?: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'text'; readonly maxLength: number }
  | { readonly kind: 'monthDays' }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, FieldSpec>> };

const POINTS: FieldSpec = { kind: 'number', min: 0, max: 100 };
const BOOL: FieldSpec = { kind: 'boolean' };

// Every setting except `preset`, which is chosen by name, never overridden.
const SETTINGS_SPEC: { readonly kind: 'object'; readonly fields: Readonly<Record<string, FieldSpec>> } = {
  kind: 'object',
  fields: {
    gapMode: { kind: 'enum', values: ['points', 'relative'] },
    laggingGap: POINTS,
    laggingInclusive: BOOL,
    severeGap: POINTS,
    severeInclusive: BOOL,
    overdueIsSevere: BOOL,
    tolerance: {
      kind: 'object',
      fields: { ratePoints: POINTS, quantityRelative: { kind: 'number', min: 0, max: 1 } },
    },
    percentDecimals: { kind: 'number', min: 0, max: 4, integer: true },
    printedRateTolerance: POINTS,
    progressTextLimit: { kind: 'number', min: 1, max: 100_000, integer: true },
    reportingDeadlines: { kind: 'monthDays' },
    formula: {
      kind: 'object',
      fields: {
        creditCap: { kind: 'number', min: 1, max: 10 },
        lowerIsBetterBase: { kind: 'number', min: 1, max: 10 },
        laggingWordCredit: { kind: 'number', min: 0, max: 1 },
        scoreDecimals: { kind: 'number', min: 0, max: 4, integer: true },
      },
    },
    praise: { kind: 'object', fields: { minScore: POINTS } },
    escalation: {
      kind: 'object',
      fields: { severe: BOOL, overdue: BOOL, yearEndUnfinished: BOOL, lagging: BOOL },
    },
    scopeName: { kind: 'text', maxLength: 20 },
    paragraph: {
      kind: 'object',
      fields: { topNamesLimit: { kind: 'number', min: 1, max: 100, integer: true } },
    },
  },
};

/** Version written into stored settings; bump when a setting changes meaning. */
export const SETTINGS_JSON_VERSION = 1;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(path: string, zh: string, en: string, value: unknown): never {
  throw new DubanError('invalid_settings', `${path} ${zh} / ${path} ${en}`, { field: path, value });
}

// Characters as people count them (a CJK character or an emoji is one), not UTF-16 units.
function codePoints(text: string): number {
  let n = 0;
  for (const _ch of text) n += 1;
  return n;
}

function daysInMonthOfAnyYear(month: number): number {
  // February accepts 29: a reporting date is a day of the calendar, not of one year.
  return [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * True for `MM-DD` with a real month and day.
 * @example isMonthDay('06-30') === true; isMonthDay('6-30') === false; isMonthDay('02-30') === false
 */
export function isMonthDay(text: string): boolean {
  // Exactly two digits, a dash, two digits: '03-31' ✓, '3-31' ✗, '03/31' ✗, '03-31 ' ✗.
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonthOfAnyYear(month);
}

function checkValue(spec: FieldSpec, value: unknown, path: string): void {
  switch (spec.kind) {
    case 'number': {
      const ok =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= spec.min &&
        value <= spec.max &&
        (!spec.integer || Number.isInteger(value));
      if (!ok) {
        if (spec.integer) {
          fail(
            path,
            `必须是 ${spec.min}–${spec.max} 之间的整数`,
            `must be a whole number between ${spec.min} and ${spec.max}`,
            value,
          );
        }
        fail(
          path,
          `必须是 ${spec.min}–${spec.max} 之间的数字`,
          `must be a number between ${spec.min} and ${spec.max}`,
          value,
        );
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail(path, '必须是 true 或 false', 'must be true or false', value);
      return;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        fail(
          path,
          `必须是以下之一：${spec.values.join('、')}`,
          `must be one of: ${spec.values.join(', ')}`,
          value,
        );
      }
      return;
    case 'text':
      if (typeof value !== 'string' || value.trim() === '' || codePoints(value) > spec.maxLength) {
        fail(
          path,
          `必须是不超过${spec.maxLength}个字符的非空文本`,
          `must be a non-empty text of at most ${spec.maxLength} characters`,
          value,
        );
      }
      return;
    case 'monthDays': {
      const ok =
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((v): v is string => typeof v === 'string' && isMonthDay(v)) &&
        value.every((v, i) => i === 0 || (value[i - 1] ?? '') < v);
      if (!ok) {
        fail(
          path,
          '必须是按时间先后排列、不重复的“MM-DD”日期列表，如 ["03-31","06-30"]',
          'must be a list of distinct "MM-DD" dates in ascending order, e.g. ["03-31","06-30"]',
          value,
        );
      }
      return;
    }
    case 'object':
      if (!isPlainObject(value)) fail(path, '必须是一个对象', 'must be an object', value);
      for (const [key, child] of Object.entries(spec.fields)) checkValue(child, value[key], `${path}.${key}`);
      return;
  }
}

/**
 * Check a complete settings object; throws `DubanError('invalid_settings')` naming the first bad field.
 * Cross-field rule: `severeGap` may not be below `laggingGap`.
 */
export function validateSettings(settings: unknown): asserts settings is ScoringSettings {
  if (!isPlainObject(settings)) fail('settings', '必须是一个对象', 'must be an object', settings);
  const preset = settings['preset'];
  if (typeof preset !== 'string' || preset.trim() === '') {
    fail('settings.preset', '必须是规则预设的名称', 'must be the name of a rule preset', preset);
  }
  checkValue(SETTINGS_SPEC, settings, 'settings');
  const lagging = settings['laggingGap'] as number;
  const severe = settings['severeGap'] as number;
  if (severe < lagging) {
    throw new DubanError(
      'invalid_settings',
      `settings.severeGap（${severe}）不能小于 settings.laggingGap（${lagging}） / ` +
        `settings.severeGap (${severe}) must not be less than settings.laggingGap (${lagging})`,
      { field: 'settings.severeGap', value: severe },
    );
  }
}

// Merge `overrides` into `base` along the spec. Unknown keys go to `onUnknown` (which throws for API callers
// and collects for stored JSON). Values are copied, never shared with the caller.
function merge(
  spec: { readonly kind: 'object'; readonly fields: Readonly<Record<string, FieldSpec>> },
  base: Readonly<Record<string, unknown>>,
  overrides: unknown,
  path: string,
  onUnknown: (path: string) => void,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(spec.fields)) {
    out[key] =
      child.kind === 'object'
        ? merge(child, base[key] as Record<string, unknown>, undefined, '', () => {})
        : copy(base[key]);
  }
  if (overrides === undefined || overrides === null) return out;
  if (!isPlainObject(overrides)) fail(path, '必须是一个对象', 'must be an object', overrides);
  for (const [key, value] of Object.entries(overrides)) {
    const child = spec.fields[key];
    if (child === undefined) {
      onUnknown(`${path}.${key}`);
      continue;
    }
    if (child.kind === 'object') {
      if (!isPlainObject(value)) fail(`${path}.${key}`, '必须是一个对象', 'must be an object', value);
      out[key] = merge(child, out[key] as Record<string, unknown>, value, `${path}.${key}`, onUnknown);
    } else {
      out[key] = copy(value);
    }
  }
  return out;
}

function copy(v: unknown): unknown {
  return Array.isArray(v) ? [...(v as unknown[])] : v;
}

/** The names users can pick, default first. */
export function presetNames(): string[] {
  return RULE_PRESETS.map((p) => p.name);
}

/**
 * Find a preset by name or alias (`银川`, `yinchuan`); null when unknown. Case-insensitive for ASCII aliases.
 */
export function findPreset(name: string): RulePreset | null {
  const key = name.trim().toLowerCase();
  return RULE_PRESETS.find((p) => p.name === name.trim() || p.aliases.includes(key)) ?? null;
}

function presetOrThrow(name: string | undefined): RulePreset {
  const wanted = name ?? DEFAULT_PRESET_NAME;
  const preset = findPreset(wanted);
  if (preset) return preset;
  const known = RULE_PRESETS.map((p) => `${p.name}(${p.aliases.join('/')})`);
  throw new DubanError(
    'invalid_settings',
    `未知的规则预设“${wanted}”，可选：${known.join('、')} / unknown rule preset "${wanted}"; known: ${known.join(', ')}`,
    { field: 'preset', value: wanted },
  );
}

function fromPreset(preset: RulePreset): ScoringSettings {
  return { ...BASE_SETTINGS, ...preset.thresholds, preset: preset.name };
}

function build(preset: RulePreset, overrides: unknown, onUnknown: (path: string) => void): ScoringSettings {
  const merged = merge(
    SETTINGS_SPEC,
    fromPreset(preset) as unknown as Record<string, unknown>,
    overrides,
    'settings',
    onUnknown,
  );
  const candidate = { preset: preset.name, ...merged };
  validateSettings(candidate);
  return candidate;
}

/**
 * The settings for a preset (default `序时`) with the user's overrides (a partial settings object; nested
 * groups may be partial too). Validates eagerly: an unknown preset, an unknown key or a bad value throws
 * `DubanError('invalid_settings')` with a zh + en message naming the field.
 * @example resolveSettings('银川').laggingGap === 10
 * @example resolveSettings(undefined, { severeGap: 25, praise: { minScore: 90 } })
 */
export function resolveSettings(preset?: string, overrides?: unknown): ScoringSettings {
  return build(presetOrThrow(preset), overrides, (path) =>
    fail(path, '不是已知的设置项', 'is not a known setting', undefined),
  );
}

/**
 * Settings as plain JSON text for storing in the workbook: `{"version":1,"preset":"序时",…every setting}`.
 * Keys are written in a fixed order so the stored text only changes when a value does.
 */
export function settingsToJson(settings: ScoringSettings): string {
  validateSettings(settings);
  const ordered = (spec: FieldSpec, value: unknown): unknown => {
    if (spec.kind !== 'object') return copy(value);
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(spec.fields)) out[key] = ordered(child, src[key]);
    return out;
  };
  const body = ordered(SETTINGS_SPEC, settings) as Record<string, unknown>;
  return JSON.stringify({ version: SETTINGS_JSON_VERSION, preset: settings.preset, ...body });
}

/** Settings read back from the workbook, with the keys this version does not know. */
export interface StoredSettings {
  readonly settings: ScoringSettings;
  /** Paths such as `settings.colourScheme` that were ignored (written by a newer version or by hand). */
  readonly unknownKeys: readonly string[];
}

/**
 * Read settings stored by {@link settingsToJson}. Missing keys take the stored preset's values; unknown keys
 * are ignored and reported (a newer version may have written them); invalid JSON, an unknown version or
 * preset, or a bad value throw `DubanError('invalid_settings')`.
 */
export function settingsFromJson(text: string): StoredSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new DubanError(
      'invalid_settings',
      '保存的评分设置不是有效的 JSON / the stored scoring settings are not valid JSON',
      { field: 'settings' },
      { cause },
    );
  }
  if (!isPlainObject(parsed)) fail('settings', '必须是一个对象', 'must be an object', parsed);
  const { version, preset, ...rest } = parsed;
  if (version !== undefined && version !== SETTINGS_JSON_VERSION) {
    fail(
      'settings.version',
      `不受支持（本版本支持 ${SETTINGS_JSON_VERSION}）`,
      `is not supported (this version reads ${SETTINGS_JSON_VERSION})`,
      version,
    );
  }
  if (preset !== undefined && typeof preset !== 'string') {
    fail('settings.preset', '必须是规则预设的名称', 'must be the name of a rule preset', preset);
  }
  const unknownKeys: string[] = [];
  const settings = build(presetOrThrow(preset), rest, (path) => unknownKeys.push(path));
  return { settings, unknownKeys };
}
