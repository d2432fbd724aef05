import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  XmlSyntaxError,
  checkManifest,
  compareVersions,
  formatProblem,
  parseXml,
  readPngSize,
  validateManifest,
} from '../../scripts/manifest-checks.mjs';
import type { Env, ManifestProblem } from '../../scripts/manifest-checks.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const manifestPath = path.join(repoRoot, 'manifest.xml');
const manifest = readFileSync(manifestPath, 'utf8');
const script = path.join(repoRoot, 'scripts', 'validate-manifest.mjs');

// CI=1 makes a missing schema folder a failure, so no test here can pass with the XSD pass silently skipped.
const env: Env = { CI: '1', DUBAN_MANIFEST_SCHEMAS: process.env.DUBAN_MANIFEST_SCHEMAS };

const scratch = mkdtempSync(path.join(tmpdir(), 'duban-manifest-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** The manifest with `from` (which must occur exactly once) replaced by `to`. */
function mutate(from: string, to: string, text: string = manifest): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0) {
    throw new Error(`mutation anchor must occur exactly once: ${from}`);
  }
  return text.replace(from, () => to);
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, at).split('\n').length;
}

/** The parts of problems the tests pin down, in a stable order. */
function brief(problems: readonly ManifestProblem[]): { code: string; line: number; element: string }[] {
  return problems
    .map(({ code, line, element }) => ({ code, line, element }))
    .sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
}

describe('parseXml', () => {
  it('reads elements, attributes, entities, CDATA and start-tag lines', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- a comment with <angle> brackets -->',
      '<a x="1 &amp; 2">',
      "  <b:c y='&#x4E2D;&#25991;'/>",
      '  <d>t&lt;u<![CDATA[<v>]]></d>',
      '</a>',
      '',
    ].join('\n');
    const root = parseXml(text);
    expect(root.name).toBe('a');
    expect(root.line).toBe(3);
    expect(root.attrs).toEqual({ x: '1 & 2' });
    expect(root.children.map((c) => [c.name, c.line])).toEqual([
      ['b:c', 4],
      ['d', 5],
    ]);
    // U+4E2D 中, decimal 25991 = U+6587 文.
    expect(root.children[0]?.attrs.y).toBe('中文');
    expect(root.children[1]?.text).toBe('t<u<v>');
    expect(root.children[1]?.parent).toBe(root);
  });

  it('rejects a mismatched end tag, naming the line', () => {
    try {
      parseXml('<a>\n<b>\n</a>');
      expect.unreachable('parseXml should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(XmlSyntaxError);
      expect((error as XmlSyntaxError).line).toBe(3);
      expect((error as XmlSyntaxError).detail).toBe('end tag </a> does not match <b> of line 2');
    }
  });

  it.each([
    ['a bare ampersand', '<a>fish & chips</a>', 'bare "&"'],
    ['an unknown entity', '<a>&nbsp;</a>', 'unknown entity'],
    ['a duplicate attribute', '<a x="1" x="2"/>', 'duplicate attribute x'],
    ['an unclosed element', '<a><b/>', '<a> of line 1 is never closed'],
    ['two roots', '<a/><b/>', 'second root element'],
    ['an unquoted attribute', '<a x=1/>', 'not quoted'],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseXml(text)).toThrow(message);
  });
});

describe('helpers', () => {
  it('compares requirement-set versions numerically', () => {
    expect(compareVersions('1.10', '1.8')).toBeGreaterThan(0);
    expect(compareVersions('1.8', '1.8')).toBe(0);
    expect(compareVersions('1.4', '1.8')).toBeLessThan(0);
    expect(compareVersions('2.0', '1.8')).toBeGreaterThan(0);
    expect(compareVersions('1.8.1', '1.8')).toBeNaN();
  });

  it('reads PNG dimensions and refuses other bytes', () => {
    expect(readPngSize(readFileSync(path.join(repoRoot, 'assets/icon-80.png')))).toEqual({
      width: 80,
      height: 80,
    });
    expect(readPngSize(Buffer.from('GIF89a this is not a PNG at all'))).toBeNull();
  });

  it('formats a problem as file:line <element>: zh | en', () => {
    const line = formatProblem(
      { code: 'permissions', line: 55, element: '<Permissions>', zh: '中文', en: 'English' },
      'manifest.xml',
    );
    expect(line).toBe('manifest.xml:55 <Permissions>: 中文 | English');
  });
});

