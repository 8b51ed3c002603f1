/**
 * Table-driven rule tester (ESLint RuleTester / ast-grep valid+invalid). Runs the REAL engine with
 * the real language front ends, and only the rule under test. Failures read as detection quality:
 * "Noisy" = a false positive, "Missing" = a false negative.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, type ResolvedConfig } from '../../src/core/config';
import { applyEdits } from '../../src/core/fixes';
import type { Finding, Severity } from '../../src/core/finding';
import type { LanguageId } from '../../src/core/language';
import { createLinter, type Linter } from '../../src/core/linter';
import type { FileSummary, ProjectRuleDefinition, RuleDefinition } from '../../src/core/rule';
import { allLanguages } from '../../src/languages/registry';
import { nodeModulesEnv } from './grammars';

export interface ValidCase {
  lang: LanguageId;
  code: string;
  /** Workspace-relative path; defaults to a name matching `lang` (e.g. `src/main.c`). */
  filePath?: string;
  config?: Partial<ResolvedConfig['settings']>;
  name?: string;
}

export interface ExpectedSuggestion {
  /** Substring or pattern of the suggestion title. */
  title?: string | RegExp;
  /** Document text after applying the suggestion's same-file edits. */
  output: string;
  /** Expected appended text per other file (`fileEdits`), by path. */
  files?: Record<string, string | RegExp>;
}

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  line?: number;
  column?: number;
  severity?: Severity;
  /** The evidence must not contain this (a secret) — and neither may the message. */
  secret?: string;
  suggestions?: ExpectedSuggestion[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after applying the safe `fix` of every finding. Required iff the rule fixes. */
  output?: string;
  /** A known false negative: passes while the rule stays silent; fails once it reports (promote it). */
  todo?: string;
}

const DEFAULT_PATH: Record<LanguageId, string> = {
  c: 'src/main.c', cpp: 'src/main.cpp', python: 'main.py', javascript: 'index.js', typescript: 'index.ts',
  yaml: 'device.yaml', json: 'config.json', ini: 'platformio.ini', kconfig: 'sdkconfig', dotenv: '.env', pem: 'device.key', libconfig: 'swupdate.cfg',
};

