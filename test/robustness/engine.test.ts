/**
 * Every rule through the real engine (`createLinter` with allRules, all languages) on random and
 * mutated documents: no exception escapes, no rule crashes, findings have valid ranges and 1-based
 * positions consistent with the text; over-budget files are reported skips, never hangs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { LanguageId } from '../../src/core/language';
import { createLinter } from '../../src/core/linter';
import { allLanguages } from '../../src/languages/registry';
import { allProjectRules, allRules } from '../../src/rules/index';
import { nodeModulesEnv } from '../harness/grammars';
import { assertValidResult } from './check';
import { anyInput, pathological, SEEDS } from './inputs';

const RUNS = Number(process.env.IOTSEC_FC_RUNS ?? 25);
const linter = createLinter({ rules: allRules, projectRules: allProjectRules, languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
const LANGS = Object.keys(SEEDS) as LanguageId[];

describe('engine on hostile input', () => {
  test('the seeds produce findings (the properties below are not vacuous)', async () => {
    let total = 0;
    for (const lang of LANGS) {
      const { filePath, text } = SEEDS[lang];
      const r = await linter.lintText({ text, filePath });
      assert.deepEqual(r.ruleErrors, [], `${lang}: rule errors`);
      assertValidResult(text, r);
      total += r.findings.length;
    }
    assert.ok(total >= 8, `only ${total} findings in the seeds`);
  });

  for (const lang of LANGS) {
    test(`${lang}: random and mutated documents`, async () => {
      const { filePath } = SEEDS[lang];
      await fc.assert(
        fc.asyncProperty(anyInput(lang), async (text) => {
          const r = await linter.lintText({ text, filePath });
          assert.deepEqual(r.ruleErrors, [], 'a rule threw');
          assertValidResult(text, r);
        }),
        { numRuns: RUNS, seed: 7 },
      );
    });

    test(`${lang}: pathological documents finish within the budget`, async () => {
      const { filePath } = SEEDS[lang];
      for (const { name, text } of pathological(lang)) {
        const t0 = performance.now();
        const r = await linter.lintText({ text, filePath, budgetMs: 2_000 });
        const ms = performance.now() - t0;
        // The budget bounds parsing; rules and the rest get a little slack on a loaded CI machine.
        assert.ok(ms < 6_000, `${name}: ${ms.toFixed(0)} ms`);
        assert.deepEqual(r.ruleErrors, [], `${name}: a rule threw`);
        assertValidResult(text, r);
      }
    });
  }

  test('a file over its time budget is a reported skip, not a hang', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `int v${i} = f(${i}, "key ${i}");`).join('\n');
    const r = await linter.lintText({ text, filePath: 'big.c', budgetMs: 1 });
    assert.equal(r.findings.length, 0);
    assert.match(r.skipped ?? '', /analysis exceeded time budget/);
    const again = await linter.lintText({ text: '#define WIFI_PASSWORD "Zq7mK2pW9xLr"\n', filePath: 'ok.c', budgetMs: 2_000 });
    assert.equal(again.skipped, undefined, 'the parser is usable after an aborted parse');
    assert.ok(again.findings.length > 0);
  });

  test('a project scan over mutated files keeps project rules crash-free', async () => {
    const summaries = [];
    for (const lang of LANGS) {
      const samples = fc.sample(anyInput(lang), { numRuns: 5, seed: 3 });
      for (const [i, text] of samples.entries()) {
        const r = await linter.lintText({ text, filePath: SEEDS[lang].filePath.replace(/(\.\w+)?$/, `${i}$1`) });
        if (r.summary) summaries.push(r.summary);
      }
    }
    const project = linter.lintProject(summaries);
    assert.deepEqual(project.ruleErrors, []);
  });
});
