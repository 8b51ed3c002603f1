/** Reading workspace files: limits, encodings and special files give a reason, never a hang or a throw. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { decodeUtf8, ReadBuffer, readSourceFile, type ReadOutcome } from '../../src/cli/read-text';

const dir = mkdtempSync(join(tmpdir(), 'iotsec-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));
/** The text of a successful read, decoded as a scan would. */
const textOf = (read: Extract<ReadOutcome, { ok: true }>): string => read.text ?? decodeUtf8(read.utf8, false);
const file = (name: string, content: string | Buffer): string => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

const cases: Array<{ name: string; path: () => string; max?: number; expected: Record<string, unknown> }> = [
  { name: 'plain UTF-8', path: () => file('a.c', 'int x; // é'), expected: { ok: true, decoded: 'int x; // é', text: undefined } },
  { name: 'UTF-8 BOM dropped', path: () => file('b.py', Buffer.from([0xef, 0xbb, 0xbf, 0x78])), expected: { ok: true, decoded: 'x', note: 'UTF-8 BOM' } },
  { name: 'UTF-16LE', path: () => file('c.js', Buffer.from([0xff, 0xfe, 0x61, 0x00])), expected: { ok: true, text: 'a', decoded: 'a', note: 'UTF-16LE' } },
  { name: 'UTF-16BE', path: () => file('c2.js', Buffer.from([0xfe, 0xff, 0x00, 0x61])), expected: { ok: true, text: 'a', decoded: 'a', note: 'UTF-16BE' } },
  { name: 'invalid UTF-8 replaced', path: () => file('d.c', Buffer.from([0x61, 0xc3, 0x28])), expected: { ok: true, decoded: 'a\uFFFD(' } },
  { name: 'binary', path: () => file('e.c', Buffer.from([0x7f, 0x45, 0x00, 0x01])), expected: { ok: false, reason: 'binary' } },
  { name: 'too large', path: () => file('f.c', 'x'.repeat(3000)), max: 2048, expected: { ok: false, reason: 'too large (3 KB > 2 KB)', bytes: 3000 } },
  { name: 'missing', path: () => join(dir, 'gone.c'), expected: { ok: false, reason: 'unreadable (ENOENT)' } },
  { name: 'a directory', path: () => dir, expected: { ok: false, reason: 'not a regular file' } },
  { name: 'exactly the size limit', path: () => file('g.c', 'y'.repeat(2048)), max: 2048, expected: { ok: true, bytes: 2048 } },
  { name: 'empty', path: () => file('h.c', ''), expected: { ok: true, bytes: 0, decoded: '' } },
];

// Through a reused buffer, small files take one read and no stat: the same outcomes.
for (const scratch of [undefined, new ReadBuffer()]) {
  for (const c of cases) {
    test(`readSourceFile${scratch ? ' (reused buffer)' : ''}: ${c.name}`, () => {
      const got = readSourceFile(c.path(), c.max ?? 1 << 20, scratch);
      const seen: Record<string, unknown> = { ...got, decoded: got.ok ? textOf(got) : undefined };
      for (const [k, v] of Object.entries(c.expected)) assert.deepEqual(seen[k], v, k);
    });
  }
}

test('readSourceFile: a FIFO is refused without blocking on open', { skip: process.platform === 'win32' }, () => {
  const fifo = join(dir, 'pipe.c');
  execFileSync('mkfifo', [fifo]);
  assert.deepEqual(readSourceFile(fifo, 1 << 20), { ok: false, reason: 'not a regular file', bytes: 0 });
  assert.deepEqual(readSourceFile(fifo, 1 << 20, new ReadBuffer()), { ok: false, reason: 'not a regular file', bytes: 0 });
});

test('readSourceFile through a reused buffer: each read sees its own file, larger ones grow it', () => {
  const scratch = new ReadBuffer();
  const big = 'x'.repeat(100_000) + 'END';
  const first = readSourceFile(file('r1.c', big), 1 << 20, scratch);
  assert.ok(first.ok && first.utf8);
  assert.equal(textOf(first), big);
  const second = readSourceFile(file('r2.c', 'short'), 1 << 20, scratch);
  assert.ok(second.ok && second.utf8);
  assert.equal(textOf(second), 'short', 'a shorter file is not padded with the previous one');
  assert.equal(second.utf8.buffer, first.utf8.buffer, 'the same memory is reused');
  const bom = readSourceFile(file('r3.c', Buffer.from([0xef, 0xbb, 0xbf, 0x41])), 1 << 20, scratch);
  assert.ok(bom.ok && bom.utf8);
  assert.equal(textOf(bom), 'A');
});
