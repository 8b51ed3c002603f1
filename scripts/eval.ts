/**
 * Detection-quality evaluation against the labelled corpus (`npm run eval` = build, then this script).
 *
 *   node --import tsx scripts/eval.ts [--check] [--input scan.json] [--corpus DIR]
 *
 * `--corpus DIR` (default `test/corpus`, relative to the repository root or absolute) selects another
 * labelled corpus with the same layout (`DIR/projects/…`, `DIR/expectations.yaml`), e.g. the held-out
 * `test/corpus-holdout`.
 *
 * Scans `test/corpus/projects` with the built CLI (`node dist/cli.js scan … --format json --fail-on none`)
 * and compares the findings with `test/corpus/expectations.yaml` (see test/corpus/README.md).
 *
 * Matching
 *   - A finding matches an expectation with the same file and category whose line is within ±1 of the
 *     finding's start line. Exact-line pairs are assigned first, then ±1 pairs; each expectation matches
 *     at most one finding and each finding at most one expectation.
 *   - An unmatched finding on the same file, line and category as a matched finding is a duplicate
 *     (one weakness reported by two rules) and is not counted.
 *
 * Levels
 *   - Main scoring uses warning/error findings and expectations without `level: info`.
 *     Unmatched warning/error findings are false positives (FP); unmatched expectations are false
 *     negatives (FN). An expectation found only at info level is a FN ("reported only as info"): a
 *     user does not see an info finding as a problem. A warning/error finding that only matches a
 *     `level: info` expectation is a FP ("expected info only"): too loud for e.g. a loopback broker.
 *   - Info is evaluated separately: `level: info` expectations are matched against info findings
 *     (or louder ones, see above) and reported as found/missed. Info findings without any
 *     expectation are listed as "info noise" and are NOT counted as FPs — info is informational by
 *     design (tests, examples, loopback hosts), and the corpus does not try to label every one.
 *
 * Targets: precision ≥ 0.95 and recall ≥ 0.95 for hardcoded-secret, plaintext-protocol,
 * tls-verification-disabled and unsigned-update. The script always exits 0 (it is a report), except
 * with `--check`: exit 1 when a target is missed. Exit 2 when the scan itself fails.
 * Results are also written to `out/eval-results.json` (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const corpusIdx = process.argv.indexOf('--corpus');
const CORPUS = corpusIdx >= 0 && process.argv[corpusIdx + 1] ? resolve(ROOT, process.argv[corpusIdx + 1]) : join(ROOT, 'test', 'corpus');
const PROJECTS = join(CORPUS, 'projects');
const OUT_FILE = join(ROOT, 'out', 'eval-results.json');

const CATEGORIES = [
  'hardcoded-secret', 'plaintext-protocol', 'tls-verification-disabled', 'unsigned-update',
  'unencrypted-storage', 'weak-crypto', 'permissive-policy', 'exposed-service',
] as const;
const MAIN_TARGETS = ['hardcoded-secret', 'plaintext-protocol', 'tls-verification-disabled', 'unsigned-update'];
const TARGET_PRECISION = 0.95;
const TARGET_RECALL = 0.95;

interface Expectation {
  file: string;
  line: number;
  category: string;
  level?: 'info' | 'warning' | 'error';
  note: string;
}

interface Finding {
  ruleId: string;
  category: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  filePath: string;
  start: { line: number; column: number };
}

interface CategoryStats {
  category: string;
  expected: number;
  found: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

const key = (file: string, category: string): string => `${file}\u0000${category}`;
const loud = (f: Finding): boolean => f.severity !== 'info';

/** Greedy ±1 matching within one (file, category) group, exact lines first; marks the pairs used. Returns finding → expectation. */
function matchGroup(exps: Expectation[], finds: Finding[], usedE: Set<Expectation>, usedF: Set<Finding>): Map<Finding, Expectation> {
  const pairs: Array<{ e: Expectation; f: Finding; d: number }> = [];
  for (const e of exps) {
    for (const f of finds) {
      const d = Math.abs(e.line - f.start.line);
      if (d <= 1) pairs.push({ e, f, d });
    }
  }
  pairs.sort((a, b) => a.d - b.d || a.e.line - b.e.line || a.f.start.line - b.f.start.line);
  const out = new Map<Finding, Expectation>();
  for (const { e, f } of pairs) {
    if (usedE.has(e) || usedF.has(f)) continue;
    usedE.add(e);
    usedF.add(f);
    out.set(f, e);
  }
  return out;
}

function groupBy<T>(items: T[], k: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(k(it), [...(m.get(k(it)) ?? []), it]);
  return m;
}

function walk(dir: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, acc);
    else acc.push(relative(PROJECTS, p).split('\\').join('/'));
  }
  return acc;
}

