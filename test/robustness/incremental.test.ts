/**
 * Document sessions (incremental re-analysis) give exactly what a fresh `lintText` gives, over
 * random edit sequences on realistic documents; trees are freed when sessions end.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { LanguageId } from '../../src/core/language';
import { createLinter, type LintResult } from '../../src/core/linter';
import { allLanguages } from '../../src/languages/registry';
import { allProjectRules, allRules } from '../../src/rules/index';
import { nodeModulesEnv } from '../harness/grammars';
import { assertValidResult } from './check';
import { SEEDS } from './inputs';

const RUNS = Number(process.env.IOTSEC_FC_RUNS ?? 12);
const linter = createLinter({ rules: allRules, projectRules: allProjectRules, languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });

/** What must be equal between incremental and full analysis. */
function comparable(r: LintResult): unknown {
  return {
    findings: r.findings.map((f) => ({ id: f.ruleId, m: f.message, r: f.range, s: f.start, e: f.end, ev: f.evidence, fp: f.fingerprint, fix: f.fix, sg: f.suggestions, rel: f.related })),
    parseErrors: r.parseErrors,
    signals: r.summary?.signals,
  };
}

const EDIT_TEXT = ['x', '"', ';', '\n', '}', '{', '/*', 'password = "Zq7mK2pW9xLr";\n', 'mqtt://h', '#define K "v"\n', ''];

function edits(length: number): fc.Arbitrary<Array<{ at: number; del: number; ins: string }>> {
  return fc.array(fc.record({ at: fc.nat(length + 40), del: fc.nat(6), ins: fc.constantFrom(...EDIT_TEXT) }), { minLength: 1, maxLength: 12 });
}

/** A bigger document so that many top-level declarations are reused. */
function grown(lang: LanguageId): string {
  const seed = SEEDS[lang].text;
  return Array.from({ length: 6 }, () => seed).join('\n');
}

describe('document sessions equal full analysis', () => {
  for (const lang of ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml'] as LanguageId[]) {
    test(`${lang}: random edit sequences`, async () => {
      const { filePath } = SEEDS[lang];
      const base = grown(lang);
      await fc.assert(
        fc.asyncProperty(edits(base.length), async (steps) => {
          const session = linter.openDocument();
          try {
            let text = base;
            await session.lint({ text, filePath });
            for (const { at, del, ins } of steps) {
              const i = Math.min(at, text.length);
              text = text.slice(0, i) + ins + text.slice(Math.min(text.length, i + del));
              const inc = await session.lint({ text, filePath });
              const full = await linter.lintText({ text, filePath });
              assertValidResult(text, inc);
              assert.deepEqual(comparable(inc), comparable(full));
            }
          } finally {
            session.dispose();
          }
        }),
        { numRuns: RUNS, seed: 11 },
      );
    });
  }

  test('a session survives a language change and an empty document', async () => {
    const session = linter.openDocument();
    const a = await session.lint({ text: SEEDS.c.text, filePath: 'a.c' });
    const b = await session.lint({ text: SEEDS.python.text, filePath: 'a.py' });
    const c = await session.lint({ text: '', filePath: 'a.py' });
    const d = await session.lint({ text: SEEDS.python.text, filePath: 'a.py' });
    session.dispose();
    assert.ok(a.findings.length > 0 && b.findings.length > 0 && d.findings.length > 0);
    assert.equal(c.findings.length, 0);
    assert.deepEqual(comparable(d), comparable(await linter.lintText({ text: SEEDS.python.text, filePath: 'a.py' })));
  });
});