describe('the real manifest', () => {
  it('passes the XSD and every own check', async () => {
    const result = await validateManifest(manifest, { repoRoot, env });
    expect(result.problems).toEqual([]);
    expect(result.xsd).toBe('valid');
  });

  it('is checked in full: counts taken by hand from manifest.xml', () => {
    const { stats } = checkManifest(manifest, { repoRoot });
    // 9 images + 3 URLs + 8 short strings + 4 long strings.
    expect(stats.resources).toBe(24);
    // GetStarted 3 + FunctionFile 1 + group label and 3 icons 4 + per button (label, supertip title and
    // description, 3 icons = 6) × 3 + the ShowTaskpane SourceLocation 1.
    expect(stats.references).toBe(27);
    // IconUrl, HighResolutionIconUrl, SupportUrl, DefaultSettings/SourceLocation + 9 images + 3 URLs.
    expect(stats.urls).toBe(16);
    expect(stats.icons).toBe(11);
    // DisplayName, Description + 12 string resources.
    expect(stats.strings).toBe(14);
  });

  it('requires ExcelApi 1.8 exactly, ReadWriteDocument and zh-CN', () => {
    const root = parseXml(manifest);
    const byName = (name: string) => root.children.find((c) => c.name === name);
    expect(byName('DefaultLocale')?.text).toBe('zh-CN');
    expect(byName('Permissions')?.text).toBe('ReadWriteDocument');
    const set = byName('Requirements')?.children[0]?.children[0];
    expect(set?.attrs).toEqual({ Name: 'ExcelApi', MinVersion: '1.8' });
  });
});

