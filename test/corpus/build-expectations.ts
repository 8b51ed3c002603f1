/**
 * One-off labelling helper for an evaluation corpus (run: `node --import tsx test/corpus/build-expectations.ts [corpus dir]`;
 * the default is test/corpus, the held-out corpus is test/corpus-holdout).
 *
 * Corpus files are written with label markers, which this script strips from the files and turns into
 * `<corpus>/expectations.yaml` entries with exact 1-based line numbers (no hand-counted lines):
 *
 *   trailing marker   <code>  <comment leader> @E[<category>] <note>
 *                     <code>  // @E[plaintext-protocol] broker on a public host @E[hardcoded-secret] literal password
 *                     The comment leader (`//`, `#` or `;`) and everything after it are removed.
 *   level suffix      @E[<category>,info] / @E[<category>,error]  → `level:` of the expectation
 *   standalone line   @E^[<category>] <note>   (alone on its line, any indentation; for JSON, PEM…)
 *                     The whole line is removed; the expectation applies to the next remaining line.
 *
 * For every file that still contains markers, the file's expectations are replaced by the ones derived
 * from its markers; expectations of files without markers are kept as they are. Running the script again
 * after stripping therefore changes nothing. Expectations are written sorted by file and line.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

const CATEGORIES = new Set([
  'hardcoded-secret', 'plaintext-protocol', 'tls-verification-disabled', 'unsigned-update',
  'unencrypted-storage', 'weak-crypto', 'permissive-policy', 'exposed-service',
]);
const LEVELS = new Set(['info', 'warning', 'error']);

export interface Expectation {
  file: string;
  line: number;
  category: string;
  level?: 'info' | 'warning' | 'error';
  note: string;
}

// The corpus folder: the first argument (e.g. test/corpus-holdout), else this script's folder.
const HERE = process.argv[2] ? resolve(process.argv[2]) : __dirname;
const NAME = relative(join(__dirname, '..', '..'), HERE);
const PROJECTS = join(HERE, 'projects');
const OUT = join(HERE, 'expectations.yaml');

const TRAILING = /\s*(?:\/\/|#|;)\s*(@E\[.*)$/;
const STANDALONE = /^\s*@E\^\[([^\]]+)\]\s*(.*)$/;
const MARK = /@E\[([^\]]+)\]\s*((?:(?!@E\[).)*)/g;

function label(spec: string, note: string, file: string, line: number): Expectation {
  const [category, level] = spec.split(',').map((s) => s.trim());
  if (!CATEGORIES.has(category)) throw new Error(`${file}:${line}: unknown category "${category}"`);
  if (level && !LEVELS.has(level)) throw new Error(`${file}:${line}: unknown level "${level}"`);
  if (!note.trim()) throw new Error(`${file}:${line}: marker without a note`);
  return { file, line, category, ...(level ? { level: level as Expectation['level'] } : {}), note: note.trim() };
}

/** Strips the markers of one file's text; returns the clean text and the expectations. */
export function stripMarkers(text: string, file: string): { text: string; expectations: Expectation[] } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const out: string[] = [];
  const expectations: Expectation[] = [];
  let pending: Array<{ spec: string; note: string }> = [];
  for (const raw of text.split(/\r?\n/)) {
    const standalone = STANDALONE.exec(raw);
    if (standalone) {
      pending.push({ spec: standalone[1], note: standalone[2] });
      continue;
    }
    const lineNo = out.length + 1;
    let line = raw;
    const trailing = TRAILING.exec(raw);
    if (trailing) {
      line = raw.slice(0, trailing.index).replace(/\s+$/, '');
      for (const m of trailing[1].matchAll(MARK)) expectations.push(label(m[1], m[2], file, lineNo));
    }
    for (const p of pending) expectations.push(label(p.spec, p.note, file, lineNo));
    pending = [];
    out.push(line);
  }
  if (pending.length) throw new Error(`${file}: standalone marker on the last line`);
  return { text: out.join(eol), expectations };
}

function walk(dir: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, acc);
    else acc.push(p);
  }
  return acc;
}

function main(): void {
  const existing: Expectation[] = existsSync(OUT) ? ((parse(readFileSync(OUT, 'utf8')) as Expectation[] | null) ?? []) : [];
  const byFile = new Map<string, Expectation[]>();
  for (const e of existing) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  let stripped = 0;
  for (const abs of walk(PROJECTS)) {
    const file = relative(PROJECTS, abs).split('\\').join('/');
    const text = readFileSync(abs, 'utf8');
    if (!text.includes('@E[') && !text.includes('@E^[')) continue;
    const r = stripMarkers(text, file);
    writeFileSync(abs, r.text);
    byFile.set(file, r.expectations);
    stripped++;
  }
  const all = [...byFile.values()].flat().sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.category.localeCompare(b.category));
  const header = `# Generated by test/corpus/build-expectations.ts from label markers (see ${NAME}/README.md).\n`
    + `# One entry per weakness instance: file (relative to ${NAME}/projects), 1-based line, category,\n`
    + '# optional level (info = informational by design), note (why a careful reviewer flags it).\n';
  writeFileSync(OUT, header + stringify(all, { lineWidth: 0 }));
  console.log(`stripped markers from ${stripped} file(s); ${all.length} expectation(s) in ${relative(process.cwd(), OUT)}`);
}

if (require.main === module) main();
