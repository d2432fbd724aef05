/**
 * The PNG reader and pixel queries, on small images this test encodes itself (every row filter, every
 * colour type pdftoppm or a common encoder writes). Runs without LibreOffice. The reader is checked on real
 * pdftoppm output, against pdftoppm's own uncompressed PPM of the same page, in libreoffice.test.ts.
 */
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countNonWhitePixels, decodePng, findColouredPixels, parseColour, type DecodedPng } from './png.ts';

/** A PNG chunk: length, type, data, CRC over type + data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/**
 * Encode rows of 8-bit samples as a PNG, filtering row y with `filters[y]` (this test's own forward
 * filters, written from the PNG spec: each byte minus its predictor, modulo 256).
 */
function encodePng(options: {
  width: number;
  colourType: number;
  channels: number;
  rows: number[][];
  filters: number[];
  extra?: Buffer[];
  bitDepth?: number;
  interlace?: number;
}): Buffer {
  const { width, colourType, channels, rows, filters } = options;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(rows.length, 4);
  ihdr[8] = options.bitDepth ?? 8;
  ihdr[9] = colourType;
  ihdr[12] = options.interlace ?? 0;
  const bpp = channels;
  const filtered: number[] = [];
  rows.forEach((row, y) => {
    const filter = filters[y] ?? 0;
    filtered.push(filter);
    const above = rows[y - 1];
    row.forEach((value, x) => {
      const a = x >= bpp ? (row[x - bpp] ?? 0) : 0;
      const b = above?.[x] ?? 0;
      const c = x >= bpp ? (above?.[x - bpp] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, Math.floor((a + b) / 2), paeth][filter] ?? 0;
      filtered.push((value - predictor + 256) % 256);
    });
  });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(options.extra ?? []),
    chunk('IDAT', deflateSync(Buffer.from(filtered))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The RGBA of pixel (x, y). */
function pixel(image: DecodedPng, x: number, y: number): number[] {
  const o = (y * image.width + x) * 4;
  return [...image.rgba.subarray(o, o + 4)];
}

// A 3×5 RGB image, one row per filter type (None, Sub, Up, Average, Paeth). The values are chosen so that
// every predictor is non-zero and some deltas wrap below 0 and above 255.
const RGB_ROWS = [
  [255, 255, 255, 255, 235, 156, 0, 0, 0],
  [10, 20, 30, 250, 5, 128, 3, 200, 77],
  [255, 0, 16, 1, 254, 99, 128, 128, 128],
  [40, 80, 120, 200, 100, 50, 7, 7, 7],
  [90, 180, 45, 12, 240, 33, 255, 1, 128],
];

describe('decodePng', () => {
  it('undoes all five row filters of an RGB image', () => {
    const image = decodePng(
      encodePng({ width: 3, colourType: 2, channels: 3, rows: RGB_ROWS, filters: [0, 1, 2, 3, 4] }),
    );
    expect(image.width).toBe(3);
    expect(image.height).toBe(5);
    expect(pixel(image, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(image, 1, 0)).toEqual([255, 235, 156, 255]);
    expect(pixel(image, 2, 1)).toEqual([3, 200, 77, 255]);
    expect(pixel(image, 1, 2)).toEqual([1, 254, 99, 255]);
    expect(pixel(image, 1, 3)).toEqual([200, 100, 50, 255]);
    expect(pixel(image, 0, 4)).toEqual([90, 180, 45, 255]);
    expect(pixel(image, 2, 4)).toEqual([255, 1, 128, 255]);
  });

  it('gives the same pixels whichever filter each row used', () => {
    const a = decodePng(
      encodePng({ width: 3, colourType: 2, channels: 3, rows: RGB_ROWS, filters: [4, 3, 2, 1, 0] }),
    );
    const b = decodePng(
      encodePng({ width: 3, colourType: 2, channels: 3, rows: RGB_ROWS, filters: [0, 0, 0, 0, 0] }),
    );
    expect([...a.rgba]).toEqual([...b.rgba]);
  });

  it('reads RGBA, grey, grey with alpha and palette images', () => {
    const rgba = decodePng(
      encodePng({
        width: 2,
        colourType: 6,
        channels: 4,
        rows: [[1, 2, 3, 4, 250, 251, 252, 0]],
        filters: [1],
      }),
    );
    expect(pixel(rgba, 0, 0)).toEqual([1, 2, 3, 4]);
    expect(pixel(rgba, 1, 0)).toEqual([250, 251, 252, 0]);

    const grey = decodePng(
      encodePng({
        width: 2,
        colourType: 0,
        channels: 1,
        rows: [
          [0, 17],
          [200, 17],
        ],
        filters: [0, 4],
      }),
    );
    expect(pixel(grey, 0, 1)).toEqual([200, 200, 200, 255]);
    expect(pixel(grey, 1, 1)).toEqual([17, 17, 17, 255]);

    const greyAlpha = decodePng(
      encodePng({ width: 1, colourType: 4, channels: 2, rows: [[99, 128]], filters: [0] }),
    );
    expect(pixel(greyAlpha, 0, 0)).toEqual([99, 99, 99, 128]);

    const palette = decodePng(
      encodePng({
        width: 3,
        colourType: 3,
        channels: 1,
        rows: [[1, 0, 1]],
        filters: [2],
        extra: [chunk('PLTE', Buffer.from([255, 235, 156, 10, 20, 30])), chunk('tRNS', Buffer.from([0]))],
      }),
    );
    expect(pixel(palette, 0, 0)).toEqual([10, 20, 30, 255]);
    expect(pixel(palette, 1, 0)).toEqual([255, 235, 156, 0]);
  });

  it('refuses what it cannot read, saying why', () => {
    expect(() => decodePng(Buffer.from('GIF89a not a png'))).toThrow('not a PNG');
    const sixteenBit = encodePng({
      width: 1,
      colourType: 0,
      channels: 2,
      rows: [[0, 0]],
      filters: [0],
      bitDepth: 16,
    });
    expect(() => decodePng(sixteenBit)).toThrow('bit depth 16');
    const interlaced = encodePng({
      width: 1,
      colourType: 0,
      channels: 1,
      rows: [[0]],
      filters: [0],
      interlace: 1,
    });
    expect(() => decodePng(interlaced)).toThrow('interlaced');
    const whole = encodePng({ width: 1, colourType: 0, channels: 1, rows: [[0]], filters: [0] });
    expect(() => decodePng(whole.subarray(0, whole.length - 12))).toThrow('IEND');
  });
});

describe('parseColour', () => {
  it('reads #RRGGBB, RRGGBB and exceljs ARGB', () => {
    expect(parseColour('#FFEB9C')).toEqual({ r: 255, g: 235, b: 156 });
    expect(parseColour('ffeb9c')).toEqual({ r: 255, g: 235, b: 156 });
    expect(parseColour('FFDDEBF7')).toEqual({ r: 221, g: 235, b: 247 });
    expect(() => parseColour('#FFF')).toThrow('not a colour');
  });
});

describe('pixel queries', () => {
  // 4×3: white background, two yellow-ish pixels (one exact, one 6 off), one black, one transparent yellow.
  const W = [255, 255, 255, 255];
  const Y = [255, 235, 156, 255];
  const NEAR = [250, 240, 150, 255];
  const K = [0, 0, 0, 255];
  const CLEAR = [255, 235, 156, 0];
  const image: DecodedPng = {
    width: 4,
    height: 3,
    rgba: Uint8Array.from([...W, ...Y, ...W, ...W, ...W, ...W, ...NEAR, ...K, ...CLEAR, ...W, ...W, ...W]),
  };

  it('finds pixels of a colour within a tolerance, and their box', () => {
    expect(findColouredPixels(image, '#FFEB9C', 0)).toEqual({
      count: 1,
      box: { x0: 1, y0: 0, x1: 2, y1: 1 },
    });
    expect(findColouredPixels(image, '#FFEB9C', 6)).toEqual({
      count: 2,
      box: { x0: 1, y0: 0, x1: 3, y1: 2 },
    });
    expect(findColouredPixels(image, { r: 0, g: 0, b: 0 }, 10)).toEqual({
      count: 1,
      box: { x0: 3, y0: 1, x1: 4, y1: 2 },
    });
    expect(findColouredPixels(image, '#00FF00', 20)).toEqual({ count: 0, box: null });
  });

  it('looks only inside a region when given one', () => {
    expect(findColouredPixels(image, '#FFEB9C', 6, { x0: 2, y0: 0, x1: 4, y1: 3 }).count).toBe(1);
    expect(findColouredPixels(image, '#FFEB9C', 6, { x0: 0, y0: 2, x1: 4, y1: 3 }).count).toBe(0);
  });

  it('counts non-white pixels, transparent ones as white', () => {
    // Y, NEAR and K are below 255 − 16 in some channel; CLEAR is transparent.
    expect(countNonWhitePixels(image)).toBe(3);
    expect(countNonWhitePixels({ width: 1, height: 1, rgba: Uint8Array.from(W) })).toBe(0);
  });
});
