/**
 * Which rules make files get parsed: a diagnostic for keyword tuning, not part of `npm run bench`.
 *
 *   node --import tsx bench/candidates.ts [dir]                 per language and per rule
 *   node --import tsx bench/candidates.ts [dir] --keywords ID…  per keyword of the named rules, with a sample hit
 *
 * dir defaults to the synthetic bench workspace (generate it with `npm run bench` first). A file is
 * a candidate when the prefilter selects at least one rule or collector for it (then it is parsed).
 * "sole" counts files that only that rule selects: sharpening its keywords saves their whole parse.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { walk } from '../src/cli/files';
import type { Keyword } from '../src/core/prefilter';
import { KeywordPrefilter } from '../src/core/prefilter';
import type { LanguageId } from '../src/core/language';
import { allLanguages } from '../src/languages/registry';
import { allProjectRules, allRules } from '../src/rules/index';
import { threatModelCollectors } from '../src/threat-model/collectors/index';

interface Gate {
  id: string;
  languages: readonly LanguageId[];
  keywords?: readonly Keyword[];
}

const args = process.argv.slice(2);
const kwAt = args.indexOf('--keywords');
const dir = (kwAt === 0 ? undefined : args[0]) ?? join(__dirname, '.workspace');
const keywordRules = kwAt >= 0 ? args.slice(kwAt + 1) : [];

// custom-secret-pattern is inactive without user patterns (isActive), as in a default scan.
const gates: Gate[] = [
  ...allRules.filter((r) => !r.isActive).map((r) => ({ id: r.meta.id, languages: r.meta.languages, keywords: r.keywords })),
  ...allProjectRules.filter((p) => p.collect).map((p) => ({ id: `project:${p.meta.id}`, languages: p.meta.languages, keywords: p.keywords })),
  ...threatModelCollectors.map((c) => ({ id: `collector:${c.id}`, languages: c.languages, keywords: c.keywords })),
];

type Tally = { files: number; bytes: number; sample?: string };
const add = (m: Map<string, Tally>, key: string, bytes: number, sample?: string): void => {
  const t = m.get(key) ?? { files: 0, bytes: 0 };
  t.files++;
  t.bytes += bytes;
  t.sample ??= sample;
  m.set(key, t);
};
const mb = (n: number): string => (n / 1e6).toFixed(1);

async function main(): Promise<void> {
  const { files } = await walk(dir, { gitignore: false });
  const prefilters = new Map<LanguageId, KeywordPrefilter<Gate>>();
  const perLanguage = new Map<string, Tally & { candidateBytes: number; candidateFiles: number }>();
  const any = new Map<string, Tally>();
  const sole = new Map<string, Tally>();
  const perKeyword = new Map<string, Tally>();
  for (const file of files) {
    const language = allLanguages.find((l) => l.matches(file));
    if (!language) continue;
    let prefilter = prefilters.get(language.id);
    if (!prefilter) {
      prefilter = new KeywordPrefilter(gates.filter((g) => g.languages.includes(language.id)).map((rule) => ({ rule, keywords: rule.keywords })));
      prefilters.set(language.id, prefilter);
    }
    const text = readFileSync(join(dir, file), 'utf8');
    const hits = prefilter.candidates(text, () => true);
    const lang = perLanguage.get(language.id) ?? { files: 0, bytes: 0, candidateBytes: 0, candidateFiles: 0 };
    lang.files++;
    lang.bytes += text.length;
    if (hits.length) {
      lang.candidateFiles++;
      lang.candidateBytes += text.length;
    }
    perLanguage.set(language.id, lang);
    for (const g of hits) add(any, g.id, text.length);
    if (hits.length === 1) add(sole, hits[0].id, text.length);
    for (const g of gates) {
      if (!keywordRules.includes(g.id) || !g.languages.includes(language.id)) continue;
      for (const k of g.keywords ?? []) {
        const at = typeof k === 'string' ? text.toLowerCase().indexOf(k.toLowerCase()) : new RegExp(k.source, k.flags.replace(/[gy]/g, '')).exec(text)?.index ?? -1;
        if (at >= 0) add(perKeyword, `${g.id}  ${String(k)}`, text.length, `${relative(dir, join(dir, file))}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 50))}`);
      }
    }
  }
  console.log('language     files      MB   candidate files   candidate MB');
  for (const [id, t] of perLanguage) console.log(`${id.padEnd(12)} ${String(t.files).padStart(5)} ${mb(t.bytes).padStart(7)} ${String(t.candidateFiles).padStart(17)} ${mb(t.candidateBytes).padStart(14)}`);
  const table = (title: string, m: Map<string, Tally>): void => {
    console.log(`\n${title}`);
    for (const [id, t] of [...m].sort((a, b) => b[1].bytes - a[1].bytes)) console.log(`  ${String(t.files).padStart(5)} files ${mb(t.bytes).padStart(7)} MB  ${id}`);
  };
  table('selected by rule (any)', any);
  table('selected by this rule alone (sole)', sole);
  if (keywordRules.length) {
    console.log('\nper keyword (files, MB, first hit)');
    for (const [k, t] of [...perKeyword].sort((a, b) => b[1].files - a[1].files)) console.log(`  ${String(t.files).padStart(5)} ${mb(t.bytes).padStart(7)}  ${k}\n         ${t.sample}`);
  }
}

void main();
