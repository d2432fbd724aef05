/**
 * A small PNG reader for looking at what LibreOffice rendered (pages turned into PNG by `pdftoppm`), and
 * pixel queries on the result: "is the page blank?", "where are the yellow pixels?".
 *
 * Only what pdftoppm and ordinary encoders produce is supported: 8-bit samples, grey / grey+alpha / RGB /
 * RGBA / palette, no interlacing. Anything else is refused with a plain error rather than misread.
 * CRCs are not verified: the files come from a local tool, and a damaged stream still fails in zlib.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** A decoded image: `rgba` holds 4 bytes per pixel, row by row from the top left. */
export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** A colour as red, green, blue (0–255 each). */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** A pixel rectangle, inclusive of `x0`/`y0`, exclusive of `x1`/`y1`. */
export interface PixelRegion {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** What `findColouredPixels` found: how many pixels matched and the smallest box holding them. */
export interface ColourMatch {
  readonly count: number;
  /** `null` when nothing matched. */
  readonly box: PixelRegion | null;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Samples per pixel for each PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA). */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Decode a PNG file's bytes into RGBA pixels.
 * @throws Error for a file that is not a PNG or uses a feature this reader does not support.
 */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || SIGNATURE.some((b, i) => buf[i] !== b))
    throw new Error('not a PNG file (bad signature)');
  let width = 0;
  let height = 0;
  let colourType = -1;
  let palette: Buffer | null = null;
  let transparency: Buffer | null = null;
  const idat: Buffer[] = [];
  let pos = 8;
  let ended = false;
  while (pos + 8 <= buf.length && !ended) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + length);
    if (data.length !== length) throw new Error(`PNG chunk ${type} is truncated`);
    pos += 12 + length; // length + type + data + CRC
    switch (type) {
      case 'IHDR': {
        width = data.readUInt32BE(0);
        height = data.readUInt32BE(4);
        const bitDepth = data[8];
        colourType = data[9] ?? -1;
        const interlace = data[12];
        if (bitDepth !== 8) throw new Error(`PNG bit depth ${String(bitDepth)} is not supported (only 8)`);
        if (CHANNELS[colourType] === undefined) throw new Error(`PNG colour type ${colourType} is unknown`);
        if (interlace !== 0) throw new Error('interlaced PNG is not supported');
        break;
      }
      case 'PLTE':
        palette = data;
        break;
      case 'tRNS':
        transparency = data;
        break;
      case 'IDAT':
        idat.push(data);
        break;
      case 'IEND':
        ended = true;
        break;
      default:
        break; // ancillary chunks (pHYs, tEXt, …) do not change the pixels
    }
  }
  if (width === 0 || height === 0) throw new Error('PNG has no IHDR chunk or an empty image');
  if (!ended) throw new Error('PNG has no IEND chunk (truncated file)');
  const channels = CHANNELS[colourType] ?? 0;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length < height * (stride + 1)) {
    throw new Error(`PNG pixel data too short: ${raw.length} bytes for ${width}×${height}`);
  }
  const samples = unfilter(raw, height, stride, channels);
  return { width, height, rgba: toRgba(samples, width * height, colourType, palette, transparency) };
}

/** Read and decode a PNG file. */
export function readPng(path: string): DecodedPng {
  return decodePng(readFileSync(path));
}

/**
 * Undo the per-row filters (PNG spec §9): every row starts with a filter byte; the others are deltas
 * against the pixel to the left (a), above (b) and above-left (c), one pixel = `bpp` bytes back.
 */
