import type { KeyValueFact } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import { eol, lineContentRange } from './data/update-edits';
import { UNAUTHENTICATED_OTA_ATTACK } from './data/update-triggers';

const AUTH_FLAG = /(?:^|\s)(?:--auth|-a)/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const INTERPOLATION = /\$\{([A-Za-z0-9_:-]{1,100})\.([A-Za-z0-9_.-]{1,100})\}/g;
const AUTH_LINE = '--auth=${sysenv.OTA_PASSWORD}';

type Section = Map<string, KeyValueFact>;

/** Flags PlatformIO envs that upload over espota (network OTA) without `--auth` in upload_flags. */
export const platformioEspotaNoAuth = defineRule({
  meta: {
    id: 'platformio-espota-no-auth',
    title: 'PlatformIO network OTA upload without authentication',
    description: 'Flags platformio.ini environments that upload with espota (upload_protocol = espota, or an IP / .local upload_port) without --auth in upload_flags.',
    category: 'unsigned-update',
    severity: 'warning',
    cwe: ['CWE-306', 'CWE-494'],
    practice: 4,
    attack: UNAUTHENTICATED_OTA_ATTACK,
    languages: ['ini'],
    messages: {
      noAuth: '{{how}} uploads over the network with espota, but upload_flags has no --auth ({{envs}}): the device\'s OTA endpoint evidently accepts firmware without a password.',
    },
    docs: {
      what: 'A [env:…] section (directly, through `extends` or the shared [env]) that uploads with espota while its upload_flags lack --auth / -a.',
      why: 'espota succeeds without --auth only when the device runs ArduinoOTA without a password, i.e. anyone on the LAN can flash it.',
      fix: 'Set an OTA password on the device (ArduinoOTA.setPasswordHash) and pass it at upload time: upload_flags = --auth=${sysenv.OTA_PASSWORD}.',
      references: ['PIO-01', 'ARD-01', 'X-08', 'platformio/platform-espressif32 builder/main.py', 'espressif/arduino-esp32 tools/espota.py'],
    },
  },
  keywords: ['espota', 'upload_port'],
  check(ctx) {
    const sections = new Map<string, Section>();
    for (const kv of ctx.facts.keyValues) {
      if (kv.path.length !== 2) continue;
      const sec = sections.get(kv.path[0]) ?? new Map<string, KeyValueFact>();
      sections.set(kv.path[0], sec);
      // Multi-line values come as one 'array' entry followed by per-line entries: keep the whole list.
      if (!sec.has(kv.key) || kv.value.kind === 'array') sec.set(kv.key, kv);
    }
    const lookup = (name: string, key: string, seen = new Set<string>()): KeyValueFact | undefined => {
      if (seen.has(name)) return undefined;
      seen.add(name);
      const own = sections.get(name)?.get(key);
      if (own) return own;
      for (const parent of (textOf(sections.get(name)?.get('extends')) ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
        const inherited = lookup(parent, key, seen);
        if (inherited) return inherited;
      }
      return name === 'env' ? undefined : lookup('env', key, seen);
    };
    const resolve = (kv: KeyValueFact | undefined): string | undefined => {
      const raw = textOf(kv);
      return raw?.replace(INTERPOLATION, (m, sec: string, key: string) => (sec === 'sysenv' ? m : textOf(sections.get(sec)?.get(key)) ?? m));
    };

    const envNames = [...sections.keys()].filter((n) => n.startsWith('env:'));
    const affected = new Map<KeyValueFact, { envs: string[]; flags?: KeyValueFact; how: string }>();
    for (const env of envNames.length ? envNames : sections.has('env') ? ['env'] : []) {
      const protocolKv = lookup(env, 'upload_protocol');
      const protocol = resolve(protocolKv)?.trim().toLowerCase();
      let anchor: KeyValueFact | undefined;
      let how = '';
      if (protocol === 'espota') {
        anchor = protocolKv;
        how = 'upload_protocol = espota';
      } else if (protocol === undefined) {
        const portKv = lookup(env, 'upload_port');
        const port = resolve(portKv)?.trim().toLowerCase() ?? '';
        const platform = resolve(lookup(env, 'platform'))?.toLowerCase() ?? '';
        // platform-espressif32/8266 switch to espota when upload_port is an IP address or mDNS name.
        if ((IPV4.test(port) || port.endsWith('.local')) && platform.includes('espressif')) {
          anchor = portKv;
          how = `upload_port = ${port}`;
        }
      }
      if (!anchor) continue;
      const flagsKv = lookup(env, 'upload_flags');
      const flags = resolve(flagsKv) ?? '';
      // An unresolved ${section.key} may carry --auth: do not guess.
      if (AUTH_FLAG.test(flags) || /\$\{(?!sysenv\.)/.test(flags)) continue;
      const entry = affected.get(anchor) ?? { envs: [], flags: flagsKv, how };
      entry.envs.push(env);
      affected.set(anchor, entry);
    }

    for (const [anchor, { envs, flags, how }] of affected) {
      ctx.report({
        messageId: 'noAuth',
        data: { how, envs: envs.map((e) => `[${e}]`).join(', ') },
        range: anchor.range,
        suggestions: [addAuth(ctx.text, anchor, flags)],
      });
    }
  },
});

function textOf(kv: KeyValueFact | undefined): string | undefined {
  if (!kv) return undefined;
  const v = kv.value.value;
  return typeof v === 'string' ? v : v === undefined ? kv.value.text : String(v);
}

/** Adds `--auth=${sysenv.OTA_PASSWORD}` to the effective upload_flags, or a new upload_flags line under the anchor. */
function addAuth(text: string, anchor: KeyValueFact, flags: KeyValueFact | undefined): Fix {
  const nl = eol(text);
  if (flags) {
    const [, end] = lineContentRange(text, flags.range[1] - 1);
    return { title: `Add ${AUTH_LINE} to upload_flags`, edits: [{ range: [end, end], text: `${nl}    ${AUTH_LINE}` }] };
  }
  const [, end] = lineContentRange(text, anchor.range[0]);
  return { title: `Add upload_flags = ${AUTH_LINE}`, edits: [{ range: [end, end], text: `${nl}upload_flags = ${AUTH_LINE}` }] };
}
