/**
 * Where a hard-coded secret should live instead, per language and manifest flavour, and the
 * suggestion that moves it there: C/C++ → a git-ignored `secrets.h`, Python/JS/TS → `.env` read
 * through the environment, ESPHome/Home Assistant → `!secret` in `secrets.yaml`, Zigbee2MQTT →
 * `'!secret'` in `secret.yaml`, Kconfig → a git-ignored overlay, PlatformIO → `${sysenv.NAME}`.
 * Every move is a suggestion (the user decides), and carries the secret only into an ignored file.
 */
import type { Facts, KeyValueFact, Range } from '../../core/facts';
import type { Fix } from '../../core/finding';
import type { RuleContext } from '../../core/rule';
import { upperSnake } from './secret-names';

/** YAML dialects with a secrets mechanism. */
export type YamlFlavor = 'esphome' | 'homeassistant' | 'zigbee2mqtt';

/** Files that are *meant* to hold secrets (the targets of the moves below): report them only when committed. */
const SECRET_STORES = /(?:^|\/)(?:secrets?\.(?:h|hpp|ya?ml|ini|json|toml)|arduino_secrets\.h|credentials\.h|sdkconfig\.defaults\.local|[^/]*\.local\.conf)$/;
/** dotenv templates, committed on purpose with placeholder values. */
const ENV_TEMPLATE = /(?:^|\/)\.env\.(?:example|sample|template|dist|defaults)$|(?:^|\/)(?:example|sample|template)\.env$/;

/** True when the file is a secret store (secrets.h, secrets.yaml, .env…) that is not known to be committed. */
export function isUncommittedSecretStore(ctx: Pick<RuleContext, 'filePath' | 'workspace' | 'languageId'>): boolean {
  if (ctx.languageId === 'dotenv') return ENV_TEMPLATE.test(ctx.filePath) || ctx.workspace.isGitIgnored(ctx.filePath) === true;
  return SECRET_STORES.test(ctx.filePath) && ctx.workspace.isGitIgnored(ctx.filePath) !== false;
}

/** True for `.env.example`-style templates. */
export function isEnvTemplate(filePath: string): boolean {
  return ENV_TEMPLATE.test(filePath);
}

function topKeys(facts: Facts): Set<string> {
  return new Set(facts.keyValues.filter((kv) => kv.path.length === 1).map((kv) => kv.key));
}

/** Which secrets-capable YAML dialect a document is written in, if any. */
export function yamlFlavor(facts: Facts, filePath: string): YamlFlavor | undefined {
  const top = topKeys(facts);
  const has = (...keys: string[]): boolean => keys.some((k) => top.has(k));
  if (/zigbee2mqtt/i.test(filePath) || has('permit_join', 'serial') || (has('advanced') && has('mqtt') && !has('esphome'))) return 'zigbee2mqtt';
  if (has('esphome') || (has('wifi', 'api', 'ota') && !has('homeassistant', 'default_config'))) return 'esphome';
  if (has('homeassistant', 'default_config', 'automation', 'recorder', 'http') || /(?:^|\/)configuration\.ya?ml$/.test(filePath)
    || facts.keyValues.some((kv) => kv.value.tag === '!secret')) return 'homeassistant';
  return undefined;
}

/** ESPHome keys that must be `!secret` (EH-02), by path with list indices as `#`, and their secret names. */
const ESPHOME_SECRETS: Readonly<Record<string, string>> = {
  'api.encryption.key': 'api_encryption_key',
  'api.password': 'api_password',
  'ota.password': 'ota_password',
  'ota.#.password': 'ota_password',
  'wifi.password': 'wifi_password',
  'wifi.ap.password': 'wifi_ap_password',
  'wifi.eap.password': 'wifi_eap_password',
  'wifi.networks.#.password': 'wifi_password',
  'wifi.networks.#.eap.password': 'wifi_eap_password',
  'web_server.auth.password': 'web_server_password',
  'mqtt.password': 'mqtt_password',
};

