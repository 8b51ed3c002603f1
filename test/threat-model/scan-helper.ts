/**
 * Scans a fixture project with the real engine, real languages and every rule that has landed,
 * plus the threat-model collectors — the same composition the CLI uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from '../../src/core/finding';
import type { LanguageSupport } from '../../src/core/language';
import { createLinter } from '../../src/core/linter';
import type { FileSummary, ProjectRuleDefinition, RuleDefinition } from '../../src/core/rule';
import { threatModelCollectors } from '../../src/threat-model/collectors/index';
import type { ScanOutput } from '../../src/threat-model/types';
import { nodeModulesEnv } from '../harness/grammars';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'threat-model');

/** Language modules by folder; the registry is used when all of them have landed. */
const LANGUAGE_MODULES: ReadonlyArray<[string, string]> = [
  ['kconfig', 'kconfigLanguage'], ['dotenv', 'dotenvLanguage'], ['pem', 'pemLanguage'], ['json', 'jsonLanguage'], ['ini', 'iniLanguage'],
  ['yaml', 'yamlLanguage'], ['c', 'cLanguage'], ['cpp', 'cppLanguage'], ['python', 'pythonLanguage'], ['javascript', 'javascriptLanguage'],
  ['typescript', 'typescriptLanguage'],
];

function loadLanguages(): LanguageSupport[] {
  try {
    return [...(require('../../src/languages/registry') as { allLanguages: LanguageSupport[] }).allLanguages];
  } catch {
    const out: LanguageSupport[] = [];
    for (const [dir, name] of LANGUAGE_MODULES) {
      try {
        const lang = (require(`../../src/languages/${dir}/index`) as Record<string, LanguageSupport>)[name];
        if (lang) out.push(lang);
      } catch {
        // language not landed yet
      }
    }
    return out;
  }
}

function loadRules(): { rules: RuleDefinition[]; projectRules: ProjectRuleDefinition[] } {
  try {
    const m = require('../../src/rules/index') as { allRules: RuleDefinition[]; allProjectRules: ProjectRuleDefinition[] };
    return { rules: [...m.allRules], projectRules: [...m.allProjectRules] };
  } catch {
    return { rules: [], projectRules: [] };
  }
}

export const languages = loadLanguages();
export const available = new Set(languages.map((l) => l.id));
const { rules, projectRules } = loadRules();
export const ruleCount = rules.length + projectRules.length;

function walk(dir: string, root: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === '.iotsec' || name === 'node_modules') continue;
    if (statSync(p).isDirectory()) walk(p, root, out);
    else out.push(relative(root, p).split('\\').join('/'));
  }
}

/** Scans `root` (absolute) and returns the threat model's input. */
export async function scanProject(root: string): Promise<ScanOutput> {
  const linter = createLinter({ rules, projectRules, collectors: threatModelCollectors, languages, loadGrammar: nodeModulesEnv.loadGrammar });
  const files: string[] = [];
  walk(root, root, files);
  const findings: Finding[] = [];
  const summaries: FileSummary[] = [];
  for (const filePath of files) {
    const r = await linter.lintText({ text: readFileSync(join(root, filePath), 'utf8'), filePath });
    findings.push(...r.findings);
    if (r.summary) summaries.push(r.summary);
  }
  findings.push(...linter.lintProject(summaries).findings);
  return { root, findings, summaries };
}

/** Scans a fixture project by folder name. */
export function scanFixture(name: string): Promise<ScanOutput> {
  return scanProject(join(FIXTURES, name));
}
