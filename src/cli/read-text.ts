import { open, stat } from 'node:fs/promises';

/** A file's text, or the reason it was not read. */
export type ReadOutcome = { ok: true; text: string; bytes: number; note?: string } | { ok: false; reason: string; bytes: number };

const SNIFF = 8000;

/**
 * Reads a source file defensively: size limit before reading, binary detection (NUL bytes),
 * BOMs (UTF-8, UTF-16 LE/BE), invalid UTF-8 decoded with replacement characters (never a crash).
 */
export async function readSourceFile(absPath: string, maxBytes: number): Promise<ReadOutcome> {
  let size: number;
  try {
    size = (await stat(absPath)).size;
  } catch (err) {
    return { ok: false, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`, bytes: 0 };
  }
  if (size > maxBytes) return { ok: false, reason: `too large (${formatSize(size)} > ${formatSize(maxBytes)})`, bytes: size };
  let buf: Buffer;
  try {
    const fh = await open(absPath, 'r');
    try {
      buf = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (err) {
    return { ok: false, reason: `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`, bytes: size };
  }
  return decode(buf);
}

/** Decodes bytes to text, or says why not (binary). */
export function decode(buf: Buffer): ReadOutcome {
  const bytes = buf.length;
  if (bytes >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)), bytes, note: 'UTF-16LE' };
  if (bytes >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)), bytes, note: 'UTF-16BE' };
  const head = buf.subarray(0, SNIFF);
  if (head.includes(0)) return { ok: false, reason: 'binary', bytes };
  const hasBom = bytes >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(hasBom ? buf.subarray(3) : buf);
  return { ok: true, text, bytes, note: text.includes('\uFFFD') ? 'invalid UTF-8 replaced' : undefined };
}

function formatSize(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
