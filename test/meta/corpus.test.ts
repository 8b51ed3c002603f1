import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { stripMarkers, type Expectation } from '../corpus/build-expectations';

const CORPUS = join(__dirname, '..', 'corpus');
const PROJECTS = join(CORPUS, 'projects');
const CATEGORIES = [
  'hardcoded-secret', 'plaintext-protocol', 'tls-verification-disabled', 'unsigned-update',
  'unencrypted-storage', 'weak-crypto', 'permissive-policy', 'exposed-service',
];
const MAIN = CATEGORIES.slice(0, 4);

function walk(dir: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, acc);
    else acc.push(relative(PROJECTS, p).split('\\').join('/'));
  }
  return acc;
}

const files = walk(PROJECTS);
const expectations = parse(readFileSync(join(CORPUS, 'expectations.yaml'), 'utf8')) as Expectation[];

describe('evaluation corpus', () => {
  it('has well-formed expectations pointing at existing lines', () => {
    assert.ok(expectations.length > 0);
    for (const e of expectations) {
      const where = `${e.file}:${e.line}`;
      assert.ok(files.includes(e.file), `${where}: file exists`);
      assert.ok(CATEGORIES.includes(e.category), `${where}: category ${e.category}`);
      assert.ok(e.level === undefined || ['info', 'warning', 'error'].includes(e.level), `${where}: level`);
      assert.ok(typeof e.note === 'string' && e.note.length > 5, `${where}: note`);
      const lines = readFileSync(join(PROJECTS, e.file), 'utf8').split(/\r?\n/);
      assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines.length, `${where}: line in range`);
      assert.ok(lines[e.line - 1].trim().length > 0, `${where}: line is not blank`);
    }
  });

  it('contains no label markers or words that could bias detection', () => {
    for (const f of files) {
      const text = readFileSync(join(PROJECTS, f), 'utf8');
      assert.doesNotMatch(text, /@E\^?\[|EXPECT|\bruleid\b|iotsec/i, f);
    }
  });

  it('is large and balanced enough to be evidence', () => {
    const dirty = new Set(expectations.filter((e) => e.level !== 'info').map((e) => e.file));
    assert.ok(files.length >= 150, `${files.length} files`);
    assert.ok((files.length - dirty.size) / files.length >= 0.4, 'at least 40% clean files');
    for (const c of CATEGORIES) assert.ok(expectations.some((e) => e.category === c), `category ${c} present`);
    for (const c of MAIN) {
      const n = expectations.filter((e) => e.category === c && e.level !== 'info').length;
      assert.ok(n >= 30, `${c}: ${n} expectations`);
    }
  });
});

describe('build-expectations marker stripping', () => {
  it('turns trailing and standalone markers into exact lines and removes them', () => {
    const src = [
      'a = 1',
      'password = "x"  # @E[hardcoded-secret] literal @E[plaintext-protocol,info] second',
      '@E^[permissive-policy] next line',
      '  "Action": "iot:*",',
      'url = "http://h" // @E[plaintext-protocol] url',
    ].join('\n');
    const r = stripMarkers(src, 'p/f');
    assert.equal(r.text, ['a = 1', 'password = "x"', '  "Action": "iot:*",', 'url = "http://h"'].join('\n'));
    assert.deepEqual(r.expectations.map((e) => [e.line, e.category, e.level, e.note]), [
      [2, 'hardcoded-secret', undefined, 'literal'],
      [2, 'plaintext-protocol', 'info', 'second'],
      [3, 'permissive-policy', undefined, 'next line'],
      [4, 'plaintext-protocol', undefined, 'url'],
    ]);
  });

  it('rejects unknown categories', () => {
    assert.throws(() => stripMarkers('x # @E[nope] why', 'p/f'), /unknown category/);
  });
});