function runScan(input?: string): { findings: Finding[]; version?: string } {
  if (input) return JSON.parse(readFileSync(input, 'utf8'));
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.error('dist/cli.js not found: run `npm run build` first (or use `npm run eval`).');
    process.exit(2);
  }
  const r = spawnSync(process.execPath, [cli, 'scan', relative(ROOT, PROJECTS), '--format', 'json', '--fail-on', 'none'], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.error(`scan failed (exit ${r.status}): ${r.stderr || r.error?.message || ''}`.trim());
    process.exit(2);
  }
  return JSON.parse(r.stdout);
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const fmt = (x: number | null): string => (x === null ? '  -  ' : x.toFixed(3));
const pad = (s: string | number, n: number): string => String(s).padStart(n);

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const inputIdx = args.indexOf('--input');
  const input = inputIdx >= 0 ? args[inputIdx + 1] : undefined;

  const expectations = (parse(readFileSync(join(CORPUS, 'expectations.yaml'), 'utf8')) as Expectation[] | null) ?? [];
  const corpusFiles = walk(PROJECTS);
  const missing = expectations.filter((e) => !corpusFiles.includes(e.file));
  for (const e of missing) console.warn(`warning: expectation for missing file ${e.file}:${e.line}`);

  const scan = runScan(input);
  const findings = scan.findings;

  const mainExp = expectations.filter((e) => e.level !== 'info');
  const infoExp = expectations.filter((e) => e.level === 'info');
  const loudF = findings.filter(loud);
  const infoF = findings.filter((f) => !loud(f));

  // 1. Warning/error findings vs main expectations.
  const usedE = new Set<Expectation>();
  const usedF = new Set<Finding>();
  const matched = new Map<Finding, Expectation>();
  const expByKey = groupBy(mainExp, (e) => key(e.file, e.category));
  for (const [k, finds] of groupBy(loudF, (f) => key(f.filePath, f.category))) {
    for (const [f, e] of matchGroup(expByKey.get(k) ?? [], finds, usedE, usedF)) matched.set(f, e);
  }
  const matchedLines = new Set([...matched.keys()].map((f) => `${key(f.filePath, f.category)}\u0000${f.start.line}`));
  const isDuplicate = (f: Finding): boolean => matchedLines.has(`${key(f.filePath, f.category)}\u0000${f.start.line}`);

  // 2. Info expectations: matched by info findings first, then by leftover loud findings (too loud → FP).
  const infoExpByKey = groupBy(infoExp, (e) => key(e.file, e.category));
  const infoMatched = new Map<Finding, Expectation>();
  for (const [k, finds] of groupBy(infoF, (f) => key(f.filePath, f.category))) {
    for (const [f, e] of matchGroup(infoExpByKey.get(k) ?? [], finds, usedE, usedF)) infoMatched.set(f, e);
  }
  const tooLoud = new Map<Finding, Expectation>();
  const leftoverLoud = loudF.filter((f) => !usedF.has(f) && !isDuplicate(f));
  for (const [k, finds] of groupBy(leftoverLoud, (f) => key(f.filePath, f.category))) {
    for (const [f, e] of matchGroup(infoExpByKey.get(k) ?? [], finds, usedE, usedF)) tooLoud.set(f, e);
  }

  // 3. Main expectations only seen at info level (after info expectations took theirs).
  const infoOnly = new Map<Expectation, Finding>();
  const leftoverInfo = infoF.filter((f) => !usedF.has(f));
  const unmatchedMainByKey = groupBy(mainExp.filter((e) => !usedE.has(e)), (e) => key(e.file, e.category));
  for (const [k, finds] of groupBy(leftoverInfo, (f) => key(f.filePath, f.category))) {
    for (const [f, e] of matchGroup(unmatchedMainByKey.get(k) ?? [], finds, new Set(), usedF)) infoOnly.set(e, f);
  }

  const fps = loudF.filter((f) => !matched.has(f) && !isDuplicate(f));
  const fns = mainExp.filter((e) => !usedE.has(e));
  const duplicates = loudF.filter((f) => !matched.has(f) && isDuplicate(f));
  const infoNoise = infoF.filter((f) => !usedF.has(f));

  const stats: CategoryStats[] = CATEGORIES.map((c) => {
    const tp = [...matched.values()].filter((e) => e.category === c).length;
    const fp = fps.filter((f) => f.category === c).length;
    const fn = fns.filter((e) => e.category === c).length;
    return {
      category: c,
      expected: mainExp.filter((e) => e.category === c).length,
      found: loudF.filter((f) => f.category === c).length,
      tp, fp, fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
    };
  });
  const total = stats.reduce((a, s) => ({ ...a, expected: a.expected + s.expected, found: a.found + s.found, tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }),
    { category: 'all', expected: 0, found: 0, tp: 0, fp: 0, fn: 0, precision: null, recall: null } as CategoryStats);
  total.precision = ratio(total.tp, total.tp + total.fp);
  total.recall = ratio(total.tp, total.tp + total.fn);

  // Report.
  const filesWithMain = new Set(mainExp.map((e) => e.file));
  const cleanFiles = corpusFiles.filter((f) => !filesWithMain.has(f));
  const noisyClean = new Set(fps.filter((f) => !filesWithMain.has(f.filePath)).map((f) => f.filePath));
  console.log(`iotsec ${scan.version ?? ''} — corpus: ${corpusFiles.length} files (${cleanFiles.length} clean), ${mainExp.length} expected findings + ${infoExp.length} info; `
    + `scan: ${loudF.length} warning/error + ${infoF.length} info findings`);
  console.log('');
  const header = `${'category'.padEnd(27)}${pad('expected', 9)}${pad('found', 7)}${pad('TP', 5)}${pad('FP', 5)}${pad('FN', 5)}${pad('precision', 11)}${pad('recall', 8)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const s of [...stats, total]) {
    if (s === total) console.log('-'.repeat(header.length));
    console.log(`${s.category.padEnd(27)}${pad(s.expected, 9)}${pad(s.found, 7)}${pad(s.tp, 5)}${pad(s.fp, 5)}${pad(s.fn, 5)}${pad(fmt(s.precision), 11)}${pad(fmt(s.recall), 8)}`);
  }
  console.log('');
  console.log(`info: ${infoExp.length} expected, ${infoMatched.size} found at info, ${tooLoud.size} reported louder (counted as FP), `
    + `${infoExp.length - infoMatched.size - tooLoud.size} missed; ${infoNoise.length} info finding(s) without expectation (noise, not counted)`);
  console.log(`duplicates (same weakness, same line, second rule): ${duplicates.length}; clean files with a warning/error finding: ${noisyClean.size}/${cleanFiles.length}`);
  console.log('');

  const targets = MAIN_TARGETS.map((c) => {
    const s = stats.find((x) => x.category === c)!;
    const pass = (s.precision ?? 0) >= TARGET_PRECISION && (s.recall ?? 0) >= TARGET_RECALL;
    return { category: c, precision: s.precision, recall: s.recall, pass };
  });
  console.log(`targets (precision ≥ ${TARGET_PRECISION}, recall ≥ ${TARGET_RECALL}):`);
  for (const t of targets) console.log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.category.padEnd(27)} P=${fmt(t.precision)} R=${fmt(t.recall)}`);
  console.log('');

  const byPos = (a: { file: string; line: number }, b: { file: string; line: number }): number => a.file.localeCompare(b.file) || a.line - b.line;
  const fpRows = fps.map((f) => ({ file: f.filePath, line: f.start.line, category: f.category, severity: f.severity, ruleId: f.ruleId, message: f.message,
    reason: tooLoud.has(f) ? 'expected info only' : undefined })).sort(byPos);
  const fnRows = fns.map((e) => ({ file: e.file, line: e.line, category: e.category, note: e.note,
    reason: infoOnly.has(e) ? `reported only as info (${infoOnly.get(e)!.ruleId})` : undefined })).sort(byPos);
  console.log(`false positives (${fpRows.length}):`);
  for (const r of fpRows) console.log(`  ${r.file}:${r.line}  [${r.category}/${r.severity}] ${r.ruleId}: ${r.message}${r.reason ? `  (${r.reason})` : ''}`);
  console.log('');
  console.log(`false negatives (${fnRows.length}):`);
  for (const r of fnRows) console.log(`  ${r.file}:${r.line}  [${r.category}] ${r.note}${r.reason ? `  (${r.reason})` : ''}`);
  const infoFound = new Set([...infoMatched.values(), ...tooLoud.values()]);
  const infoMissed = infoExp.filter((e) => !infoFound.has(e));
  if (infoMissed.length) {
    console.log('');
    console.log(`info expectations not found (${infoMissed.length}, not counted):`);
    for (const e of infoMissed.sort(byPos)) console.log(`  ${e.file}:${e.line}  [${e.category}] ${e.note}`);
  }

  mkdirSync(join(ROOT, 'out'), { recursive: true });
  writeFileSync(OUT_FILE, JSON.stringify({
    generatedAt: new Date().toISOString(),
    toolVersion: scan.version,
    corpus: { files: corpusFiles.length, cleanFiles: cleanFiles.length, expectations: mainExp.length, infoExpectations: infoExp.length },
    categories: stats,
    total,
    targets,
    info: { expected: infoExp.length, found: infoMatched.size, louder: tooLoud.size, noise: infoNoise.length },
    duplicates: duplicates.length,
    cleanFilesWithFindings: [...noisyClean].sort(),
    falsePositives: fpRows,
    falseNegatives: fnRows,
    infoNoise: infoNoise.map((f) => ({ file: f.filePath, line: f.start.line, category: f.category, ruleId: f.ruleId })),
  }, null, 2) + '\n');
  console.log('');
  console.log(`results written to ${relative(process.cwd(), OUT_FILE)}`);

  if (check && targets.some((t) => !t.pass)) process.exit(1);
}

main();
