// CRC-32 (the zip format's check of each entry, polynomial 0xEDB88320), and the CRC of two pieces
// joined from the CRCs of each. The workbook writer (xlsx-book.ts) compresses a sheet's rows as
// they come and writes the sheet's opening (the column widths, known only after the last row)
// in front of them at the end: the entry's CRC is then the opening's joined with the rows'.

const POLY = 0xedb88320;

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes`, continuing from `crc` (the CRC of what came before them; 0 for none). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** a(x)·b(x) modulo the polynomial, both in the CRC's reflected bit order. */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let m = 0x80000000; m !== 0; m >>>= 1) {
    if (a & m) product ^= b;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0 … 31. */
const X_POW_2K = (() => {
  const powers = new Uint32Array(32);
  let p = 0x40000000; // x^1
  for (let k = 0; k < 32; k++) {
    powers[k] = p;
    p = multiplyModP(p, p);
  }
  return powers;
})();

/** x^(8·n) modulo the polynomial: the shift of a CRC past n bytes. */
function shiftPastBytes(n: number): number {
  let p = 0x80000000; // x^0
  for (let k = 3; n > 0; n = Math.floor(n / 2), k++) if (n % 2) p = multiplyModP(X_POW_2K[k & 31]!, p);
  return p;
}

/** The CRC-32 of A followed by B, from A's CRC, B's CRC and B's length in bytes. */
export function crc32Join(crcA: number, crcB: number, lengthB: number): number {
  return (multiplyModP(shiftPastBytes(lengthB), crcA) ^ crcB) >>> 0;
}
