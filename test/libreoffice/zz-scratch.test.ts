import path from 'node:path';
import { it } from 'vitest';
import { findColouredPixels, readPng, countNonWhitePixels } from './png.ts';
import { convertAllToPdf, makeTempDir, pdfToPng, pdfWordBoxes, PNG_DPI } from './soffice.ts';
it('scratch', async () => {
  const w = makeTempDir();
  const [pdf] = await convertAllToPdf(['/tmp/lo-try/syn.xlsx'], w);
  const [png] = await pdfToPng(pdf!, path.join(w, 'p'));
  const img = readPng(png!);
  const [page] = await pdfWordBoxes(pdf!);
  const s = PNG_DPI / 72;
  for (const t of ['区发改局', '区科技局', '序号']) {
    const wd = page!.words.find((x) => x.text === t)!;
    console.log(t, findColouredPixels(img, 'FFEB9C', 8, { x0: 0, x1: img.width, y0: wd.yMin * s, y1: wd.yMax * s }));
  }
  console.log(findColouredPixels(img, 'FFEB9C', 0), findColouredPixels(img, 'FFEB9C', 8), countNonWhitePixels(img)/(img.width*img.height), w);
}, 60000);
