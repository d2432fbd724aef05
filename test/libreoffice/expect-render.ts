/**
 * Assertions other test files reuse on what LibreOffice rendered.
 */
import { expect } from 'vitest';
import { pdfFonts, pdfText, type PdfFont } from './soffice.ts';

/**
 * CJK fonts by their PDF name once the subset tag is gone, e.g.:
 *   'NotoSansCJKjp-Regular-VKana' → CJK (what LibreOffice embeds for 宋体 / 黑体 with fonts-noto-cjk)
 *   'NotoSerifCJKsc-Bold'         → CJK
 *   'DejaVuSans'                  → not CJK (Latin fallback: Chinese would print as boxes)
 *   'SimSun' / 'WenQuanYiZenHei'  → CJK (other Chinese fonts a machine may have)
 */
const CJK_FONT =
  /Noto(?:Sans|Serif)(?:Mono)?CJK|SourceHan|SimSun|SimHei|NSimSun|WenQuanYi|DroidSansFallback/i;

/**
 * Han characters (CJK Unified Ideographs), e.g.:
 *   '区发改局' → 4 matches
 *   '2024年'   → 1 match (年)
 *   'A\u3000B' → none (U+3000, the ideographic space, is not a Han character)
 */
const HAN = /\p{Script=Han}/gu;

/** The embedded CJK fonts among a PDF's fonts. */
export function embeddedCjkFonts(fonts: readonly PdfFont[]): PdfFont[] {
  return fonts.filter((font) => font.embedded && CJK_FONT.test(font.baseName));
}

/**
 * Assert that a PDF shows Chinese as Chinese: an embedded CJK font (without fonts-noto-cjk LibreOffice
 * falls back to a Latin font and prints boxes, while pdftotext still "reads" the characters), Han
 * characters in the text, no replacement characters, and every string of `mustContain` in the text.
 * Returns the PDF's text for further checks.
 */
export async function expectRendersChinese(
  pdf: string,
  mustContain: readonly string[] = [],
): Promise<string> {
  const [fonts, text] = await Promise.all([pdfFonts(pdf), pdfText(pdf)]);
  const names = fonts.map((f) => `${f.name}${f.embedded ? '' : ' (not embedded)'}`).join(', ');
  expect(embeddedCjkFonts(fonts).length, `no embedded CJK font in ${pdf}; fonts: ${names}`).toBeGreaterThan(
    0,
  );
  expect(text.match(HAN)?.length ?? 0, `no Chinese characters in the text of ${pdf}`).toBeGreaterThan(0);
  expect(text.includes('\uFFFD'), `replacement characters in the text of ${pdf}`).toBe(false);
  for (const snippet of mustContain) {
    expect(text.includes(snippet), `${pdf} does not show ${JSON.stringify(snippet)}`).toBe(true);
  }
  return text;
}
