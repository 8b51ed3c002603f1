import type { KeyValueFact, Range } from '../core/facts';
import { defineRule, type RuleContext } from '../core/rule';
import { sysenvMove } from './data/secret-moves';
import { credentialStrength, isDefaultCredential, nonSecretReason } from './data/secret-names';

const AUTH_FLAG = /(?:^|\s)(?:--auth[= ]|-a\s+)("[^"]*"|'[^']*'|\S+)/g;
const DEFINE_FLAG = /-D\s*([A-Za-z_][A-Za-z0-9_]*)=(\\"[^"\\]*(?:\\.[^"\\]*)*?\\"|'[^']*'|"[^"]*"|\S+)/g;

/** The literal inside optional `\"…\"`, `"…"` or `'…'` quoting, with its offset in the match. */
function unquote(text: string): { value: string; offset: number } {
  if (text.startsWith('\\"') && text.endsWith('\\"') && text.length >= 4) return { value: text.slice(2, -2), offset: 2 };
  if ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith('\'') && text.endsWith('\''))) return { value: text.slice(1, -1), offset: 1 };
  return { value: text, offset: 0 };
}

function scan(ctx: RuleContext, kv: KeyValueFact, re: RegExp, flags: 'auth' | 'define'): void {
  const base = kv.value.range[0];
  const raw = ctx.text.slice(base, kv.value.range[1]);
  re.lastIndex = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const token = flags === 'auth' ? m[1] : m[2];
    const name = flags === 'auth' ? 'OTA_PASSWORD' : m[1];
    if (flags === 'define' && credentialStrength(name) !== 'strong') continue;
    const { value, offset } = unquote(token);
    if (value.includes('${') || (!isDefaultCredential(value) && nonSecretReason(value, name, ctx.settings.placeholderWords))) continue;
    const start = base + m.index + m[0].length - token.length + offset;
    const range: Range = [start, start + value.length];
    ctx.report({
      messageId: flags === 'auth' ? 'uploadAuth' : 'buildFlag',
      data: { name },
      range,
      secret: value,
      suggestions: [sysenvMove(range, name)],
    });
  }
}

/** Flags OTA passwords and credentials hard-coded in platformio.ini upload_flags / build_flags. */
export const platformioSecret = defineRule({
  meta: {
    id: 'platformio-secret',
    title: 'Credential in platformio.ini',
    description: 'Reports espota --auth passwords in upload_flags and -D credential macros in build_flags of platformio.ini written as literals.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-798', 'CWE-259'],
    practice: 3,
    attack: { ics: ['T0891'], enterprise: ['T1552.001'] },
    languages: ['ini'],
    messages: {
      uploadAuth: 'The espota upload password is a literal in platformio.ini: read it with ${sysenv.OTA_PASSWORD} instead (CWE-798).',
      buildFlag: 'The build flag {{name}} compiles a literal credential into the firmware and the repository: use ${sysenv.{{name}}} (CWE-798).',
    },
    docs: {
      what: '`upload_flags = --auth=<password>` / `-a <password>` (espota OTA upload) or `build_flags = -DWIFI_PASSWORD=\\"…\\"`, `-DMQTT_PASS=…`, `-DOTA_PASSWORD=…` with a literal value in `platformio.ini`.',
      why: 'platformio.ini is always committed; the OTA password lets anyone on the LAN flash the device, and -D credentials end up in the repository and the binary.',
      fix: 'Use PlatformIO interpolation of environment variables, `${sysenv.OTA_PASSWORD}`, or a git-ignored `extra_configs = secrets.ini`.',
      references: ['PIO-02', 'PIO-03', 'platformio-docs projectconf/interpolation'],
    },
  },
  keywords: ['upload_flags', 'build_flags'],
  check(ctx) {
    for (const kv of ctx.facts.keyValues) {
      if (kv.value.kind !== 'string') continue; // multi-line values also arrive line by line as strings
      if (kv.key === 'upload_flags') scan(ctx, kv, AUTH_FLAG, 'auth');
      else if (kv.key === 'build_flags') scan(ctx, kv, DEFINE_FLAG, 'define');
    }
  },
});