function linterFor(rule: RuleDefinition): Linter {
  return createLinter({ rules: [rule], languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
}

async function lint(linter: Linter, c: ValidCase): Promise<Finding[]> {
  const config = defaultConfig();
  const settings = { ...config.settings, ...c.config };
  const res = await linter.lintText({ text: c.code, filePath: c.filePath ?? DEFAULT_PATH[c.lang], languageId: c.lang }, { ...config, settings });
  assert.deepEqual(res.ruleErrors, [], `rule crashed: ${res.ruleErrors.map((e) => e.message).join('; ')}`);
  return res.findings;
}

function caseName(kind: string, c: ValidCase, i: number): string {
  return c.name ?? `${kind} #${i + 1} [${c.lang}] ${c.code.split('\n').find((l) => l.trim())?.trim().slice(0, 60) ?? ''}`;
}

function checkUnique(cases: readonly ValidCase[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    const k = `${c.lang}\u0000${c.filePath ?? ''}\u0000${c.code}`;
    assert.ok(!seen.has(k), `duplicate test case: ${c.code.slice(0, 80)}`);
    seen.add(k);
  }
}

/** Runs a rule's table. */
export const ruleTester = {
  run(rule: RuleDefinition, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
    describe(rule.meta.id, () => {
      const linter = linterFor(rule);
      test('table is well formed', () => {
        checkUnique([...cases.valid, ...cases.invalid]);
        assert.ok(cases.valid.length > 0, 'a rule needs negative (valid) cases');
        assert.ok(cases.invalid.length > 0, 'a rule needs positive (invalid) cases');
        for (const c of cases.invalid) assert.ok(c.errors.length > 0, 'invalid case without errors');
        for (const c of cases.invalid) for (const e of c.errors) assert.ok(e.messageId in rule.meta.messages, `unknown messageId "${e.messageId}"`);
        for (const c of [...cases.valid, ...cases.invalid]) assert.ok(rule.meta.languages.includes(c.lang), `rule does not declare language ${c.lang}`);
      });
      cases.valid.forEach((c, i) => {
        test(caseName('valid', c, i), async () => {
          const found = await lint(linter, c);
          assert.equal(found.length, 0, `Noisy: expected no finding, got ${found.map((f) => `${f.start.line}:${f.start.column} ${f.message}`).join(' | ')}`);
        });
      });
      cases.invalid.forEach((c, i) => {
        test(caseName(c.todo ? 'todo' : 'invalid', c, i), async () => {
          const found = await lint(linter, c);
          if (c.todo) {
            assert.equal(found.length, 0, `todo case now reports — promote it to invalid (${c.todo})`);
            return;
          }
          assert.equal(found.length, c.errors.length, `${found.length < c.errors.length ? 'Missing' : 'Noisy'}: expected ${c.errors.length} finding(s), got ${found.length}: ${found.map((f) => `${f.start.line}:${f.start.column} ${f.messageId} ${f.message}`).join(' | ')}`);
          c.errors.forEach((e, j) => checkFinding(rule, c, found[j], e));
          const fixes = found.filter((f) => f.fix);
          if (fixes.length) {
            assert.ok(c.output !== undefined, 'rule produced a fix but the case has no output');
            assert.notEqual(c.output, c.code, 'output equals code');
            assert.equal(applyEdits(c.code, fixes.flatMap((f) => f.fix!.edits)).text, c.output);
          } else {
            assert.equal(c.output, undefined, 'case has output but the rule produced no fix');
          }
        });
      });
    });
  },
};

function checkFinding(rule: RuleDefinition, c: InvalidCase, f: Finding, e: ExpectedError): void {
  assert.equal(f.messageId, e.messageId);
  assert.doesNotMatch(f.message, /\{\{\s*\w+\s*\}\}/, 'unfilled placeholder in message');
  if (e.data) {
    const expected = rule.meta.messages[e.messageId].replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in e.data! ? String(e.data![k]) : m));
    // The engine tags findings in test/example files; the rule's own message is what is checked here.
    assert.equal(f.message.replace(/ \[test\/example file: info only\]$/, ''), expected);
  }
  if (e.line !== undefined) assert.equal(f.start.line, e.line, 'line');
  if (e.column !== undefined) assert.equal(f.start.column, e.column, 'column');
  if (e.severity !== undefined) assert.equal(f.severity, e.severity, 'severity');
  if (e.secret) {
    assert.ok(!f.message.includes(e.secret), 'message leaks the secret');
    assert.ok(!f.evidence.includes(e.secret), 'evidence leaks the secret');
  }
  const sugg = f.suggestions ?? [];
  if (sugg.length && !e.suggestions) assert.fail('rule produced suggestions but the case has no `suggestions` expectations');
  if (e.suggestions) {
    assert.equal(sugg.length, e.suggestions.length, `suggestions: got ${sugg.map((s) => s.title).join(' | ')}`);
    e.suggestions.forEach((es, k) => {
      const s = sugg[k];
      if (es.title instanceof RegExp) assert.match(s.title, es.title);
      else if (es.title) assert.ok(s.title.includes(es.title), `suggestion title "${s.title}"`);
      assert.equal(applyEdits(c.code, s.edits).text, es.output);
      for (const [p, want] of Object.entries(es.files ?? {})) {
        const fe = s.fileEdits?.find((x) => x.path === p);
        assert.ok(fe, `suggestion has no edit for ${p}`);
        if (want instanceof RegExp) assert.match(fe.append, want);
        else assert.equal(fe.append, want);
      }
    });
  }
}

export interface ProjectCase {
  files: Record<string, string>;
  name?: string;
}
export interface ProjectInvalidCase extends ProjectCase {
  errors: Array<{ filePath: string; messageId: string; line?: number; severity?: Severity }>;
}

/** Runs a project rule over small in-memory projects, using every per-file rule to produce signals. */
export const projectTester = {
  run(rule: ProjectRuleDefinition, fileRules: readonly RuleDefinition[], cases: { valid: ProjectCase[]; invalid: ProjectInvalidCase[] }): void {
    describe(rule.meta.id, () => {
      const linter = createLinter({ rules: fileRules, projectRules: [rule], languages: allLanguages, loadGrammar: nodeModulesEnv.loadGrammar });
      const run = async (c: ProjectCase): Promise<Finding[]> => {
        const summaries: FileSummary[] = [];
        for (const [filePath, text] of Object.entries(c.files)) {
          const r = await linter.lintText({ text, filePath });
          if (r.summary) summaries.push(r.summary);
        }
        const res = linter.lintProject(summaries);
        assert.deepEqual(res.ruleErrors, []);
        return res.findings;
      };
      cases.valid.forEach((c, i) => test(c.name ?? `valid project #${i + 1}`, async () => {
        const found = await run(c);
        assert.equal(found.length, 0, `Noisy: ${found.map((f) => `${f.filePath}:${f.start.line} ${f.message}`).join(' | ')}`);
      }));
      cases.invalid.forEach((c, i) => test(c.name ?? `invalid project #${i + 1}`, async () => {
        const found = await run(c);
        assert.equal(found.length, c.errors.length, `${found.length < c.errors.length ? 'Missing' : 'Noisy'}: ${found.map((f) => `${f.filePath}:${f.start.line} ${f.messageId}`).join(' | ')}`);
        c.errors.forEach((e, j) => {
          assert.equal(found[j].filePath, e.filePath);
          assert.equal(found[j].messageId, e.messageId);
          if (e.line !== undefined) assert.equal(found[j].start.line, e.line);
          if (e.severity !== undefined) assert.equal(found[j].severity, e.severity);
        });
      }));
    });
  },
};
