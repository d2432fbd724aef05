/**
 * Issue 6 §4: every Office.js member the add-in calls type-checks against @types/office-js, and belongs to the
 * manifest's declared requirement set or is guarded by `isSetSupported`.
 *
 * How (details in `api-inventory.ts`): a TypeScript program over tsconfig.web.json; every property access,
 * call, `load('a/b')` path and contextually typed object-literal property under src/excel, src/commands and
 * src/taskpane whose symbol is declared in @types/office-js is a USE, keyed like `Excel.Range.values`. Each
 * key must be in `OFFICE_API_SETS` (src/excel/office-api-sets.ts) — a new call fails until its set is added.
 * A use needs no guard when its set is within the BASELINE: the `<Set Name MinVersion>` of manifest.xml's base
 * `<Requirements>` (read here, not hard-coded) plus `IMPLIED_SETS` (Common, DialogApi 1.1, AddinCommands 1.1).
 *
 * THE GUARD RULE. A use of a member needing set S version v (outside the baseline) is guarded when, walking
 * up from the use to the file, one of these holds:
 *   1. it is in the then-branch of `if (C)`, the true branch of `C ? … : …`, or right of `C && …`
 *      (or the else / false / `||` side of `!C`), where C PROVES (S, v);
 *   2. an earlier statement of an enclosing block is `if (!C) return|throw …;` (no else) with C proving (S, v);
 *   3. it follows `x?.` in an optional chain where x proves (S, v) (x is only non-nullish when S v is there);
 *   4. an enclosing function carries the JSDoc tag `@requires S w` with w ≥ v, and every call of that function
 *      in the walked code is itself guarded for (S, w) (a function used other than by calling it fails);
 *   5. it is read from an object whose Office.js class has a table entry covering (S, v) (`Excel.RangeAreas`,
 *      `Excel.PageLayout`): the call that produced the object was itself a checked use.
 * An expression C PROVES (S, v) when it is (parentheses, `!!`, `as` and `!` ignored):
 *   a. a call `….isSetSupported('S', 'w')` (any receiver; literal arguments; no version means 1.1) with w ≥ v;
 *   b. `A && B` where A or B proves it;
 *   c. a call of a project function whose body is a single `return E`, E proving it with the call's
 *      arguments put for the parameters (so `supportsApi('1.9')` works when it returns
 *      `isSetSupported('ExcelApi', version)`);
 *   d. `P ? X : Y` where (P or X proves it) and Y proves it; a literal that is never truthy (`false`, `null`,
 *      `undefined`, `0`, `''`) proves anything — "truthy ⇒ supported" holds vacuously;
 *   e. a variable or field (`x`, `this.x`, `o.x`) when EVERYTHING stored in it in the walked code proves it:
 *      its initializer, each `x = E`, each object-literal property contextually typed as that field
 *      (`{ merges: false }`, `{ pageLayout: req.isSetSupported('ExcelApi', '1.9') }`); a field nobody writes, or
 *      one written with `+=`-style operators, proves nothing;
 *   f. a getter whose body is a single `return E`, E proving it;
 *   g. a parameter when every call of its function (in the walked code) passes, in its place, an argument
 *      that proves it — recursive calls passing the parameter on unchanged count as proving.
 * Anything else is unguarded: the rule looks at syntax and declarations only, never at values at run time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  IMPLIED_SETS,
  OFFICE_API_SETS,
  TAG_EXCEPTIONS,
  compareVersions,
} from '../../src/excel/office-api-sets.ts';
import {
  buildTagIndex,
  checkInventory,
  manifestSets,
  readManifestSets,
  requirementTags,
  type InventoryProblem,
} from './api-inventory.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WALKED = /[\\/]src[\\/](excel|commands|taskpane)[\\/]/;

function webConfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    resolve(ROOT, 'tsconfig.web.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('cannot read tsconfig.web.json');
  return parsed;
}

/** Parsed library files (office-js is 190k lines) are shared by every program the tests build. */
const sourceCache = new Map<string, ts.SourceFile>();

function createHost(options: ts.CompilerOptions, virtual: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  return {
    ...host,
    fileExists: (f) => virtual.has(f) || host.fileExists(f),
    readFile: (f) => virtual.get(f) ?? host.readFile(f),
    getSourceFile: (fileName, languageVersion, onError) => {
      const text = virtual.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
      const cached = sourceCache.get(fileName);
      if (cached) return cached;
      const sf = getSourceFile(fileName, languageVersion, onError);
      if (sf && fileName.includes('/node_modules/')) sourceCache.set(fileName, sf);
      return sf;
    },
  };
}

