/** Small text helpers shared by rules and hosts. All regexes are linear (checked by the ReDoS test). */

const SCHEME_URL = /^([a-z][a-z0-9+.-]{0,15}):\/\/([^\s/?#'"`<>]*)/i;

/** Scheme, host and port of a URL-like string (`mqtt://user:pw@host:1883/x`), or undefined. */
export function parseUrl(value: string): { scheme: string; host: string; port?: number; hasUserInfo: boolean } | undefined {
  const m = SCHEME_URL.exec(value.trim());
  if (!m) return undefined;
  let authority = m[2];
  const at = authority.lastIndexOf('@');
  const hasUserInfo = at >= 0;
  if (hasUserInfo) authority = authority.slice(at + 1);
  let host = authority;
  let port: number | undefined;
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    host = authority.slice(1, end < 0 ? undefined : end);
    const rest = end < 0 ? '' : authority.slice(end + 1);
    if (rest.startsWith(':')) port = Number(rest.slice(1)) || undefined;
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      host = authority.slice(0, colon);
      port = Number(authority.slice(colon + 1)) || undefined;
    }
  }
  return { scheme: m[1].toLowerCase(), host: host.toLowerCase(), port, hasUserInfo };
}

/** Loopback and unspecified addresses: traffic never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0.0.0.0' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** RFC 2606 / RFC 5737 documentation names and addresses: examples, not real endpoints. */
export function isDocumentationHost(host: string): boolean {
  const h = host.toLowerCase();
  return /(^|\.)example\.(com|org|net)$/.test(h) || /\.(example|test|invalid)$/.test(h) || h === 'example'
    || /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/.test(h);
}

/** Host is loopback, documentation, or listed as trusted in config. */
export function isLocalOrTrustedHost(host: string, trustedHosts: readonly string[]): boolean {
  return isLoopbackHost(host) || isDocumentationHost(host) || trustedHosts.includes(host.toLowerCase());
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (!value) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}
