import type { Range } from '../core/facts';
import { defineRule, type RuleContext } from '../core/rule';
import { isLocalOrTrustedHost, parseUrl } from '../core/text';
import { isPlaceholder } from './data/placeholders';
import { isUncommittedSecretStore } from './data/secret-moves';
import { isDefaultCredential, looksRandom, nonSecretReason } from './data/secret-names';
import { isKnownToken } from './data/token-formats';

// `scheme://user:password@host…` — the userinfo part, up to the last `@` before the path.
const URL_START = /\b([a-z][a-z0-9+.-]{1,15}):\/\//gi;
const AUTHORITY_END = /[/?#\s'"`<>]/;
// `?appid=…&api_key=…` query parameters that carry a credential.
const QUERY_PARAM = /[?&]([A-Za-z][A-Za-z0-9_.-]{0,30})=([^&#\s'"`<>]{1,200})/g;
const PASSWORD_PARAMS = new Set(['password', 'passwd', 'pwd', 'pass']);
const KEY_PARAMS = new Set([
  'appid', 'app_id', 'apikey', 'api_key', 'api-key', 'key', 'token', 'access_token', 'accesstoken', 'auth', 'auth_token',
  'authtoken', 'secret', 'client_secret', 'write_api_key', 'private_key', 'apitoken', 'api_token',
]);
// Template / interpolation markers: the value is filled in at run time.
const TEMPLATED = /[{}$%<>]|^\*+$/;

/** Flags passwords in URL userinfo and API keys / tokens in URL query parameters, in any string or manifest value. */
export const urlEmbeddedCredential = defineRule({
  meta: {
    id: 'url-embedded-credential',
    title: 'Credential embedded in a URL',
    description: 'Reports passwords written into URL userinfo (amqp://user:pass@host) and API keys or tokens written into URL query parameters (?appid=…, ?api_key=…).',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-798', 'CWE-259'],
    practice: 3,
    attack: { ics: ['T0891', 'T0812'], enterprise: ['T1552.001', 'T1078.001'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'kconfig', 'dotenv', 'libconfig'],
    messages: {
      userinfo: "The {{scheme}}:// URL to {{host}} carries a hard-coded password for '{{user}}': it ships with the code or config and leaks with the repository (CWE-798).",
      queryKey: "The URL to {{host}} carries a hard-coded '{{param}}' credential in its query string: it ships with the code and leaks with the repository and in server and proxy logs (CWE-798).",
    },
    docs: {
      what: 'A URL literal or config value with a password in its userinfo (`mqtt://user:pass@broker`, `amqp://…`, `https://user:pass@host`) or with an API key / token in a query parameter (`appid=`, `api_key=`, `token=`, `key=` with a random-looking value). Placeholders, templates (`${PASS}`, `{password}`, `%s`) and environment lookups are skipped.',
      why: 'The credential is in every build and in version control, and URLs are logged by servers, proxies and crash reports.',
      fix: 'Build the URL at run time from a secret that is not committed (environment, git-ignored secrets file, provisioning), or pass credentials as client options / headers; rotate the leaked one.',
      references: ['TLS-06', 'MEN-04', 'ARD-10', 'T-02', 'RFC 3986 §3.2.1 (userinfo is deprecated for passwords)'],
    },
  },
  keywords: ['://'],
  check(ctx) {
    if (isUncommittedSecretStore(ctx)) return;
    const seen = new Set<number>();
    for (const { value, inner } of values(ctx)) {
      if (!value.includes('://')) continue;
      for (const m of value.matchAll(URL_START)) {
        const start = m.index! + m[0].length;
        const end = endOfAuthority(value, start);
        const url = parseUrl(value.slice(m.index!, end));
        if (!url) continue;
        const local = url.host !== '' && isLocalOrTrustedHost(url.host, ctx.settings.trustedHosts);
        const host = url.host && !TEMPLATED.test(url.host) ? `'${url.host}'` : 'its host';
        if (url.hasUserInfo) checkUserinfo(ctx, value, inner, start, end, { scheme: url.scheme, host, local }, seen);
        checkQuery(ctx, value, inner, end, { host, local }, seen);
      }
    }
  },
});

interface Target { scheme?: string; host: string; local: boolean }

/** Decoded string values with the offset of their contents, from code strings and manifest values. */
function values(ctx: RuleContext): Array<{ value: string; inner: Range }> {
  const out: Array<{ value: string; inner: Range }> = [];
  const seen = new Set<number>();
  for (const s of ctx.facts.strings) {
    if (s.kind === 'comment' || seen.has(s.innerRange[0])) continue;
    seen.add(s.innerRange[0]);
    out.push({ value: ctx.text.slice(s.innerRange[0], s.innerRange[1]), inner: s.innerRange });
  }
  for (const kv of ctx.facts.keyValues) {
    const v = kv.value;
    const inner = v.innerRange ?? v.range;
    if (seen.has(inner[0]) || v.kind === 'env' || (v.kind !== 'string' && v.kind !== 'identifier' && v.kind !== 'other')) continue;
    seen.add(inner[0]);
    out.push({ value: ctx.text.slice(inner[0], inner[1]), inner });
  }
  return out;
}

function endOfAuthority(value: string, start: number): number {
  const rest = value.slice(start);
  const i = rest.search(AUTHORITY_END);
  return i < 0 ? value.length : start + i;
}

function report(ctx: RuleContext, messageId: string, data: Record<string, string>, secret: string, range: Range, local: boolean, seen: Set<number>): void {
  if (seen.has(range[0])) return;
  seen.add(range[0]);
  ctx.report({ messageId, data, range, secret, severity: local ? 'info' : undefined });
}

function checkUserinfo(ctx: RuleContext, value: string, inner: Range, start: number, end: number, t: Target, seen: Set<number>): void {
  const at = value.lastIndexOf('@', end - 1);
  if (at < start) return;
  const userinfo = value.slice(start, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return; // a user name alone (`git@host`, `mqtt://device01@host`)
  const user = userinfo.slice(0, colon);
  const password = decode(userinfo.slice(colon + 1));
  if (!password || TEMPLATED.test(password) || TEMPLATED.test(user)) return;
  if (!isDefaultCredential(password) && (isPlaceholder(password, ctx.settings.placeholderWords) || nonSecretReason(password, '', ctx.settings.placeholderWords))) return;
  if (isKnownToken(password)) return; // cloud-token reports self-identifying tokens
  const pwStart = inner[0] + start + colon + 1;
  report(ctx, 'userinfo', { scheme: t.scheme ?? 'URL', host: t.host, user: user || '(no user)' }, password, [pwStart, pwStart + (at - start - colon - 1)], t.local, seen);
}

function checkQuery(ctx: RuleContext, value: string, inner: Range, from: number, t: Target, seen: Set<number>): void {
  const q = value.indexOf('?', from);
  if (q < 0 || q - from > 400) return;
  const tail = value.slice(q, Math.min(value.length, q + 1000));
  const stop = tail.search(/[\s'"`<>#]/);
  const query = stop < 0 ? tail : tail.slice(0, stop);
  for (const m of query.matchAll(QUERY_PARAM)) {
    const param = m[1].toLowerCase();
    const raw = m[2];
    const secret = decode(raw);
    const password = PASSWORD_PARAMS.has(param);
    if (!password && !KEY_PARAMS.has(param)) continue;
    if (TEMPLATED.test(raw) || isPlaceholder(secret, ctx.settings.placeholderWords) || nonSecretReason(secret, param, ctx.settings.placeholderWords)) continue;
    if (!password && !looksRandom(secret)) continue;
    if (isKnownToken(secret)) continue;
    const s = inner[0] + q + m.index! + m[0].length - raw.length;
    report(ctx, 'queryKey', { host: t.host, param: m[1] }, secret, [s, s + raw.length], t.local, seen);
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
