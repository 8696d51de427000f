// Draws build/icon.png (512×512, RGBA): a red rounded square with a white ledger page and a
// golden seal. Written with node:zlib only, so it runs offline; electron-builder derives the
// Windows .ico and the Linux icon sizes from this one file. Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SUBSAMPLES = 4; // 4×4 samples per pixel for smooth edges

const RED = [183, 28, 28];
const WHITE = [255, 255, 255];
const GOLD = [242, 193, 78];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** Colour of the icon at a point, or undefined where it is transparent; later layers win. */
function sample(x, y) {
  if (!insideRoundedRect(x, y, 16, 16, 496, 496, 96)) return undefined;
  let color = RED;
  if (insideRoundedRect(x, y, 128, 96, 384, 416, 20)) color = WHITE;
  for (const lineY of [168, 220, 272, 324]) {
    if (insideRoundedRect(x, y, 168, lineY - 8, 344, lineY + 8, 8)) color = RED;
  }
  if (inCircle(x, y, 368, 384, 76)) color = GOLD;
  if (inCircle(x, y, 368, 384, 58) && !inCircle(x, y, 368, 384, 46)) color = RED;
  if (inCircle(x, y, 368, 384, 20)) color = RED;
  return color;
}

export function renderIcon() {
  const rowBytes = SIZE * 4 + 1;
  const raw = Buffer.alloc(rowBytes * SIZE);
  for (let py = 0; py < SIZE; py += 1) {
    raw[py * rowBytes] = 0; // filter: none
    for (let px = 0; px < SIZE; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy += 1) {
        for (let sx = 0; sx < SUBSAMPLES; sx += 1) {
          const color = sample(px + (sx + 0.5) / SUBSAMPLES, py + (sy + 0.5) / SUBSAMPLES);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const offset = py * rowBytes + 1 + px * 4;
      if (a > 0) {
        raw[offset] = Math.round(r / a);
        raw[offset + 1] = Math.round(g / a);
        raw[offset + 2] = Math.round(b / a);
        raw[offset + 3] = Math.round((255 * a) / SUBSAMPLES ** 2);
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icon.png');
writeFileSync(target, renderIcon());
console.log(`已生成 / written: ${path.relative(process.cwd(), target)}`);