function diagnosticsText(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `
        : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
  });
}

function baselineOf(manifest: ReadonlyMap<string, string>): Map<string, string> {
  const baseline = new Map(Object.entries(IMPLIED_SETS));
  for (const [set, version] of manifest) {
    const implied = baseline.get(set);
    if (implied === undefined || compareVersions(version, implied) > 0) baseline.set(set, version);
  }
  return baseline;
}

/** `kind key @line` — what the negative tests compare (columns are not worth pinning). */
function brief(p: InventoryProblem): string {
  const line = p.at.split(':').at(-2) ?? '?';
  return `${p.kind} ${p.key} @${line}`;
}

describe('the add-in code against @types/office-js and manifest.xml', () => {
  let program: ts.Program;
  beforeAll(() => {
    const config = webConfig();
    program = ts.createProgram({
      rootNames: config.fileNames,
      options: config.options,
      host: createHost(config.options, new Map()),
    });
  }, 120_000);

  it('type-checks: tsconfig.web.json (src/excel, src/commands, src/taskpane) has no diagnostics', () => {
    const diagnostics = [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program.getSyntacticDiagnostics(),
      ...program.getSemanticDiagnostics(),
    ];
    expect(diagnosticsText(diagnostics)).toEqual([]);
  }, 120_000);

  it('uses only tabled members, and guards every one above the manifest', () => {
    const manifest = readManifestSets(resolve(ROOT, 'manifest.xml'));
    const { uses, problems } = checkInventory({
      program,
      isWalked: (f) => WALKED.test(f),
      table: OFFICE_API_SETS,
      baseline: baselineOf(manifest),
    });
    // The walk must see the code at all: the reader alone makes dozens of Office.js calls.
    expect(uses.length).toBeGreaterThan(20);
    expect(problems.map((p) => `${p.kind} ${p.key} at ${p.at}: ${p.detail}`)).toEqual([]);
  }, 120_000);

  it('every table entry names a member of @types/office-js and agrees with its requirement tag', () => {
    const tags = buildTagIndex(program);
    const wrong: string[] = [];
    for (const [key, requirement] of Object.entries(OFFICE_API_SETS)) {
      const found = tags.get(key);
      if (found === undefined) {
        wrong.push(`${key}: no such declaration in @types/office-js`);
        continue;
      }
      const agrees = found.length === 0 || found.includes(requirement);
      if (TAG_EXCEPTIONS.has(key)) {
        if (agrees)
          wrong.push(`${key}: listed in TAG_EXCEPTIONS but agrees with its tag ${found.join(', ')}`);
      } else if (!agrees) {
        wrong.push(`${key}: table says ${requirement}, @types/office-js says ${found.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
    // Hand-checked against the reference pages (cited in office-api-sets.ts).
    expect(tags.get('Excel.Worksheet.pageLayout')).toEqual(['ExcelApi 1.9']);
    expect(tags.get('Excel.PageLayoutZoomOptions.horizontalFitToPages')).toEqual(['ExcelApi 1.9']);
    expect(tags.get('Excel.Range.getMergedAreasOrNullObject')).toEqual(['ExcelApi 1.13']);
    expect(tags.get('Excel.Range.dataValidation')).toEqual(['ExcelApi 1.8']);
    expect(tags.get('Excel.ConditionalFormatCollection.add')).toEqual(['ExcelApi 1.6']);
    expect(tags.get('Office.Dialog.messageChild')).toContain('DialogApi 1.2');
  }, 120_000);
});

