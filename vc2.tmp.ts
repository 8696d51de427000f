import { readFileSync } from 'node:fs';
import { inspectBackup } from './renderer/db/backup';
const buf = readFileSync('/work/bench-keep-1/scale.mlbackup');
const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
const t = performance.now();
const r = await inspectBackup(bytes);
console.log('inspectBackup', r.ok, Math.round(performance.now() - t), 'ms');