function unfilter(raw: Uint8Array, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const a = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[prev + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[prev + x - bpp] ?? 0) : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4:
          predictor = paeth(a, b, c);
          break;
        default:
          throw new Error(`PNG row ${y} has unknown filter type ${String(filter)}`);
      }
      out[row + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

/** The Paeth predictor: whichever of a, b, c is closest to a + b − c (ties: a, then b). */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function toRgba(
  samples: Uint8Array,
  pixels: number,
  colourType: number,
  palette: Buffer | null,
  transparency: Buffer | null,
): Uint8Array {
  const rgba = new Uint8Array(pixels * 4);
  const at = (i: number): number => samples[i] ?? 0;
  for (let i = 0; i < pixels; i++) {
    const o = i * 4;
    switch (colourType) {
      case 0:
        rgba.set([at(i), at(i), at(i), 255], o);
        break;
      case 2:
        rgba.set([at(i * 3), at(i * 3 + 1), at(i * 3 + 2), 255], o);
        break;
      case 3: {
        if (palette === null) throw new Error('palette PNG without a PLTE chunk');
        const index = at(i);
        if (index * 3 + 2 >= palette.length) throw new Error(`PNG palette index ${index} out of range`);
        const alpha =
          transparency !== null && index < transparency.length ? (transparency[index] ?? 255) : 255;
        rgba.set(
          [palette[index * 3] ?? 0, palette[index * 3 + 1] ?? 0, palette[index * 3 + 2] ?? 0, alpha],
          o,
        );
        break;
      }
      case 4:
        rgba.set([at(i * 2), at(i * 2), at(i * 2), at(i * 2 + 1)], o);
        break;
      default:
        rgba.set([at(i * 4), at(i * 4 + 1), at(i * 4 + 2), at(i * 4 + 3)], o);
    }
  }
  return rgba;
}

/** Accepts a decoded image, a PNG file path or PNG bytes. */
function asImage(png: DecodedPng | string | Uint8Array): DecodedPng {
  if (typeof png === 'string') return readPng(png);
  if (png instanceof Uint8Array) return decodePng(png);
  return png;
}

/** Parse `#FFEB9C`, `FFEB9C` or an exceljs ARGB `FFFFEB9C` (alpha ignored) into a colour. */
export function parseColour(hex: string): Rgb {
  // Accepted forms, e.g.:
  //   '#FFEB9C'   → r 255, g 235, b 156
  //   'ffeb9c'    → the same (case-insensitive, # optional)
  //   'FFFFEB9C'  → ARGB as exceljs writes it; the leading alpha pair is dropped
  //   '#FFF'      → rejected (short forms are not accepted)
  const match = /^#?(?:[0-9a-f]{2})?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new Error(`not a colour: ${JSON.stringify(hex)} (expected #RRGGBB or AARRGGBB)`);
  const [, r = '', g = '', b = ''] = match;
  return { r: parseInt(r, 16), g: parseInt(g, 16), b: parseInt(b, 16) };
}

function clampRegion(image: DecodedPng, region: PixelRegion | undefined): PixelRegion {
  const r = region ?? { x0: 0, y0: 0, x1: image.width, y1: image.height };
  return {
    x0: Math.max(0, Math.floor(r.x0)),
    y0: Math.max(0, Math.floor(r.y0)),
    x1: Math.min(image.width, Math.ceil(r.x1)),
    y1: Math.min(image.height, Math.ceil(r.y1)),
  };
}

/**
 * Count the pixels within `tolerance` (per channel, 0–255) of `colour`, optionally only inside `region`,
 * and the box around them. Fully transparent pixels never match.
 */
export function findColouredPixels(
  png: DecodedPng | string | Uint8Array,
  colour: Rgb | string,
  tolerance: number,
  region?: PixelRegion,
): ColourMatch {
  const image = asImage(png);
  const want = typeof colour === 'string' ? parseColour(colour) : colour;
  const area = clampRegion(image, region);
  let count = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const px = image.rgba;
  for (let y = area.y0; y < area.y1; y++) {
    for (let x = area.x0; x < area.x1; x++) {
      const o = (y * image.width + x) * 4;
      if ((px[o + 3] ?? 0) === 0) continue;
      if (
        Math.abs((px[o] ?? 0) - want.r) <= tolerance &&
        Math.abs((px[o + 1] ?? 0) - want.g) <= tolerance &&
        Math.abs((px[o + 2] ?? 0) - want.b) <= tolerance
      ) {
        count++;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
    }
  }
  return { count, box: count === 0 ? null : { x0, y0, x1, y1 } };
}

/**
 * Count the pixels that are not (near) white: any channel below `255 − tolerance`. A blank page gives 0.
 * Transparent pixels count as white (that is how a viewer shows them on paper).
 */
export function countNonWhitePixels(png: DecodedPng | string | Uint8Array, tolerance = 16): number {
  const image = asImage(png);
  const px = image.rgba;
  const limit = 255 - tolerance;
  let count = 0;
  for (let o = 0; o < px.length; o += 4) {
    if ((px[o + 3] ?? 0) === 0) continue;
    if ((px[o] ?? 0) < limit || (px[o + 1] ?? 0) < limit || (px[o + 2] ?? 0) < limit) count++;
  }
  return count;
}
