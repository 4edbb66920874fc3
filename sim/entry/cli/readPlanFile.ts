// Reads a plan file for a CLI command: one clear sentence for a missing file, a directory, anything
// that is not a regular file (FIFO, device, socket), a file over the size cap, or text that is not
// UTF-8; then the model's own loading (JSON, migration, validation).
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { loadPlanText, MAX_PLAN_BYTES, type LoadResult } from '../../model/io';
import { withEdgeIds } from '../../model/planHash';

export { MAX_PLAN_BYTES };

export type PlanFileResult = { ok: true; load: LoadResult } | { ok: false; message: string };

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** The text of a UTF-8 file, or a sentence naming the encoding it is in instead. */
export function decodePlanBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    if (b0 === 0xff && bytes[2] === 0 && bytes[3] === 0) return { ok: false, reason: 'it is encoded as UTF-32 (it starts with a UTF-32 byte-order mark); save it as UTF-8' };
    return { ok: false, reason: `it is encoded as UTF-16 ${b0 === 0xff ? 'little' : 'big'}-endian (it starts with a UTF-16 byte-order mark); save it as UTF-8` };
  }
  // JSON text starts with ASCII; UTF-16 without a mark shows it as ASCII bytes interleaved with zeros.
  const sample = Math.min(bytes.length, 64) & ~1;
  if (sample >= 2) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < sample; i++) {
      if (bytes[i] !== 0) continue;
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
    const half = sample / 2;
    if (oddZeros >= half * 0.75 && evenZeros === 0) return { ok: false, reason: 'it looks encoded as UTF-16 little-endian (every other byte is zero); save it as UTF-8' };
    if (evenZeros >= half * 0.75 && oddZeros === 0) return { ok: false, reason: 'it looks encoded as UTF-16 big-endian (every other byte is zero); save it as UTF-8' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Name where: the first byte sequence UTF-8 does not allow.
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\ufffd');
    const offset = bad < 0 ? -1 : new TextEncoder().encode(text.slice(0, bad)).length;
    return { ok: false, reason: `it is not valid UTF-8 text${offset >= 0 ? ` (the bytes at offset ${offset} are not UTF-8; perhaps Latin-1 or Windows-1252)` : ''}; save it as UTF-8` };
  }
}

export function readPlanFile(path: string): PlanFileResult {
  // stat, unlike open, never blocks on a FIFO, and never reads a device.
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' || code === 'ENOTDIR' ? `cannot read "${path}": no such file.` : `cannot read "${path}" (${code ?? 'unknown error'}).` };
  }
  if (!stats.isFile()) return { ok: false, message: `cannot read "${path}": it is ${kindOf(stats)}, not a plan file.` };
  if (stats.size > MAX_PLAN_BYTES) return { ok: false, message: `cannot read "${path}": it is ${megabytes(stats.size)}, above the ${megabytes(MAX_PLAN_BYTES)} a plan file may have.` };
  let bytes: Uint8Array;
  let fd: number | undefined;
  try {
    // Non-blocking, in case the path was swapped for a FIFO since stat; then check the open file itself.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { ok: false, message: `cannot read "${path}": it is ${kindOf(opened)}, not a plan file.` };
    // Read at most one byte past the cap, so a file growing meanwhile cannot make us read forever.
    const buffer = Buffer.alloc(Math.min(opened.size, MAX_PLAN_BYTES) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > MAX_PLAN_BYTES) return { ok: false, message: `cannot read "${path}": it is larger than the ${megabytes(MAX_PLAN_BYTES)} a plan file may have.` };
    bytes = buffer.subarray(0, length);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, message: `cannot read "${path}" (${code}).` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const decoded = decodePlanBytes(bytes);
  if (!decoded.ok) return { ok: false, message: `cannot read "${path}": ${decoded.reason}.` };
  const load = loadPlanText(decoded.text);
  // Edge ids filled as the app's store fills them, so a plan hashes alike in both (planHash.ts).
  return { ok: true, load: load.plan ? { ...load, plan: withEdgeIds(load.plan) } : load };
}
