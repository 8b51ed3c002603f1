/**
 * Runtime evidence for component classification: MicroPython firmware (imports of `machine`,
 * `network`, `umqtt`…), environment variables a file reads (`process.env.X`, `os.getenv("X")`,
 * `${sysenv.X}`) and those a dotenv file defines — so a `.env` belongs to the component that reads it.
 */
import type { ValueFact } from '../../core/facts';
import type { Collector } from '../../core/rule';
import { SIG, isOwnOutput } from '../signals';
import { CODE_LANGUAGES } from './common';

/** Modules only MicroPython (or CircuitPython) firmware imports. */
const MICROPYTHON_MODULES = /^(machine|network|umqtt(\.\w+)?|micropython|ubinascii|utime|usocket|ussl|urequests|uasyncio|esp|esp32|neopixel|bluetooth|board|busio|digitalio|microcontroller|wifi|socketpool|adafruit_minimqtt(\.\w+)?)$/;

export const runtimeCollector: Collector = {
  id: 'tm-runtime',
  languages: [...CODE_LANGUAGES, 'ini', 'yaml'],
  keywords: [
    'environ', 'getenv', 'process.env', 'sysenv', 'env_var',
    // MicroPython firmware: an import of one of MICROPYTHON_MODULES, not the bare words.
    /(?:^|\n)[ \t]{0,16}(?:import|from)[ \t]+(?:machine|network|umqtt|micropython|ubinascii|utime|usocket|ussl|urequests|uasyncio|esp|esp32|neopixel|bluetooth|board|busio|digitalio|microcontroller|wifi|socketpool|adafruit_minimqtt)\b/i,
  ],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    if (ctx.languageId === 'python') {
      const mp = ctx.facts.imports.find((i) => MICROPYTHON_MODULES.test(i.module));
      if (mp) ctx.signal({ kind: SIG.platform, key: 'micropython', value: mp.module, range: mp.range });
    }
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

/** Variables a dotenv file defines (names only; values are never read). */
export const envFileCollector: Collector = {
  id: 'tm-env-file',
  languages: ['dotenv'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    for (const kv of ctx.facts.keyValues) ctx.signal({ kind: SIG.envDefine, key: kv.key, range: kv.keyRange });
  },
};
