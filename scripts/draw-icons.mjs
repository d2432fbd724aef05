#!/usr/bin/env node
/**
 * Draws the add-in's PNG icons into `assets/` — pure Node, no canvas package.
 *
 *   node scripts/draw-icons.mjs            # (re)writes every icon
 *   node scripts/draw-icons.mjs --check    # exit 1 when a committed PNG differs from what we would draw
 *
 * Every size is rendered natively from a vector description (no down-scaling of a big bitmap), with
 * 8 × 8 supersampling per pixel for anti-aliasing. The output is deterministic, so the committed PNGs can be
 * re-checked byte for byte.
 *
 * Designs:
 * - main icon (icon-N.png): a red seal (rounded square, #C8102E) with a white check mark and a white strip
 *   holding three traffic-light dots (green / yellow / red) — the three-colour status (三色管理) we paint;
 * - score button (icon-score-N.png): three rising bars, red → yellow → green, on a baseline;
 * - clear button (icon-clear-N.png): a tilted eraser with a red tip above a short baseline.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Brand red of the seal: a Chinese-red close to PMS 186. */
const SEAL_RED = [0xc8, 0x10, 0x2e];
const WHITE = [0xff, 0xff, 0xff];
const STATUS_GREEN = [0x1e, 0x9e, 0x4a];
const STATUS_YELLOW = [0xf5, 0xb8, 0x00];
const INK = [0x3c, 0x3c, 0x3c];
const ERASER_BODY = [0xf2, 0xf2, 0xf2];

/** Samples per pixel along each axis (8 × 8 = 64 samples): smooth edges even at 16 px. */
const SUPERSAMPLE = 8;

// ---------------------------------------------------------------------------------------------------------
// PNG encoder (RGBA, 8 bits per channel, no interlace) — only what we need.
// ---------------------------------------------------------------------------------------------------------

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) lookup table, as the PNG spec prescribes. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 of a byte sequence (the PNG chunk checksum).
 * @param {Uint8Array} bytes
 * @returns {number} unsigned 32-bit CRC
 */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC over type + data. */
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encodes straight (non-premultiplied) RGBA pixels as a PNG file.
 * @param {number} width
 * @param {number} height
 * @param {Uint8Array} rgba width × height × 4 bytes, row-major
 * @returns {Buffer}
 */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  // Every scanline starts with its filter type; 0 (None) is plenty for icons this small.
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const rowStart = y * (1 + width * 4);
    raw[rowStart] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, rowStart + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Tiny vector rasteriser: shapes are inside-tests in unit coordinates (0..1 across the icon, y down);
// a pixel's colour is the average of its samples, each sample painted back to front.
// ---------------------------------------------------------------------------------------------------------

/** Signed distance to a rounded rectangle centred at (cx, cy) with half sizes (hw, hh) and corner radius r. */
function roundedRectDistance(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - (hw - r);
  const qy = Math.abs(y - cy) - (hh - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A filled rounded rectangle given by its edges (unit coordinates). */
function roundedRect(left, top, right, bottom, radius, color) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const hw = (right - left) / 2;
  const hh = (bottom - top) / 2;
  const r = Math.min(radius, hw, hh);
  return { color, inside: (x, y) => roundedRectDistance(x, y, cx, cy, hw, hh, r) <= 0 };
}

/** The outline (a band of the given width, centred on the edge) of a rounded rectangle. */
function roundedRectOutline(left, top, right, bottom, radius, width, color) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const hw = (right - left) / 2;
  const hh = (bottom - top) / 2;
  return {
    color,
    inside: (x, y) => Math.abs(roundedRectDistance(x, y, cx, cy, hw, hh, radius)) <= width / 2,
  };
}

/** A filled circle. */
function circle(cx, cy, r, color) {
  return { color, inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r };
}

/** A stroked polyline with round caps and joins. */
function polyline(points, width, color) {
  return {
    color,
    inside: (x, y) => {
      for (let i = 1; i < points.length; i++) {
        const [ax, ay] = points[i - 1];
        const [bx, by] = points[i];
        if (segmentDistance(x, y, ax, ay, bx, by) <= width / 2) return true;
      }
      return false;
    },
  };
}