/** The `secrets.yaml` key for an ESPHome secret path, or undefined if `esphome-literal-secret` does not own it. */
export function esphomeSecretName(path: readonly string[]): string | undefined {
  const shape = path.map((p) => (/^\d+$/.test(p) ? '#' : p)).join('.');
  const name = ESPHOME_SECRETS[shape];
  if (!name) return undefined;
  const n = path[2] === undefined ? 0 : Number(path[2]);
  return shape.startsWith('wifi.networks.') && n > 0 ? `${name}_${n + 1}` : name;
}

/** `mqtt.password` → `mqtt_password`; list indices dropped. */
export function yamlSecretName(path: readonly string[]): string {
  return path.filter((p) => !/^\d+$/.test(p)).join('_').toLowerCase().replace(/[^a-z0-9_]+/g, '_');
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

const GITIGNORE = (entry: string) => ({ path: '.gitignore', append: `${entry}\n`, unlessContains: entry });

/** `.env` line for a value, quoted when it holds anything beyond a plain token. */
function dotenvLine(name: string, value: string): string {
  return /^[\w./:@+-]*$/.test(value) ? `${name}=${value}\n` : `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`;
}

/** What is being moved: the literal's range and text, its decoded value and the name it is bound to. */
export interface SecretSite {
  range: Range;
  value: string;
  /** Name the secret is bound to (identifier, macro or key path). */
  name: string;
  /** For `#define NAME "…"`: the whole directive, moved as is. */
  define?: { name: string; range: Range };
  /** Macro / variable name to use as is (call arguments have no identifier of their own). */
  macro?: string;
  /** For manifests: the key/value entry. */
  entry?: KeyValueFact;
}

function cMove(ctx: RuleContext, site: SecretSite): Fix {
  const included = ctx.facts.imports.some((i) => /(?:^|\/)secrets\.h$/.test(i.module));
  const literal = ctx.text.slice(site.range[0], site.range[1]);
  if (site.define) {
    const directive = ctx.text.slice(site.define.range[0], site.define.range[1]);
    return {
      title: `Move ${site.define.name} to secrets.h (git-ignored)`,
      edits: [{ range: site.define.range, text: included ? '' : '#include "secrets.h"' }],
      fileEdits: [{ path: 'secrets.h', append: `${directive}\n`, unlessContains: `#define ${site.define.name} ` }, GITIGNORE('secrets.h')],
      carriesSecret: true,
    };
  }
  let macro = site.macro ?? upperSnake(site.name);
  if (!site.macro && macro === site.name) macro = `SECRET_${macro}`; // `const char *WIFI_PASSWORD = "…"`
  const edits = [{ range: site.range, text: macro }];
  if (!included) {
    const last = ctx.facts.imports.reduce<number | undefined>((m, i) => (i.range[0] < site.range[0] && (m === undefined || i.range[0] > m) ? i.range[0] : m), undefined);
    const at = last === undefined ? 0 : lineEnd(ctx.text, last);
    edits.unshift({ range: [at, at], text: last === undefined ? '#include "secrets.h"\n' : '\n#include "secrets.h"' });
  }
  return {
    title: `Move the secret to ${macro} in secrets.h (git-ignored)`,
    edits,
    fileEdits: [{ path: 'secrets.h', append: `#define ${macro} ${literal}\n`, unlessContains: `#define ${macro} ` }, GITIGNORE('secrets.h')],
    carriesSecret: true,
  };
}

function envMove(ctx: RuleContext, site: SecretSite): Fix {
  const name = site.macro ?? upperSnake(site.name);
  const python = ctx.languageId === 'python';
  const edits = [{ range: site.range, text: python ? `os.environ["${name}"]` : `process.env.${name}` }];
  if (python && !ctx.facts.imports.some((i) => i.module === 'os')) {
    const first = ctx.facts.imports.find((i) => i.module !== '__future__');
    const future = ctx.facts.imports.filter((i) => i.module === '__future__').pop();
    let at = first ? lineStart(ctx.text, first.range[0]) : 0;
    if (future) at = lineEnd(ctx.text, future.range[0]) + 1;
    if (!first && !future) while (ctx.text.startsWith('#', at)) at = lineEnd(ctx.text, at) + 1; // shebang, coding line
    edits.unshift({ range: [Math.min(at, ctx.text.length), Math.min(at, ctx.text.length)], text: 'import os\n' });
  }
  return {
    title: `Read the secret from the environment variable ${name} (value moved to .env)`,
    edits,
    fileEdits: [{ path: '.env', append: dotenvLine(name, site.value), unlessContains: `${name}=` }, GITIGNORE('.env')],
    carriesSecret: true,
  };
}

/** The `!secret` move for ESPHome / Home Assistant / Zigbee2MQTT YAML. */
export function yamlMove(flavor: YamlFlavor, site: SecretSite, secretName: string): Fix {
  const z2m = flavor === 'zigbee2mqtt';
  const file = z2m ? 'secret.yaml' : 'secrets.yaml';
  return {
    title: `Replace with !secret ${secretName} (value moved to ${file})`,
    edits: [{ range: site.range, text: z2m ? `'!secret ${secretName}'` : `!secret ${secretName}` }],
    fileEdits: [{ path: file, append: `${secretName}: ${JSON.stringify(site.value)}\n`, unlessContains: `${secretName}:` }, GITIGNORE(file)],
    carriesSecret: true,
  };
}

function kconfigMove(ctx: RuleContext, site: SecretSite): Fix | undefined {
  // Kconfig source defaults ([symbol, 'default']) have no overlay of their own: the user decides where the value goes.
  if (!site.entry || site.entry.path.length !== 1) return undefined;
  const base = ctx.filePath.slice(ctx.filePath.lastIndexOf('/') + 1);
  const overlay = base.startsWith('sdkconfig') ? 'sdkconfig.defaults.local' : base.endsWith('.conf') ? base.replace(/\.conf$/, '.local.conf') : `${base}.local`;
  const line = ctx.text.slice(site.entry.range[0], site.entry.range[1]);
  return {
    title: `Empty ${site.entry.key} here and set it in the git-ignored ${overlay}`,
    edits: [{ range: site.range, text: '""' }],
    fileEdits: [{ path: overlay, append: `${line}\n`, unlessContains: `${site.entry.key}=` }, GITIGNORE(overlay)],
    carriesSecret: true,
  };
}

/** PlatformIO: `${sysenv.NAME}` read at build time (the value is not kept: set the variable before building). */
export function sysenvMove(range: Range, name: string): Fix {
  return { title: `Read from the environment variable ${name} at build time (\${sysenv.${name}})`, edits: [{ range, text: `\${sysenv.${name}}` }] };
}

/** The "move the secret out of this file" suggestion for a literal, or none when the language has no safe target. */
export function moveSecretSuggestions(ctx: RuleContext, site: SecretSite): Fix[] {
  switch (ctx.languageId) {
    case 'c':
    case 'cpp':
      return [cMove(ctx, site)];
    case 'python':
    case 'javascript':
    case 'typescript':
      return [envMove(ctx, site)];
    case 'yaml': {
      const flavor = yamlFlavor(ctx.facts, ctx.filePath);
      return flavor && site.entry ? [yamlMove(flavor, site, yamlSecretName(site.entry.path))] : [];
    }
    case 'kconfig': {
      const fix = kconfigMove(ctx, site);
      return fix ? [fix] : [];
    }
    case 'ini':
      return /(?:^|\/)platformio\.ini$/.test(ctx.filePath) && site.entry ? [sysenvMove(site.range, upperSnake(site.entry.key))] : [];
    default:
      return [];
  }
}