describe('mutated copies fail', () => {
  it('a dangling resid (and the resource it orphans)', async () => {
    const text = mutate('<Label resid="ScoreButton.Label"/>', '<Label resid="ScoreButton.Lable"/>');
    const result = await validateManifest(text, { repoRoot, env });
    expect(result.xsd).toBe('valid');
    expect(brief(result.problems)).toEqual([
      {
        code: 'resid_dangling',
        line: lineOf(text, 'ScoreButton.Lable'),
        element: '<Label resid="ScoreButton.Lable">',
      },
      {
        code: 'resource_unused',
        line: lineOf(text, '<bt:String id="ScoreButton.Label"'),
        element: '<bt:String id="ScoreButton.Label">',
      },
    ]);
  });

  it('a resid pointing at the wrong kind of resource', () => {
    const text = mutate('<Title resid="ScoreButton.Title"/>', '<Title resid="ScoreButton.Tooltip"/>');
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      {
        code: 'resid_wrong_kind',
        line: lineOf(text, '<Title resid="ScoreButton.Tooltip"/>'),
        element: '<Title resid="ScoreButton.Tooltip">',
      },
      {
        code: 'resource_unused',
        line: lineOf(text, '<bt:String id="ScoreButton.Title"'),
        element: '<bt:String id="ScoreButton.Title">',
      },
    ]);
  });

  it('a duplicate resource id', () => {
    const text = mutate('<bt:String id="ClearButton.Title"', '<bt:String id="ClearButton.Label"');
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      {
        code: 'resid_dangling',
        line: lineOf(text, '<Title resid="ClearButton.Title"/>'),
        element: '<Title resid="ClearButton.Title">',
      },
      {
        code: 'resource_duplicate',
        line: lineOf(text, '<bt:String id="ClearButton.Label" DefaultValue="清除督办标注">'),
        element: '<bt:String id="ClearButton.Label">',
      },
    ]);
  });

  it('a string whose zh-CN default was replaced by English', async () => {
    const text = mutate('DefaultValue="评分">', 'DefaultValue="Score">');
    const result = await validateManifest(text, { repoRoot, env });
    expect(brief(result.problems)).toEqual([
      {
        code: 'string_zh_missing',
        line: lineOf(text, '<bt:String id="ScoreButton.Label"'),
        element: '<bt:String id="ScoreButton.Label">',
      },
    ]);
    expect(result.problems[0]?.en).toBe('DefaultValue must be the zh-CN (Chinese) text, found "Score"');
  });

  it('a string without its en-US override', () => {
    const text = mutate('          <bt:Override Locale="en-US" Value="Clear highlights"/>\n', '');
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      {
        code: 'string_en_missing',
        line: lineOf(text, '<bt:String id="ClearButton.Label"'),
        element: '<bt:String id="ClearButton.Label">',
      },
    ]);
  });

  it('a DisplayName without its en-US override', () => {
    const text = mutate('    <Override Locale="en-US" Value="Duban"/>\n', '');
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      { code: 'string_en_missing', line: lineOf(text, '<DisplayName'), element: '<DisplayName>' },
    ]);
  });

  it('an element out of XSD order (Permissions moved before Hosts): the XSD, and only the XSD, objects', async () => {
    const moved = mutate('  <Permissions>ReadWriteDocument</Permissions>\n', '');
    const text = mutate(
      '  <Hosts>\n    <Host Name="Workbook"/>',
      '  <Permissions>ReadWriteDocument</Permissions>\n  <Hosts>\n    <Host Name="Workbook"/>',
      moved,
    );
    // Our own checks do not look at order, so the failure below can only come from the XSD.
    expect(checkManifest(text, { repoRoot }).problems).toEqual([]);
    const result = await validateManifest(text, { repoRoot, env });
    expect(result.xsd).toBe('invalid');
    expect(brief(result.problems)).toEqual([
      { code: 'xsd', line: lineOf(text, '<Permissions>'), element: '<Permissions>' },
    ]);
    expect(result.problems[0]?.en).toMatch(
      /^Element 'Permissions': This element is not expected\. Expected is one of \(.*Hosts/,
    );
  });

  it('a URL on another origin', () => {
    const text = mutate('https://localhost:3000/commands.html', 'https://cdn.example.org/commands.html');
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      {
        code: 'url_other_origin',
        line: lineOf(text, 'cdn.example.org'),
        element: '<bt:Url id="Commands.Url">',
      },
    ]);
    expect(problems[0]?.en).toBe(
      'URL is not on the one origin https://localhost:3000: https://cdn.example.org/commands.html',
    );
  });

  it('an icon over plain http', () => {
    const text = mutate(
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      '<IconUrl DefaultValue="http://localhost:3000/assets/icon-32.png"/>',
    );
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      { code: 'url_not_https', line: lineOf(text, '<IconUrl'), element: '<IconUrl>' },
    ]);
  });

  it('a missing icon file', () => {
    const root = path.join(scratch, 'missing-icon');
    cpSync(path.join(repoRoot, 'assets'), path.join(root, 'assets'), { recursive: true });
    rmSync(path.join(root, 'assets', 'icon-clear-80.png'));
    const { problems } = checkManifest(manifest, { repoRoot: root });
    expect(brief(problems)).toEqual([
      {
        code: 'icon_missing',
        line: lineOf(manifest, '<bt:Image id="ClearIcon.80x80"'),
        element: '<bt:Image id="ClearIcon.80x80">',
      },
    ]);
    expect(problems[0]?.en).toBe('icon file does not exist: assets/icon-clear-80.png');
  });

  it('an icon of the wrong size', () => {
    const text = mutate('assets/icon-score-32.png', 'assets/icon-score-16.png');
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      {
        code: 'icon_size_mismatch',
        line: lineOf(text, '<bt:Image id="ScoreIcon.32x32"'),
        element: '<bt:Image id="ScoreIcon.32x32">',
      },
    ]);
    // Claimed: 32 by <bt:Image size="32">, 32 by the id, 16 by the file name; the file is 16 × 16.
    expect(problems[0]?.en).toBe('icon must be 32×32 / 16×16, but assets/icon-score-16.png is 16×16');
  });

  it('an icon URL outside assets/', () => {
    const text = mutate(
      '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
      '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/../manifest.xml"/>',
    );
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      {
        code: 'icon_outside_assets',
        line: lineOf(text, '<HighResolutionIconUrl'),
        element: '<HighResolutionIconUrl>',
      },
    ]);
  });

  it.each([
    ['1.9', '1.9'],
    ['1.10 (numerically above 1.8)', '1.10'],
  ])('ExcelApi %s', async (_name, version) => {
    const text = mutate('MinVersion="1.8"', `MinVersion="${version}"`);
    const result = await validateManifest(text, { repoRoot, env });
    expect(brief(result.problems)).toEqual([
      {
        code: 'excel_api_too_high',
        line: lineOf(text, '<Set Name="ExcelApi"'),
        element: '<Set Name="ExcelApi">',
      },
    ]);
  });

  it('ExcelApi inherited from DefaultMinVersion', () => {
    const text = mutate(
      '<Sets DefaultMinVersion="1.1">\n      <Set Name="ExcelApi" MinVersion="1.8"/>',
      '<Sets DefaultMinVersion="1.9">\n      <Set Name="ExcelApi"/>',
    );
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      {
        code: 'excel_api_too_high',
        line: lineOf(text, '<Set Name="ExcelApi"'),
        element: '<Set Name="ExcelApi">',
      },
    ]);
  });

  it('other permissions and another default locale', () => {
    const withPermissions = mutate(
      '<Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>ReadDocument</Permissions>',
    );
    const text = mutate(
      '<DefaultLocale>zh-CN</DefaultLocale>',
      '<DefaultLocale>en-US</DefaultLocale>',
      withPermissions,
    );
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      { code: 'default_locale', line: lineOf(text, '<DefaultLocale>'), element: '<DefaultLocale>' },
      { code: 'permissions', line: lineOf(text, '<Permissions>'), element: '<Permissions>' },
    ]);
  });

  it('malformed XML is one problem, not a crash', () => {
    const text = mutate('</DefaultSettings>', '</DefaultSetting>');
    const { problems } = checkManifest(text, { repoRoot });
    expect(brief(problems)).toEqual([
      { code: 'xml_syntax', line: lineOf(text, '</DefaultSetting>'), element: '' },
    ]);
  });
});

