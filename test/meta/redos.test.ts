/**
 * ReDoS safety of our own patterns: every regular-expression literal and every `new RegExp(...)` /
 * `RegExp(...)` with a literal source in src/**\/*.ts is checked with recheck.
 *
 * Verdicts: `vulnerable` with exponential complexity fails (naming file:line and recheck's attack
 * string). A polynomial verdict from recheck's fuzzer is confirmed on the real engine: the attack
 * string is pumped to ~50,000 characters and matched once. A bounded repetition (`[^\n]{0,200}`)
 * makes the fuzzer see a polynomial on short strings although the cost per start position is capped,
 * so the match stays in milliseconds; a genuinely quadratic pattern takes seconds there. Only the
 * slow ones fail, so the verdict does not depend on how far the fuzzer got on this machine (CI once
 * flagged a bounded pattern that timed out locally).
 * `unknown` fails too, unless its cause is recheck's own time limit: a timeout means "could not
 * decide within the budget", not "unsafe"; such patterns are listed in the diagnostic output.
 * Unsupported syntax (recheck cannot analyse it) fails, so a pattern never silently escapes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { checkRegex, compileSecretPatterns, loadConfig } from '../../src/cli/config-loader';

const ROOT = join(__dirname, '..', '..');
const TIMEOUT_MS = Number(process.env.IOTSEC_RECHECK_TIMEOUT_MS ?? 2_000);

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Literal text of a string-like expression, if it is one. */
function literalText(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

/** Every regex literal and `new RegExp('literal', 'flags')` in `file`. */
export function collectPatterns(file: string): Pattern[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Pattern[] = [];
  const where = (n: ts.Node): string => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = (n as ts.RegularExpressionLiteral).text;
      const slash = lit.lastIndexOf('/');
      out.push({ where: where(n), source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
    } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
      const source = literalText(n.arguments?.[0]);
      if (source !== undefined) out.push({ where: where(n), source, flags: literalText(n.arguments?.[1]) ?? '' });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

interface AttackPattern {
  string: string;
  pumps: { prefix: string; pump: string }[];
  suffix: string;
}
type Diagnostics = { status: 'safe' } | { status: 'vulnerable'; attack: AttackPattern; complexity?: { type: string; summary: string } } | { status: 'unknown'; error: { kind: string; message?: string } };
const recheck = require('recheck') as { check(source: string, flags: string, params?: { timeout?: number; randomSeed?: number }): Promise<Diagnostics> };

const PUMPED_LENGTH = 50_000;
// A bounded pattern matches a 50 KB pumped string in ~10 ms here; a quadratic one needs ~5 s.
const CONFIRM_LIMIT_MS = 500;

/** Milliseconds one match of `source` takes on recheck's attack string pumped to ~PUMPED_LENGTH. */
function pumpedMatchMs(source: string, flags: string, attack: AttackPattern): number {
  const unit = attack.pumps.reduce((n, p) => n + p.prefix.length + p.pump.length, 0);
  const times = Math.ceil(PUMPED_LENGTH / Math.max(1, unit));
  const input = attack.pumps.map((p) => p.prefix + p.pump.repeat(times)).join('') + attack.suffix;
  const re = new RegExp(source, flags);
  const start = process.hrtime.bigint();
  re.exec(input);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

test('every regular expression in src/ is ReDoS-safe (recheck)', async () => {
  const patterns = tsFiles(join(ROOT, 'src')).flatMap(collectPatterns);
  assert.ok(patterns.length > 50, `only ${patterns.length} patterns found: the collector is broken`);
  const failures: string[] = [];
  const undecided: string[] = [];
  const bounded: string[] = [];
  // Each distinct pattern is checked once, one per core at a time (more would only trade the
  // per-pattern time limit for contention).
  const keyOf = (p: Pattern): string => `/${p.source}/${p.flags.replace(/[gy]/g, '')}`;
  const unique = [...new Map(patterns.map((p) => [keyOf(p), p])).values()];
  const seen = new Map<string, Diagnostics>();
  let next = 0;
  await Promise.all(Array.from({ length: availableParallelism() }, async () => {
    while (next < unique.length) {
      const p = unique[next++];
      // Fixed seed: the fuzzer's verdict must not vary between runs.
      seen.set(keyOf(p), await recheck.check(p.source, p.flags.replace(/[gy]/g, ''), { timeout: TIMEOUT_MS, randomSeed: 42 }));
    }
  }));
  for (const p of patterns) {
    const key = keyOf(p);
    const d = seen.get(key)!;
    if (d.status === 'vulnerable') {
      const flags = p.flags.replace(/[gy]/g, '');
      const ms = d.complexity?.type === 'polynomial' ? pumpedMatchMs(p.source, flags, d.attack) : Infinity;
      if (ms < CONFIRM_LIMIT_MS) bounded.push(`${p.where}: ${key} (${d.complexity?.summary}; ${ms.toFixed(1)} ms on the pumped attack string)`);
      else failures.push(`${p.where}: ${key} is vulnerable (${d.complexity?.summary ?? 'super-linear'}${Number.isFinite(ms) ? `, ${ms.toFixed(0)} ms on ${PUMPED_LENGTH} characters` : ''}); attack string: ${JSON.stringify(d.attack.string.slice(0, 200))}`);
    }
    else if (d.status === 'unknown' && d.error.kind === 'timeout') undecided.push(`${p.where}: ${key}`);
    else if (d.status === 'unknown') failures.push(`${p.where}: ${key} could not be analysed (${d.error.kind}${d.error.message ? `: ${d.error.message}` : ''})`);
  }
  if (bounded.length) process.stderr.write(`polynomial on short strings but bounded in practice (confirmed on the engine):\n  ${bounded.join('\n  ')}\n`);
  if (undecided.length) process.stderr.write(`recheck timed out (${TIMEOUT_MS} ms) on ${undecided.length} pattern(s), not counted as failures:\n  ${undecided.join('\n  ')}\n`);
  assert.deepEqual(failures, [], `ReDoS-vulnerable or unanalysable patterns:\n${failures.join('\n')}`);
});

test('the collector finds literals and new RegExp sources', () => {
  const file = join(ROOT, 'src', 'core', 'linter.ts');
  const found = collectPatterns(file);
  assert.ok(found.some((p) => p.source.includes('\\{\\{')), 'the message-placeholder regex of linter.ts');
});

// User patterns from .iotsec.yaml are screened at load time (src/cli/config-loader.ts).

test('checkRegex rejects catastrophic-backtracking user patterns and accepts safe ones', () => {
  for (const bad of ['(a+)+$', '^(\\w+\\s?)*$', '(x|x)*y', 'acme_(?:[a-z]+)*!']) {
    const v = checkRegex(bad);
    assert.equal(v.safe, false, `${bad} accepted`);
    assert.ok(v.reason && v.reason.length > 0, `${bad}: no reason`);
  }
  for (const good of ['acme_[A-Za-z0-9]{32}', 'dev-[0-9a-f]{8}-[0-9a-f]{4}', '^tok_[A-Z2-7]{26}$']) assert.deepEqual(checkRegex(good), { safe: true }, good);
});

test('compileSecretPatterns names the pattern and says why it was rejected', () => {
  const { patterns, problems } = compileSecretPatterns([
    { id: 'acme-token', pattern: 'acme_[A-Za-z0-9]{32}' },
    { id: 'evil', pattern: '(a+)+$' },
    { id: 'broken', pattern: '([' },
  ]);
  assert.deepEqual(patterns.map((p) => p.id), ['acme-token']);
  assert.equal(problems.length, 2);
  assert.match(problems[0].message, /secretPatterns "evil": rejected.*ReDoS/);
  assert.match(problems[1].message, /secretPatterns "broken": invalid regular expression/);
});

test('a vulnerable pattern in .iotsec.yaml is a config error the CLI reports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotsec-redos-'));
  try {
    writeFileSync(join(dir, '.iotsec.yaml'), 'secretPatterns:\n  - id: evil\n    pattern: "(a+)+$"\n  - id: fine\n    pattern: "acme_[a-z0-9]{16}"\n');
    const { config, problems } = await loadConfig(dir);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /evil.*ReDoS/);
    assert.deepEqual(config.settings.secretPatterns?.map((p) => p.id), ['fine']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the pumped-string confirmation tells bounded repetition from real quadratic backtracking', async () => {
  const check = (source: string) => recheck.check(source, '', { timeout: 20_000, randomSeed: 42 });
  const quadratic = await check('\\s*#\\s*x');
  assert.equal(quadratic.status, 'vulnerable');
  if (quadratic.status === 'vulnerable') assert.ok(pumpedMatchMs('\\s*#\\s*x', '', quadratic.attack) >= CONFIRM_LIMIT_MS, 'a quadratic pattern passed the confirmation');
  const boundedSource = '\\bimport\\b[^\\n]{0,200}\\binsecure_channel\\b';
  const bounded = await check(boundedSource);
  if (bounded.status === 'vulnerable') assert.ok(pumpedMatchMs(boundedSource, '', bounded.attack) < CONFIRM_LIMIT_MS, 'a bounded pattern failed the confirmation');
});
