/**
 * Rule completeness (ESLint checkRuleFiles / STYLE R7): every registered rule has its module named
 * after its id, a test table, full metadata and docs, and is registered exactly once.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CATEGORIES } from '../../src/core/finding';
import { ALL_LANGUAGE_IDS } from '../../src/core/language';
import { allProjectRules, allRules } from '../../src/rules/index';

const ROOT = join(__dirname, '..', '..');
const metas = [...allRules, ...allProjectRules].map((r) => r.meta);

test('there are rules in every category', () => {
  for (const c of CATEGORIES) assert.ok(metas.some((m) => m.category === c), `no rule in category ${c}`);
});

test('every rule is registered once and lives in src/rules/<id>.ts', () => {
  const ids = metas.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
  for (const id of ids) assert.ok(existsSync(join(ROOT, 'src/rules', `${id}.ts`)), `src/rules/${id}.ts missing`);
  const files = readdirSync(join(ROOT, 'src/rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
  for (const f of files) assert.ok(ids.includes(f), `src/rules/${f}.ts is not registered in src/rules/index.ts`);
});

for (const m of metas) {
  test(`rule ${m.id}: metadata, docs and test table`, () => {
    assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(m.title.length > 3 && m.title.length < 90, 'title');
    assert.ok(/^[A-Z].*\.$/.test(m.description) && !/\.\s+[A-Z]/.test(m.description.slice(0, -1)), `description must be one sentence: ${m.description}`);
    assert.ok(CATEGORIES.includes(m.category));
    assert.ok(['error', 'warning', 'info'].includes(m.severity));
    assert.ok(m.cwe.length > 0 && m.cwe.every((c) => /^CWE-\d+$/.test(c)), 'cwe ids');
    assert.ok(Number.isInteger(m.practice) && m.practice >= 1 && m.practice <= 10, 'practice');
    assert.ok(m.attack.ics.every((t) => /^T0\d{3}$/.test(t)), 'ICS ids');
    assert.ok(m.attack.enterprise.every((t) => /^T1\d{3}(\.\d{3})?$/.test(t)), 'Enterprise ids');
    assert.ok(m.languages.length > 0 && m.languages.every((l) => ALL_LANGUAGE_IDS.includes(l)));
    for (const k of ['what', 'why', 'fix'] as const) assert.ok(m.docs[k].length > 20, `docs.${k}`);
    assert.ok(m.docs.references.length > 0, 'docs.references');
    assert.ok(Object.keys(m.messages).length > 0);
    const testFile = join(ROOT, 'test/rules', `${m.id}.test.ts`);
    assert.ok(existsSync(testFile), `test/rules/${m.id}.test.ts missing`);
    const source = readFileSync(testFile, 'utf8');
    for (const id of Object.keys(m.messages)) assert.ok(source.includes(`'${id}'`) || source.includes(`"${id}"`), `message "${id}" is never exercised by ${m.id}.test.ts`);
  });
}