/**
 * Wraps a shape drawn in a local frame rotated by `degrees` around (cx, cy): the shape's own coordinates
 * are the un-rotated ones, which keeps the eraser a plain rounded rectangle.
 */
function rotated(cx, cy, degrees, shape) {
  const a = (-degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return {
    color: shape.color,
    inside: (x, y) => {
      const dx = x - cx;
      const dy = y - cy;
      return shape.inside(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
    },
  };
}

/** Restricts a shape to the part where `keep(x, y)` holds (used for the eraser's two-tone body). */
function clipped(shape, keep) {
  return { color: shape.color, inside: (x, y) => keep(x, y) && shape.inside(x, y) };
}

/**
 * Rasterises shapes (painted in order, later on top) into straight RGBA.
 * @param {number} size pixels per side
 * @param {{ color: number[], inside: (x: number, y: number) => boolean }[]} shapes
 * @returns {Uint8Array}
 */
export function rasterise(size, shapes) {
  const out = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Accumulate premultiplied colour so that transparent samples do not darken the edges.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          for (let i = shapes.length - 1; i >= 0; i--) {
            const shape = shapes[i];
            if (shape.inside(x, y)) {
              r += shape.color[0];
              g += shape.color[1];
              b += shape.color[2];
              a += 1;
              break;
            }
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The three designs. At 16 px a half-pixel edge turns into a blur, so the small version of each design is
// laid out on the 16-px grid (coordinates below in pixels, `g16(n)` = n/16); the larger ones snap their
// straight edges to whole pixels with `snapper(size)`.
// ---------------------------------------------------------------------------------------------------------

/** Pixels on the 16-px grid to unit coordinates. */
const g16 = (n) => n / 16;

/** Rounds a unit coordinate to the nearest whole pixel at the given size. */
const snapper = (size) => (v) => Math.round(v * size) / size;

/** The main icon: red seal, white check mark, strip with three traffic-light dots. */
export function sealShapes(size) {
  const dots = [STATUS_GREEN, STATUS_YELLOW, SEAL_RED];
  if (size <= 20) {
    return [
      roundedRect(0, 0, 1, 1, g16(3), SEAL_RED),
      polyline(
        [
          [g16(3.5), g16(5.5)],
          [g16(6.6), g16(8.4)],
          [g16(12.5), g16(2.6)],
        ],
        g16(2.4),
        WHITE,
      ),
      roundedRect(g16(2), g16(10), g16(14), g16(14), g16(2), WHITE),
      // 2 × 2-px dots centred on 5, 8 and 11 px: symmetric about the middle and crisp.
      ...dots.map((color, i) =>
        roundedRect(g16(4 + 3 * i), g16(11), g16(6 + 3 * i), g16(13), g16(0.4), color),
      ),
    ];
  }
  const snap = snapper(size);
  const margin = snap(0.03);
  const inset = 0.085;
  const strip = { top: snap(0.66), bottom: snap(0.85), left: snap(0.2), right: snap(0.8) };
  const stripMid = (strip.top + strip.bottom) / 2;
  return [
    roundedRect(margin, margin, 1 - margin, 1 - margin, 0.2, SEAL_RED),
    // The thin inner ring makes it read as a seal (印章) rather than a plain tile; at 32 px it is mere noise.
    ...(size >= 48
      ? [roundedRectOutline(inset, inset, 1 - inset, 1 - inset, 0.13, 0.025, [0xe8, 0x8a, 0x98])]
      : []),
    polyline(
      [
        [0.27, 0.4],
        [0.44, 0.56],
        [0.74, 0.26],
      ],
      0.11,
      WHITE,
    ),
    roundedRect(strip.left, strip.top, strip.right, strip.bottom, 1, WHITE),
    ...dots.map((color, i) => circle(0.5 + (i - 1) * 0.175, stripMid, 0.065, color)),
  ];
}

/** The score button: three rising bars (red, yellow, green) on an ink baseline. */
export function scoreShapes(size) {
  const colors = [SEAL_RED, STATUS_YELLOW, STATUS_GREEN];
  if (size <= 20) {
    const tops = [9, 6, 2];
    return [
      ...colors.map((color, i) =>
        roundedRect(g16(1 + 5 * i), g16(tops[i]), g16(5 + 5 * i), g16(13), g16(0.6), color),
      ),
      roundedRect(0, g16(13), 1, g16(15), g16(0.5), INK),
    ];
  }
  const snap = snapper(size);
  const base = snap(0.82);
  const heights = [0.3, 0.5, 0.72];
  const lefts = [0.1, 0.385, 0.67];
  const line = Math.max(snap(0.07), 2 / size);
  return [
    ...colors.map((color, i) =>
      roundedRect(
        snap(lefts[i]),
        snap(0.82 - heights[i]),
        snap(lefts[i] + 0.23),
        base + line / 2,
        0.05,
        color,
      ),
    ),
    roundedRect(snap(0.04), base, snap(0.96), base + line, line / 2, INK),
  ];
}

/** The clear button: an eraser tilted 40° with a red tip, outlined in ink, above a short baseline. */
export function clearShapes(size) {
  const compact = size <= 20;
  const snap = snapper(size);
  const cx = 0.52;
  const cy = compact ? 0.44 : 0.46;
  const hw = compact ? 0.37 : 0.36;
  const hh = compact ? 0.21 : 0.18;
  const outline = compact ? 0.09 : 0.055;
  const left = cx - hw;
  const right = cx + hw;
  const top = cy - hh;
  const bottom = cy + hh;
  const radius = 0.07;
  const split = cx - 0.04; // the tip is the left part of the body in the eraser's own frame
  const tilt = (shape) => rotated(cx, cy, -40, shape);
  const line = compact ? g16(1.5) : Math.max(snap(0.06), 2 / size);
  const lineTop = compact ? g16(14) : snap(0.88);
  return [
    tilt(roundedRect(left, top, right, bottom, radius, ERASER_BODY)),
    tilt(clipped(roundedRect(left, top, right, bottom, radius, SEAL_RED), (x) => x <= split)),
    tilt(roundedRectOutline(left, top, right, bottom, radius, outline, INK)),
    // The seam between tip and body.
    tilt(roundedRect(split - outline / 2, top, split + outline / 2, bottom, 0, INK)),
    roundedRect(
      compact ? g16(6) : snap(0.36),
      lineTop,
      compact ? g16(15) : snap(0.94),
      lineTop + line,
      line / 2,
      INK,
    ),
  ];
}

/** Every icon file we ship: file name under assets/, pixel size, design. */
export const ICONS = [
  ...[16, 32, 64, 80, 128].map((size) => ({ file: `icon-${size}.png`, size, draw: sealShapes })),
  ...[16, 32, 80].map((size) => ({ file: `icon-score-${size}.png`, size, draw: scoreShapes })),
  ...[16, 32, 80].map((size) => ({ file: `icon-clear-${size}.png`, size, draw: clearShapes })),
];

/**
 * Renders one icon to PNG bytes.
 * @param {{ size: number, draw: (size: number) => { color: number[], inside: (x: number, y: number) => boolean }[] }} icon
 * @returns {Buffer}
 */
export function renderIcon(icon) {
  return encodePng(icon.size, icon.size, rasterise(icon.size, icon.draw(icon.size)));
}

function main() {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const assets = path.join(repoRoot, 'assets');
  const check = process.argv.includes('--check');
  mkdirSync(assets, { recursive: true });
  let stale = 0;
  for (const icon of ICONS) {
    const png = renderIcon(icon);
    const target = path.join(assets, icon.file);
    if (check) {
      if (!existsSync(target) || !readFileSync(target).equals(png)) {
        console.error(`图标与绘制结果不一致 / icon differs from its drawing: assets/${icon.file}`);
        stale++;
      }
    } else {
      writeFileSync(target, png);
      console.log(`assets/${icon.file} (${icon.size}×${icon.size}, ${png.length} bytes)`);
    }
  }
  if (stale > 0) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
