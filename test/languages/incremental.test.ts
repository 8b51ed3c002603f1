/**
 * Incremental re-extraction moves retained facts field by field (`SHIFT`); it must move exactly
 * what `shiftFacts` moves (every `range`/`*Range` field at any depth) for everything the code
 * front ends produce, so a range field added to the facts later cannot be left behind silently.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shiftFacts } from '../../src/core/facts';
import type { Facts } from '../../src/core/facts';
import type { LanguageSupport } from '../../src/core/language';
import { cLanguage } from '../../src/languages/c/index';
import { cppLanguage } from '../../src/languages/cpp/index';
import { javascriptLanguage } from '../../src/languages/javascript/index';
import { pythonLanguage } from '../../src/languages/python/index';
import { SHIFT } from '../../src/languages/tree-sitter/incremental';
import { typescriptLanguage } from '../../src/languages/typescript/index';
import { nodeModulesEnv } from '../harness/grammars';
import { SEEDS } from '../robustness/inputs';

/** Extra constructs with nested values (arrays, designated initializers, env lookups, imports, keyword args). */
const MORE: Array<[LanguageSupport, string]> = [
  [cLanguage, '#define KEYS { "a", "b" }\nstatic const char *hosts[] = { "h1", getenv("H") };\nstruct cfg c = { .tls = { .verify = 0 }, [2] = 1 };\n/* note */\n'],
  [cppLanguage, 'Foo::Foo() : host_("h"), port{1883} {}\nauto *c = new WiFiClientSecure(R"(x)", ("y"));\n'],
  [pythonLanguage, 'from os import environ\nA, B = ["x", os.getenv("K")], f"{u}@h"\ncall(a=[1, (2, "s")], b=environ["E"])\n__import__("m")\n'],
  [javascriptLanguage, "import x from 'm';\nconst o = { a: ['s', process.env.T], b: { c: `t${v}` } };\nrequire('r')(o);\n"],
  [typescriptLanguage, "class K { private p: string = 'v'; }\nexport { y } from 'z';\nconst q = <string>r as const;\n"],
];

function shiftedBySHIFT(facts: Facts, delta: number): Facts {
  const copy = structuredClone(facts);
  for (const key of Object.keys(SHIFT) as Array<keyof typeof SHIFT>) {
    for (const fact of copy[key]) (SHIFT[key] as (f: unknown, d: number) => void)(fact, delta);
  }
  return copy;
}

describe('incremental fact shifting', () => {
  const inputs: Array<[LanguageSupport, string]> = [
    [cLanguage, SEEDS.c.text], [cppLanguage, SEEDS.cpp.text], [pythonLanguage, SEEDS.python.text],
    [javascriptLanguage, SEEDS.javascript.text], [typescriptLanguage, SEEDS.typescript.text], ...MORE,
  ];
  for (const [language, text] of inputs) {
    it(`${language.id}: SHIFT moves what shiftFacts moves (${JSON.stringify(text.slice(0, 30))}…)`, async () => {
      const { facts } = await language.extract(text, nodeModulesEnv);
      const { pemBlocks: _a, ...expected } = shiftFacts(facts, 7);
      const { pemBlocks: _b, ...actual } = shiftedBySHIFT(facts, 7);
      assert.deepEqual(actual, expected);
    });
  }
});
