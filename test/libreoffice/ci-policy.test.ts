/**
 * The skip rule for the LibreOffice checks (issue 5 §3) and the parsers of poppler's output. Always runs:
 * this is the test that makes a CI run fail when LibreOffice or poppler is missing, because in CI the
 * checks in libreoffice.test.ts would otherwise be skipped and the run would pass without them.
 */
import { describe, expect, it } from 'vitest';
import { embeddedCjkFonts } from './expect-render.ts';
import { isCi, missingTools, parseBboxHtml, parsePdfFonts, sofficePolicy } from './soffice.ts';

describe('the CI rule', () => {
  it('in CI, every tool the LibreOffice checks need is installed', () => {
    const policy = sofficePolicy(process.env, missingTools());
    // Outside CI a missing tool only skips the checks (libreoffice.test.ts says so); in CI it is an error.
    expect(policy.failure, policy.failure ?? '').toBeNull();
  });
});

describe('sofficePolicy', () => {
  it('runs the checks when everything is installed, in CI or not', () => {
    expect(sofficePolicy({}, [])).toEqual({ run: true, skipReason: '', failure: null });
    expect(sofficePolicy({ CI: '1' }, [])).toEqual({ run: true, skipReason: '', failure: null });
  });

  it('skips without soffice outside CI, saying what to install', () => {
    const policy = sofficePolicy({}, ['soffice']);
    expect(policy.run).toBe(false);
    expect(policy.failure, policy.failure ?? '').toBeNull();
    expect(policy.skipReason).toContain('LibreOffice checks skipped: soffice not found on PATH');
    expect(policy.skipReason).toContain('libreoffice-calc');
    expect(policy.skipReason).toContain('fonts-noto-cjk');
  });

  it('fails in CI when soffice is missing', () => {
    const policy = sofficePolicy({ CI: 'true' }, ['soffice']);
    expect(policy.run).toBe(false);
    expect(policy.failure).toContain('CI must run the LibreOffice checks, but soffice not found on PATH');
  });

  it('fails in CI when only poppler is missing, naming its package once', () => {
    const policy = sofficePolicy({ CI: '1' }, ['pdftotext', 'pdffonts']);
    expect(policy.run).toBe(true);
    expect(policy.failure).toContain('pdftotext, pdffonts not found on PATH (Debian: poppler-utils;');
  });

  it('reads CI=0, CI=false and an empty CI as not CI', () => {
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '0' })).toBe(false);
    expect(isCi({ CI: 'FALSE' })).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});

describe('parsePdfFonts', () => {
  // pdffonts 22.12 on the seed workbook's PDF (LibreOffice 7.4 with fonts-noto-cjk), first rows.
  const output = [
    'name                                 type              encoding         emb sub uni object ID',
    '------------------------------------ ----------------- ---------------- --- --- --- ---------',
    'BAAAAA+NotoSansCJKjp-Regular-VKana   Type 1            Builtin          yes yes yes     39  0',
    'CAAAAA+DejaVuSans                    TrueType          WinAnsi          yes yes yes     34  0',
    'Helvetica                            Type 1            Custom           no  no  no      12  0',
    '',
  ].join('\n');

  it('splits the columns by the dashed rule, types with spaces included', () => {
    expect(parsePdfFonts(output)).toEqual([
      {
        name: 'BAAAAA+NotoSansCJKjp-Regular-VKana',
        baseName: 'NotoSansCJKjp-Regular-VKana',
        type: 'Type 1',
        encoding: 'Builtin',
        embedded: true,
        subset: true,
        unicode: true,
      },
      {
        name: 'CAAAAA+DejaVuSans',
        baseName: 'DejaVuSans',
        type: 'TrueType',
        encoding: 'WinAnsi',
        embedded: true,
        subset: true,
        unicode: true,
      },
      {
        name: 'Helvetica',
        baseName: 'Helvetica',
        type: 'Type 1',
        encoding: 'Custom',
        embedded: false,
        subset: false,
        unicode: false,
      },
    ]);
  });

  it('counts only embedded CJK fonts as CJK', () => {
    expect(embeddedCjkFonts(parsePdfFonts(output)).map((f) => f.baseName)).toEqual([
      'NotoSansCJKjp-Regular-VKana',
    ]);
  });

  it('refuses output without a heading', () => {
    expect(() => parsePdfFonts('Syntax Error: not a PDF')).toThrow('unexpected pdffonts output');
  });
});

describe('parseBboxHtml', () => {
  it('reads pages and words with their boxes, entities decoded', () => {
    const html = [
      '<doc>',
      '  <page width="612.000000" height="792.000000">',
      '    <word xMin="51.392000" yMin="54.351900" xMax="73.388000" yMax="68.649300">序号</word>',
      '    <word xMin="1" yMin="2" xMax="3" yMax="4">A&amp;B&#x4E2D;</word>',
      '  </page>',
      '  <page width="841.89" height="595.304">',
      '  </page>',
      '</doc>',
    ].join('\n');
    expect(parseBboxHtml(html)).toEqual([
      {
        width: 612,
        height: 792,
        words: [
          { text: '序号', xMin: 51.392, yMin: 54.3519, xMax: 73.388, yMax: 68.6493 },
          { text: 'A&B中', xMin: 1, yMin: 2, xMax: 3, yMax: 4 },
        ],
      },
      { width: 841.89, height: 595.304, words: [] },
    ]);
  });
});
