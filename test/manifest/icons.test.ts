import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Image {
  readonly width: number;
  readonly height: number;
  readonly rgba: Buffer;
}

/**
 * Decodes the PNGs scripts/draw-icons.mjs writes: 8-bit RGBA, no interlace, filter type 0 on every row.
 * Anything else throws, which is itself a test failure.
 */
function decodePng(bytes: Buffer): Image {
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error('not 8-bit RGBA, non-interlaced');
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    if (raw[row] !== 0) throw new Error(`row ${y} uses filter ${raw[row]}`);
    raw.copy(rgba, y * width * 4, row + 1, row + 1 + width * 4);
  }
  return { width, height, rgba };
}

function load(file: string): Image {
  return decodePng(readFileSync(path.join(repoRoot, 'assets', file)));
}

function pixel(image: Image, x: number, y: number): number[] {
  const o = (y * image.width + x) * 4;
  return [...image.rgba.subarray(o, o + 4)];
}

const SEAL_RED = [0xc8, 0x10, 0x2e, 255];
const WHITE = [255, 255, 255, 255];
const GREEN = [0x1e, 0x9e, 0x4a, 255];
const YELLOW = [0xf5, 0xb8, 0x00, 255];
const INK = [0x3c, 0x3c, 0x3c, 255];
const CLEAR = [0, 0, 0, 0];

describe('icons', () => {
  it('are exactly what scripts/draw-icons.mjs draws today', () => {
    const out = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/draw-icons.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
  });

  it.each([
    ['icon-16.png', 16],
    ['icon-32.png', 32],
    ['icon-64.png', 64],
    ['icon-80.png', 80],
    ['icon-128.png', 128],
    ['icon-score-16.png', 16],
    ['icon-score-32.png', 32],
    ['icon-score-80.png', 80],
    ['icon-clear-16.png', 16],
    ['icon-clear-32.png', 32],
    ['icon-clear-80.png', 80],
  ])('%s is %i px square and ends with the IEND chunk and its fixed CRC', (file, size) => {
    const bytes = readFileSync(path.join(repoRoot, 'assets', file));
    // Every PNG ends 00 00 00 00 "IEND" AE 42 60 82: the CRC-32 of "IEND" is a constant of the format.
    expect(bytes.subarray(-12).toString('hex')).toBe('0000000049454e44ae426082');
    const image = decodePng(bytes);
    expect([image.width, image.height]).toEqual([size, size]);
  });

  // Coordinates worked out from the design in draw-icons.mjs at 32 px (unit × 32, edges snapped).
  it('main icon at 32 px: red seal, white check mark, green/yellow/red dots, transparent corner', () => {
    const image = load('icon-32.png');
    expect(pixel(image, 0, 0)).toEqual(CLEAR); // outside the 1-px margin
    expect(pixel(image, 3, 3)).toEqual(SEAL_RED); // inside the 6.4-px corner radius
    expect(pixel(image, 13, 17)).toEqual(WHITE); // the check mark's elbow at (14.08, 17.92), stroke 3.52
    expect(pixel(image, 10, 23)).toEqual(GREEN); // dot centred (10.4, 24), r 2.08
    expect(pixel(image, 15, 23)).toEqual(YELLOW); // dot centred (16, 24)
    expect(pixel(image, 21, 23)).toEqual(SEAL_RED); // dot centred (21.6, 24), on the white strip
    expect(pixel(image, 13, 21)).toEqual(WHITE); // the strip (rows 21–26), clear of both neighbouring dots
  });

  it('main icon at 16 px: full-bleed seal with 2 × 2-px dots', () => {
    const image = load('icon-16.png');
    expect(pixel(image, 8, 15)).toEqual(SEAL_RED);
    // The dots are 2 × 2 px with 0.4-px rounded corners: each pixel loses a corner sliver to the white strip.
    const close = (actual: number[], expected: number[]) =>
      actual.every((v, i) => Math.abs(v - (expected[i] ?? 0)) <= 12);
    expect(close(pixel(image, 4, 11), GREEN)).toBe(true);
    expect(close(pixel(image, 7, 12), YELLOW)).toBe(true);
    expect(close(pixel(image, 11, 12), SEAL_RED)).toBe(true);
    expect(pixel(image, 3, 12)).toEqual(WHITE);
  });

  it('score icon at 32 px: red, yellow, green bars rising on an ink baseline', () => {
    const image = load('icon-score-32.png');
    expect(pixel(image, 7, 20)).toEqual(SEAL_RED); // bar 1: x 3–11, from row 17
    expect(pixel(image, 16, 12)).toEqual(YELLOW); // bar 2: from row 10
    expect(pixel(image, 25, 5)).toEqual(GREEN); // bar 3: from row 3
    expect(pixel(image, 7, 12)).toEqual(CLEAR); // above the short red bar
    expect(pixel(image, 16, 27)).toEqual(INK); // baseline rows 26–27
  });

  it('clear icon at 80 px: an eraser with a red tip, ink outline and light body', () => {
    const image = load('icon-clear-80.png');
    const colours = new Set<string>();
    for (let i = 0; i < image.rgba.length; i += 4) colours.add(image.rgba.subarray(i, i + 4).toString('hex'));
    for (const colour of [SEAL_RED, INK, [0xf2, 0xf2, 0xf2, 255], CLEAR]) {
      expect(colours.has(Buffer.from(colour).toString('hex'))).toBe(true);
    }
  });
});