describe('reading requirement sets', () => {
  it('takes the base manifest sets, not those inside VersionOverrides', () => {
    const xml = [
      '<OfficeApp><Requirements><Sets DefaultMinVersion="1.1">',
      '<Set Name="ExcelApi" MinVersion="1.7"/><Set Name="DialogApi"/>',
      '</Sets></Requirements>',
      '<VersionOverrides><Requirements><Sets><Set Name="ExcelApi" MinVersion="1.12"/></Sets></Requirements>',
      '</VersionOverrides></OfficeApp>',
    ].join('\n');
    expect([...manifestSets(xml)]).toEqual([
      ['ExcelApi', '1.7'],
      ['DialogApi', '1.1'],
    ]);
  });

  it('reads ExcelApi from the real manifest (1.8 when this test was written)', () => {
    expect(readManifestSets(resolve(ROOT, 'manifest.xml')).get('ExcelApi')).toBe('1.8');
  });

  it('parses the .d.ts requirement tags, dropping other hosts', () => {
    expect(requirementTags('* [Api set: ExcelApi 1.9]')).toEqual(['ExcelApi 1.9']);
    expect(
      requirementTags('**Requirement set**: {@link https://x/dialog-api-requirement-sets | DialogApi 1.2}'),
    ).toEqual(['DialogApi 1.2']);
    expect(requirementTags('[Api set: Mailbox 1.3]')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The rule on tiny sources, compiled together in one program against the real @types/office-js.

const CASES: Readonly<Record<string, string>> = {
  unguarded: `
export async function printSetup(context: Excel.RequestContext): Promise<void> {
  const sheet = context.workbook.worksheets.getItem('台账');
  sheet.pageLayout.orientation = 'Landscape';
  await context.sync();
}`,
  ifGuard: `
export async function printSetup(context: Excel.RequestContext): Promise<void> {
  const sheet = context.workbook.worksheets.getItem('台账');
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    sheet.pageLayout.orientation = 'Landscape';
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  await context.sync();
}`,
  tooLowGuard: `
export function printSetup(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.8')) {
    sheet.pageLayout.orientation = 'Landscape';
  }
}`,
  otherSetGuard: `
export function printSetup(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported('WordApi', '1.9')) {
    sheet.pageLayout.orientation = 'Landscape';
  }
}`,
  earlyExit: `
export function printSetup(sheet: Excel.Worksheet, req: Office.RequirementSetSupport): void {
  if (!req.isSetSupported('ExcelApi', '1.10')) return;
  sheet.pageLayout.setPrintTitleRows('$1:$2');
}`,
  helper: `
function supportsApi(version: string): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}
export function printSetup(sheet: Excel.Worksheet): void {
  if (supportsApi('1.9')) sheet.pageLayout.paperSize = 'A4';
  if (supportsApi('1.7')) sheet.pageLayout.orientation = 'Portrait';
}`,
  requiresTag: `
/** @requires ExcelApi 1.9 */
function landscape(sheet: Excel.Worksheet): void {
  sheet.pageLayout.orientation = 'Landscape';
}
export function good(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.9')) landscape(sheet);
}
export function bad(sheet: Excel.Worksheet): void {
  landscape(sheet);
}`,
  parameterFlow: `
class Reader {
  constructor(private readonly req: Office.RequirementSetSupport) {}
  get mergesSupported(): boolean {
    return this.req.isSetSupported('ExcelApi', '1.13');
  }
  read(range: Excel.Range): void {
    const withMerges = this.mergesSupported;
    this.readFirst(range, withMerges);
  }
  private readFirst(range: Excel.Range, withMerges: boolean): void {
    const merged = withMerges ? range.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    if (merged && !merged.isNullObject) console.log(merged.address);
    if (range.rowCount > 1) this.readFirst(range, withMerges);
  }
}
export const reader = new Reader(Office.context.requirements);`,
  parameterFlowLeak: `
function readMerged(range: Excel.Range, withMerges: boolean): void {
  if (withMerges) range.getMergedAreasOrNullObject();
}
export function a(range: Excel.Range): void {
  readMerged(range, Office.context.requirements.isSetSupported('ExcelApi', '1.13'));
}
export function b(range: Excel.Range): void {
  readMerged(range, true);
}`,
  unknownMember: `
export function paint(sheet: Excel.Worksheet): void {
  sheet.tabColor = '#FF0000';
}`,
  loads: `
export function loads(sheet: Excel.Worksheet, range: Excel.Range, fields: string): void {
  sheet.load('name, pageLayout/orientation');
  range.load('valuez');
  range.load(fields);
}`,
  literalOutside: `
const fitToWidth: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1 };
export function zoom(sheet: Excel.Worksheet): void {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.9')) sheet.pageLayout.zoom = fitToWidth;
}`,
  abilityField: `
interface Abilities {
  readonly pageLayout: boolean;
}
export function abilities(req: Office.RequirementSetSupport): Abilities {
  return { pageLayout: req.isSetSupported('ExcelApi', '1.9') };
}
export const none: Abilities = { pageLayout: false };
export function print(sheet: Excel.Worksheet, can: Abilities): void {
  if (!can.pageLayout) {
    return;
  }
  const layout = sheet.pageLayout;
  layout.paperSize = 'A4';
}`,
  abilityFieldLeak: `
interface Abilities2 {
  readonly pageLayout: boolean;
}
export const all: Abilities2 = { pageLayout: true };
export function print2(sheet: Excel.Worksheet, can: Abilities2): void {
  if (can.pageLayout) sheet.pageLayout.paperSize = 'A4';
}`,
  typeOnly: `
export let lastLayout: Excel.PageLayout | undefined;
export type Zoom = Excel.PageLayoutZoomOptions;`,
};

describe('the guard rule on tiny sources', () => {
  let results: Map<string, string[]>;
  let typeErrors: string[];
  const file = (name: string): string => resolve(ROOT, `virtual/src/excel/${name}.ts`);

  beforeAll(() => {
    const config = webConfig();
    const virtual = new Map(Object.entries(CASES).map(([name, text]) => [file(name), text]));
    const program = ts.createProgram({
      rootNames: [...virtual.keys()],
      options: config.options,
      host: createHost(config.options, virtual),
    });
    typeErrors = diagnosticsText(program.getSemanticDiagnostics());
    const { problems } = checkInventory({
      program,
      isWalked: (f) => virtual.has(f),
      table: OFFICE_API_SETS,
      baseline: new Map([
        ['ExcelApi', '1.8'],
        ['Common', '1.1'],
        ['DialogApi', '1.1'],
        ['AddinCommands', '1.1'],
      ]),
    });
    results = new Map(Object.keys(CASES).map((name) => [name, [] as string[]]));
    for (const p of problems) {
      const name = p.at.replace(/^virtual\/src\/excel\//, '').split('.ts:')[0] ?? '';
      results.get(name)?.push(brief(p));
    }
  }, 120_000);

  it('the cases compile against @types/office-js', () => {
    expect(typeErrors).toEqual([]);
  });

  it('reports an unguarded ExcelApi 1.9 member', () => {
    expect(results.get('unguarded')).toEqual(['unguarded Excel.Worksheet.pageLayout @4']);
  });

  it('accepts uses inside if (isSetSupported(ExcelApi, 1.9)), object-literal members included', () => {
    expect(results.get('ifGuard')).toEqual([]);
  });

  it('rejects a guard for a lower version or another set', () => {
    expect(results.get('tooLowGuard')).toEqual(['unguarded Excel.Worksheet.pageLayout @4']);
    expect(results.get('otherSetGuard')).toEqual(['unguarded Excel.Worksheet.pageLayout @4']);
  });

  it('accepts an early return on !isSetSupported', () => {
    expect(results.get('earlyExit')).toEqual([]);
  });

  it('follows a one-line helper with its argument', () => {
    expect(results.get('helper')).toEqual(['unguarded Excel.Worksheet.pageLayout @7']);
  });

  it('accepts @requires only when every caller is guarded', () => {
    expect(results.get('requiresTag')).toEqual(['unguarded Excel.Worksheet.pageLayout @4']);
  });

  it('follows a flag through a getter, a const and a parameter (the reader’s merged-areas pattern)', () => {
    // Also: RangeAreas members (1.9) read from the object getMergedAreasOrNullObject returned need no guard.
    expect(results.get('parameterFlow')).toEqual([]);
  });

  it('rejects a parameter one caller fills with something that proves nothing', () => {
    expect(results.get('parameterFlowLeak')).toEqual(['unguarded Excel.Range.getMergedAreasOrNullObject @3']);
  });

  it('reports a member missing from the table', () => {
    expect(results.get('unknownMember')).toEqual(['unknown-member Excel.Worksheet.tabColor @3']);
  });

  it('checks load() paths: unguarded members, misspelt names and non-literal arguments', () => {
    expect(results.get('loads')).toEqual([
      'unresolved-load Excel.Range.valuez @4',
      'unresolved-load (load) @5',
      'unguarded Excel.Worksheet.pageLayout @3',
    ]);
  });

  it('reports an object literal of a 1.9 type built outside the guard', () => {
    expect(results.get('literalOutside')).toEqual([
      'unguarded Excel.PageLayoutZoomOptions.horizontalFitToPages @2',
    ]);
  });

  it('follows a flag field through every object that sets it', () => {
    expect(results.get('abilityField')).toEqual([]);
    expect(results.get('abilityFieldLeak')).toEqual(['unguarded Excel.Worksheet.pageLayout @7']);
  });

  it('ignores type positions', () => {
    expect(results.get('typeOnly')).toEqual([]);
  });
});

describe('the table file', () => {
  it('keeps its values in the "<Set> <version>" form', () => {
    const bad = Object.entries(OFFICE_API_SETS).filter(([, v]) => !/^[A-Za-z]+ \d+\.\d+$/.test(v));
    expect(bad).toEqual([]);
    // The source text names the pieces the issue lists, so a reader can find them.
    const text = readFileSync(resolve(ROOT, 'src/excel/office-api-sets.ts'), 'utf8');
    expect(text).toContain("'Excel.Worksheet.pageLayout': 'ExcelApi 1.9'");
  });
});
