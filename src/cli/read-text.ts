import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { DecodeBytes } from '../core/prefilter';

/**
 * A file's content, or the reason it was not read. UTF-8 (the usual case) stays bytes, BOM
 * removed: the engine decodes only files some rule may fire on. UTF-16 (with a BOM) is decoded.
 */
export type ReadOutcome =
  | { ok: true; bytes: number; utf8: Uint8Array; text?: undefined; note?: string }
  | { ok: true; bytes: number; text: string; utf8?: undefined; note: string }
  | { ok: false; reason: string; bytes: number };

const SNIFF = 8000;

/**
 * Reads a source file defensively: never more than the size limit (plus one byte), binary detection (NUL bytes),
 * BOMs (UTF-8, UTF-16 LE/BE); invalid UTF-8 is decoded later with replacement characters (never a
 * crash). Synchronous on purpose: scans run it in worker threads, where the promise API only added
 * a thread pool hop per call (open, stat, read, close: about a quarter of a scan's CPU time on
 * small files).
 */
/**
 * A buffer reused from one read to the next (a scan worker reads ~10,000 files: one allocation each
 * was ~150 MB of short-lived external memory and the collections it triggered). A read through it
 * is valid until the next one.
 */
export class ReadBuffer {
  buf = Buffer.allocUnsafeSlow(1 << 16);

  fit(size: number): Buffer {
    if (size > this.buf.length) this.buf = Buffer.allocUnsafeSlow(Math.max(size, this.buf.length * 2));
    return this.buf;
  }
}

export function readSourceFile(absPath: string, maxBytes: number, scratch?: ReadBuffer): ReadOutcome {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO that slipped into the tree must not hang the scan.
    fd = openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`, bytes: 0 };
  }
  let size = 0;
  try {
    if (scratch) {
      // Most files fit the buffer: one read and no stat. A read that fills it (a larger file),
      // returns nothing (an empty file, a FIFO) or fails (a directory) goes the long way below.
      const want = Math.min(scratch.buf.length, maxBytes + 1);
      let n = 0;
      try {
        n = readSync(fd, scratch.buf, 0, want, 0);
      } catch {
        // the stat below tells what this is
      }
      if (n > 0 && n < want) return classify(scratch.buf.subarray(0, n));
    }
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file', bytes: 0 };
    size = st.size;
    if (size > maxBytes) return { ok: false, reason: `too large (${formatSize(size)} > ${formatSize(maxBytes)})`, bytes: size };
    const buf = scratch ? scratch.fit(size) : Buffer.allocUnsafe(size);
    let filled = 0;
    // A file that shrinks while being read ends early; one that grows is read up to its size at open.
    for (let n = 1; filled < size && n > 0; filled += n) n = readSync(fd, buf, filled, size - filled, filled);
    return classify(filled === buf.length ? buf : buf.subarray(0, filled));
  } catch (err) {
    return { ok: false, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`, bytes: size };
  } finally {
    closeSync(fd);
  }
}

/** Sorts bytes into UTF-8 (BOM dropped), decoded UTF-16, or binary. */
export function classify(buf: Buffer): ReadOutcome {
  const bytes = buf.length;
  if (bytes >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)), bytes, note: 'UTF-16LE' };
  if (bytes >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)), bytes, note: 'UTF-16BE' };
  if (buf.subarray(0, SNIFF).includes(0)) return { ok: false, reason: 'binary', bytes };
  const hasBom = bytes >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  return { ok: true, utf8: hasBom ? buf.subarray(3) : buf, bytes, note: hasBom ? 'UTF-8 BOM' : undefined };
}

/**
 * UTF-8 to text: a Latin-1 copy when every byte is ASCII (the same string, ~3× faster), else
 * TextDecoder, which replaces invalid sequences with U+FFFD.
 */
export const decodeUtf8: DecodeBytes = (bytes, ascii) =>
  ascii ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1') : new TextDecoder().decode(bytes);

function formatSize(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
