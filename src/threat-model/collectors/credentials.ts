/**
 * Credentials by kind and location only — never a value: names bound to password/token/key
 * literals, env lookups and `!secret` references (mitigation evidence), committed private keys.
 */
import type { Range, ValueFact } from '../../core/facts';
import type { CollectContext, Collector } from '../../core/rule';
import type { CredentialValue } from '../signals';
import { SIG, isOwnOutput, signalJson, signalMitigation } from '../signals';
import { CODE_LANGUAGES } from './common';

const CREDENTIAL_NAME = /(pass(word|wd|phrase)?|pwd|secret|token|api_?key|apikey|access_?key|private_?key|priv_?key|psk|auth_?key|client_?key|credential)s?$/i;
const IDENT = /^[A-Za-z_$][\w$.-]{0,63}$/;

/** Credential kind from a name (`WIFI_PASSWORD` → `password`). */
export function credentialKind(name: string): string | undefined {
  const m = CREDENTIAL_NAME.exec(name.replace(/[-\s]/g, '_'));
  if (!m) return undefined;
  const w = m[1].toLowerCase();
  if (w.startsWith('pass') || w === 'pwd') return 'password';
  if (w === 'psk') return 'pre-shared-key';
  if (w.includes('token')) return 'token';
  if (w.includes('private') || w.includes('priv') || w.includes('client_key') || w === 'clientkey') return 'private-key';
  if (w.includes('key')) return 'api-key';
  return 'secret';
}

export const credentialCollector: Collector = {
  id: 'tm-credentials',
  languages: [...CODE_LANGUAGES, 'yaml', 'json', 'ini', 'dotenv', 'pem', 'kconfig'],
  keywords: [/(?:pass|pwd|secret|token|key|psk|credential)[\w.\-[\]'"]{0,40}\s*[:="]/i, 'private'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    for (const a of ctx.facts.assignments) bound(ctx, a.name, a.value, a.range);
    for (const kv of ctx.facts.keyValues) bound(ctx, kv.key, kv.value, kv.range);
    for (const block of ctx.facts.pemBlocks) {
      if (!block.label.includes('PRIVATE KEY')) continue;
      const source = ctx.languageId === 'pem' ? 'file' : 'literal';
      signalJson(ctx, SIG.credential, 'private-key', { name: block.label, source } satisfies CredentialValue, block.range);
    }
  },
};

function bound(ctx: CollectContext, name: string, value: ValueFact, range: Range): void {
  const kind = credentialKind(name);
  if (!kind || !IDENT.test(name)) return;
  if (value.tag === '!secret' || value.tag === '!env_var') {
    signalJson(ctx, SIG.credential, kind, { name, source: 'secret-store' } satisfies CredentialValue, range);
    signalMitigation(ctx, 'secret-store', `${name}: ${value.tag} ${value.envName ?? ''}`.trim(), range);
    return;
  }
  if (value.kind === 'env') {
    signalJson(ctx, SIG.credential, kind, { name, source: 'env' } satisfies CredentialValue, range);
    signalMitigation(ctx, 'env-credential', `${name} read from ${value.envName ? `environment variable ${value.envName}` : 'the environment'}`, range);
    return;
  }
  if ((value.kind === 'string' || value.kind === 'template') && typeof value.value === 'string' && value.value.length > 0) {
    signalJson(ctx, SIG.credential, kind, { name, source: 'literal' } satisfies CredentialValue, range);
  }
}
