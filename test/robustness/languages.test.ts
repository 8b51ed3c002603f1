/**
 * Every language front end on random and mutated input: `extract` never throws (problems are
 * `errors`), every fact range stays inside the document, and each document finishes in bounded time.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { allLanguages } from '../../src/languages/registry';
import { nodeModulesEnv } from '../harness/grammars';
import { assertFactRanges, assertRange } from './check';
import { anyInput, pathological } from './inputs';

const RUNS = Number(process.env.IOTSEC_FC_RUNS ?? 30);
// Parsing stops at the deadline (tree-sitter progress callback); the rest gets slack for a loaded CI machine.
const BUDGET_MS = 2_000;
const PER_DOC_MS = BUDGET_MS + 4_000;

describe('language front ends never throw on hostile input', () => {
  for (const lang of allLanguages) {
    test(`${lang.id}: random and mutated documents`, async () => {
      await fc.assert(
        fc.asyncProperty(anyInput(lang.id), async (text) => {
          const t0 = performance.now();
          const r = await lang.extract(text, nodeModulesEnv, { deadline: t0 + BUDGET_MS });
          assert.ok(performance.now() - t0 < PER_DOC_MS, 'took too long');
          assertFactRanges(r.facts, text.length);
          for (const e of r.errors) assertRange(e.range, text.length, `error "${e.message}"`);
          for (const e of r.errorRanges ?? []) assertRange(e, text.length, 'error range');
        }),
        { numRuns: RUNS, seed: 42 },
      );
    });

    for (const { name, text } of pathological(lang.id)) {
      test(`${lang.id}: ${name}`, async () => {
        const t0 = performance.now();
        const r = await lang.extract(text, nodeModulesEnv, { deadline: t0 + BUDGET_MS });
        const ms = performance.now() - t0;
        assert.ok(ms < PER_DOC_MS, `${name}: ${ms.toFixed(0)} ms`);
        assertFactRanges(r.facts, text.length);
        for (const e of r.errors) assertRange(e.range, text.length, `error "${e.message}"`);
      });
    }
  }
});