describe('schema folder', () => {
  it('missing outside CI: XSD skipped with a note, own checks still run', async () => {
    const result = await validateManifest(mutate('MinVersion="1.8"', 'MinVersion="1.9"'), {
      repoRoot,
      env: { DUBAN_MANIFEST_SCHEMAS: path.join(scratch, 'no-schemas') },
    });
    expect(result.xsd).toBe('skipped');
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain('XSD validation skipped');
    expect(result.problems.map((p) => p.code)).toEqual(['excel_api_too_high']);
  });

  it('missing in CI: a failure', async () => {
    const result = await validateManifest(manifest, {
      repoRoot,
      env: { CI: '1', DUBAN_MANIFEST_SCHEMAS: path.join(scratch, 'no-schemas') },
    });
    expect(result.xsd).toBe('failed');
    expect(result.problems.map((p) => p.code)).toEqual(['xsd_schemas_missing']);
  });
});

describe('command line', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });

  it('exits 0 with a summary for the real manifest', () => {
    const out = run('manifest.xml');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(
      'manifest.xml 校验通过 / is valid — XSD 通过 / XSD valid; 27 resid → 24 resources',
    );
  });

  it('exits 1 naming file, line and element, Chinese then English', () => {
    const text = mutate('MinVersion="1.8"', 'MinVersion="1.9"');
    const file = path.join(scratch, 'manifest-excel-1.9.xml');
    writeFileSync(file, text);
    const out = run(file);
    expect(out.status).toBe(1);
    const lines = out.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `${file}:${lineOf(text, '<Set Name="ExcelApi"')} <Set Name="ExcelApi">: ` +
        'ExcelApi 最低版本 1.9 高于 1.8（Office 2019 只支持到 1.8；更新的 API 请用 isSetSupported 判断） | ' +
        'ExcelApi MinVersion 1.9 is above 1.8 (Office 2019 stops at 1.8; guard newer APIs with isSetSupported)',
    );
    expect(lines[1]).toBe('清单校验失败：1 个问题 / manifest validation failed: 1 problem(s)');
  });

  it('exits 2 without an argument', () => {
    const out = run();
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('usage: node scripts/validate-manifest.mjs <manifest.xml>');
  });
});
