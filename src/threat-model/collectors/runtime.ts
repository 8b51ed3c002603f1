/**
 * Runtime evidence for component classification: MicroPython firmware (imports of `machine`,
 * `network`, `umqtt`…), environment variables a file reads (`process.env.X`, `os.getenv("X")`,
 * `${sysenv.X}`) and those a dotenv file defines — so a `.env` belongs to the component that reads it.
 */
import type { ValueFact } from '../../core/facts';
import type { Keyword } from '../../core/prefilter';
import type { CollectContext, Collector } from '../../core/rule';
import { SIG, isOwnOutput } from '../signals';
import { CODE_LANGUAGES } from './common';

/** Modules only MicroPython (or CircuitPython) firmware imports. */
const MICROPYTHON_MODULES = /^(machine|network|umqtt(\.\w+)?|micropython|ubinascii|utime|usocket|ussl|urequests|uasyncio|esp|esp32|neopixel|bluetooth|board|busio|digitalio|microcontroller|wifi|socketpool|adafruit_minimqtt(\.\w+)?)$/;
/** The same imports in the text, for a document parsed only around keyword hits (its imports may lie outside). */
const MICROPYTHON_IMPORT = /(?:^|\n)[ \t]{0,16}(?:import|from)[ \t]+(machine|network|umqtt(?:\.\w+)?|micropython|ubinascii|utime|usocket|ussl|urequests|uasyncio|esp|esp32|neopixel|bluetooth|board|busio|digitalio|microcontroller|wifi|socketpool|adafruit_minimqtt(?:\.\w+)?)\b/;

export const runtimeCollector: Collector = {
  id: 'tm-runtime',
  languages: [...CODE_LANGUAGES, 'ini', 'yaml'],
  keywords: ['environ', 'getenv', 'process.env', 'sysenv', 'env_var'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    const seen = new Set<string>();
    const visit = (v: ValueFact): void => {
      if (v.kind === 'env' && v.envName && v.tag !== '!secret' && !seen.has(v.envName)) {
        seen.add(v.envName);
        ctx.signal({ kind: SIG.envRead, key: v.envName, range: v.range });
      }
      for (const e of v.elements ?? []) visit(e);
    };
    for (const a of ctx.facts.assignments) visit(a.value);
    for (const c of ctx.facts.calls) for (const a of c.args) visit(a.value);
    for (const kv of ctx.facts.keyValues) visit(kv.value);
  },
};

/**
 * MicroPython firmware: a Python file importing one of MICROPYTHON_MODULES is a device source, not
 * a host script. The mark matters only for files the model contains, i.e. files analysed for some
 * other rule or collector, so this never makes a file be parsed: its keywords are theirs
 * (`parsedWith`, built in ./index from every Python rule and collector). A MicroPython file nothing
 * else selects stays out of the model, as a C source nothing selects does.
 */
export function micropythonCollector(parsedWith: readonly Keyword[] | undefined): Collector {
  return {
    id: 'tm-micropython',
    languages: ['python'],
    keywords: parsedWith,
    collect(ctx) {
      if (isOwnOutput(ctx.filePath)) return;
      const mp = ctx.facts.imports.find((i) => MICROPYTHON_MODULES.test(i.module)) ?? importInText(ctx);
      if (mp) ctx.signal({ kind: SIG.platform, key: 'micropython', value: mp.module, range: mp.range });
    },
  };
}

function importInText(ctx: CollectContext): { module: string; range: [number, number] } | undefined {
  const m = MICROPYTHON_IMPORT.exec(ctx.text);
  if (!m) return undefined;
  const start = m.index + m[0].length - m[1].length;
  return { module: m[1], range: [start, start + m[1].length] };
}

/** Variables a dotenv file defines (names only; values are never read). */
export const envFileCollector: Collector = {
  id: 'tm-env-file',
  languages: ['dotenv'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    for (const kv of ctx.facts.keyValues) ctx.signal({ kind: SIG.envDefine, key: kv.key, range: kv.keyRange });
  },
};
