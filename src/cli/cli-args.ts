/**
 * Argument parsing for every command: one option table, validated eagerly, errors as {@link CliFailure}
 * with exit code 2 and a message in the chosen language.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../core/findings.ts';
import { say } from './cli-messages.ts';
import { CliFailure, EXIT } from './cli-io.ts';

/** Parsed, validated options. */
export interface CliOptions {
  readonly command: string | null;
  readonly positionals: readonly string[];
  readonly lang: Lang;
  readonly json: boolean;
  readonly help: boolean;
  readonly sheet: string | null;
  readonly planYear: number | null;
  readonly asOf: string | null;
  readonly preset: string | null;
  readonly out: string | null;
  /** `--out-dir DIR` (split). */
  readonly outDir: string | null;
  /** `--in-place`: rewrite the input, keeping `name.bak.xlsx`. */
  readonly inPlace: boolean;
  /** `--deadline YYYY-MM-DD` (split: the reporting deadline in the instructions). */
  readonly deadline: string | null;
}

/** Read `--lang` before anything else so even argument errors speak the user's language. */
function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh';
  const arg = argv[i] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
  return value === 'en' ? 'en' : 'zh';
}

/** Parse argv (without node and script). Throws CliFailure(exit 2) on bad usage. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const lang = langOf(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        sheet: { type: 'string' },
        'plan-year': { type: 'string' },
        'as-of': { type: 'string' },
        preset: { type: 'string' },
        out: { type: 'string' },
        'out-dir': { type: 'string' },
        'in-place': { type: 'boolean', default: false },
        deadline: { type: 'string' },
      },
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new CliFailure(say(lang, 'badOption', { detail }), EXIT.usage);
  }
  const v = parsed.values;
  if (v.lang !== undefined && v.lang !== 'zh' && v.lang !== 'en') {
    throw new CliFailure(say(lang, 'badLang'), EXIT.usage);
  }
  let planYear: number | null = null;
  if (v['plan-year'] !== undefined) {
    // Four digits, a plausible plan year: '2024' ✓, '24' ✗, '2024年' ✗.
    if (!/^\d{4}$/.test(v['plan-year'])) {
      throw new CliFailure(say(lang, 'badPlanYear', { value: v['plan-year'] }), EXIT.usage);
    }
    planYear = Number(v['plan-year']);
  }
  let asOf: string | null = null;
  if (v['as-of'] !== undefined) {
    if (!isIsoDate(v['as-of'])) throw new CliFailure(say(lang, 'badAsOf', { value: v['as-of'] }), EXIT.usage);
    asOf = v['as-of'];
  }
  if (v.deadline !== undefined && !isIsoDate(v.deadline)) {
    throw new CliFailure(say(lang, 'badDeadline', { value: v.deadline }), EXIT.usage);
  }
  const [command, ...positionals] = parsed.positionals;
  return {
    command: command ?? null,
    positionals,
    lang,
    json: v.json,
    help: v.help,
    sheet: v.sheet ?? null,
    planYear,
    asOf,
    preset: v.preset ?? null,
    out: v.out ?? null,
    outDir: v['out-dir'] ?? null,
    inPlace: v['in-place'],
    deadline: v.deadline ?? null,
  };
}

/**
 * A real calendar date in ISO form.
 * @example isIsoDate('2024-06-30') === true; isIsoDate('2024-02-30') === false; isIsoDate('2024/6/30') === false
 */
export function isIsoDate(text: string): boolean {
  // 'YYYY-MM-DD' exactly: '2024-06-30' ✓, '2024-6-30' ✗, '2024-06-30T00:00' ✗
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
