/**
 * Which connection a TLS setting belongs to. A verification flag or CA sits on a call, a client
 * object or an options object; this follows it, inside one file, to the host it connects to:
 * the same call's URL argument (`requests.post(url, verify=False)`), the same receiver's
 * `connect(host, port)` / `begin(client, url)` (`setInsecure()`, `tls_set(…)`), the call an options
 * object is passed to (`mqtt.connect(url, { rejectUnauthorized: false })`, also through a variable
 * or an `https.Agent`), or a sibling `url`/`host` field of the same initializer (esp-tls structs, YAML).
 * Identifiers that name constants defined elsewhere (`MQTT_BROKER_HOST`) are returned as refs for
 * the builder to resolve project-wide.
 */
import type { CallFact, Facts, KeyValueFact, Range, ValueFact } from '../../core/facts';
import { isLoopbackHost, parseUrl } from '../../core/text';
import type { TlsScopeValue, TlsTarget } from '../signals';
import { SCHEMES, resolveNumber, resolveString } from './common';

/** Property / keyword / key names that carry the peer's address. */
const ADDRESS_KEYS = new Set(['url', 'uri', 'host', 'hostname', 'server', 'servers', 'broker', 'address', 'endpoint', 'resource', 'baseurl', 'base_url', 'brokerurl', 'broker_url', 'serverurl', 'servers_url']);
/** Receiver methods that open or address a connection. */
const CONNECT_METHODS = new Set(['connect', 'connect_async', 'setServer', 'begin', 'open', 'request', 'get', 'post', 'put', 'patch', 'delete', 'urlopen']);
/** An all-caps constant name (a macro or module constant another file may define). */
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]{1,63}$/;
/** The identifier of a template's leading interpolation: f"{BASE}/x", `${BASE}/x`. */
const LEADING_INTERPOLATION = /^[A-Za-z]{0,2}["'`]{1,3}\$?\{\s*([A-Za-z_$][\w$.]{0,63})\s*\}/;
const HOST_LIKE = /^[A-Za-z0-9.-]{1,253}$/;

function contains(outer: Range, inner: Range): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

function strip(text: string): string {
  const t = text.trim();
  return t.startsWith('&') ? t.slice(1).trim() : t;
}

/** Splits code into identifier-ish tokens without a regex over the whole text (linear). */
function tokens(text: string): Set<string> {
  const out = new Set<string>();
  let cur = '';
  for (const ch of text) {
    if (/[\w$.]/.test(ch)) cur += ch;
    else { if (cur) out.add(cur); cur = ''; }
  }
  if (cur) out.add(cur);
  return out;
}

/** A host (and port) from a URL or a bare host name. */
function textTargets(text: string, port?: number): TlsTarget[] {
  if (text.includes('://')) {
    const u = parseUrl(text);
    if (!u || !u.host || u.host.includes('{') || u.host.includes('%')) return [];
    return [{ host: u.host, port: u.port ?? SCHEMES[u.scheme]?.port }];
  }
  const h = text.trim().toLowerCase();
  if (HOST_LIKE.test(h) && (h.includes('.') || isLoopbackHost(h))) return [{ host: h, port }];
  return [];
}

/** Targets one value names: a URL / host literal, an identifier bound to one, a template led by one; a constant ref otherwise. */
export function valueTargets(v: ValueFact, facts: Facts, port?: number): TlsTarget[] {
  if (v.kind === 'template') {
    if (typeof v.value === 'string' && v.value.includes('://')) return textTargets(v.value, port);
    const lead = LEADING_INTERPOLATION.exec(v.text)?.[1];
    if (!lead) return [];
    return valueTargets({ kind: 'identifier', text: lead, range: v.range }, facts, port);
  }
  const s = resolveString(v, facts);
  if (s !== undefined) return textTargets(s, port);
  const name = v.text.trim();
  if (v.kind === 'identifier' && CONSTANT_NAME.test(name)) return [{ ref: name, port }];
  return [];
}

/** Address properties inside an object literal / initializer range. */
function objectAddressTargets(range: Range, facts: Facts, skip?: Range): TlsTarget[] {
  const inside = facts.assignments.filter((a) => contains(range, a.range) && !(skip && contains(a.range, skip)));
  const portA = inside.find((a) => a.name.toLowerCase() === 'port');
  const port = portA ? resolveNumber(portA.value, facts) : undefined;
  return inside.filter((a) => ADDRESS_KEYS.has(a.name.toLowerCase())).flatMap((a) => valueTargets(a.value, facts, port));
}

/** Targets of one call: its address arguments (a URL, `host, port`, `url=`), or address fields of an options object it gets. */
export function callTargets(call: CallFact, facts: Facts, exclude?: string): TlsTarget[] {
  const out: TlsTarget[] = [];
  call.args.forEach((a, i) => {
    if (a.name && !ADDRESS_KEYS.has(a.name.toLowerCase())) return;
    if (exclude && strip(a.value.text) === exclude) return;
    if (a.value.kind === 'object') { out.push(...objectAddressTargets(a.value.range, facts)); return; }
    const next = call.args[i + 1];
    const port = next && !next.name ? resolveNumber(next.value, facts) : undefined;
    out.push(...valueTargets(a.value, facts, port));
  });
  return dedupe(out);
}

/** Calls that use `name`: as an argument (`begin(client, url)`, `init(&cfg)`, `ssl=ctx`), or inside an options object (`{ agent }`). */
function usesOf(name: string, facts: Facts): CallFact[] {
  return facts.calls.filter((c) => c.args.some((a) => strip(a.value.text) === name || (a.value.kind === 'object' && tokens(a.value.text).has(name))));
}

/** Targets of a client variable: its `connect`-like calls, calls it is passed to, and the call it was created by. */
export function receiverTargets(receiver: string, facts: Facts): TlsTarget[] {
  const out: TlsTarget[] = [];
  for (const c of facts.calls) if (c.receiver === receiver && CONNECT_METHODS.has(c.name)) out.push(...callTargets(c, facts));
  for (const c of usesOf(receiver, facts)) out.push(...callTargets(c, facts, receiver));
  const created = facts.assignments.find((a) => a.kind === 'variable' && a.target === receiver && a.value.kind === 'call');
  if (created) {
    const call = facts.calls.find((c) => c.range[0] === created.value.range[0]);
    if (call) out.push(...callTargets(call, facts));
  }
  return dedupe(out);
}

/**
 * Scope of a property/field (`rejectUnauthorized: false`, `.crt_bundle_attach = …`, `ca: …`): the
 * innermost enclosing object that leads to a connection — sibling address fields, the call it is
 * an argument of, or the calls its variable (or the call it was passed to) is used by.
 */
export function objectScope(range: Range, facts: Facts): TlsScopeValue {
  const objects: Array<{ range: Range; call?: CallFact; variable?: string }> = [];
  for (const a of facts.assignments) {
    if (a.value.kind === 'object' && contains(a.value.range, range)) objects.push({ range: a.value.range, variable: a.kind === 'variable' ? a.target : undefined });
  }
  for (const c of facts.calls) for (const a of c.args) if (a.value.kind === 'object' && contains(a.value.range, range)) objects.push({ range: a.value.range, call: c });
  objects.sort((x, y) => (x.range[1] - x.range[0]) - (y.range[1] - y.range[0]));
  const anchor = objects[0] ? `object@${objects[0].range[0]}` : undefined;
  for (const o of objects) {
    const targets = [...objectAddressTargets(o.range, facts, range)];
    if (o.call) {
      targets.push(...callTargets(o.call, facts));
      const bound = facts.assignments.find((a) => a.kind === 'variable' && a.value.range[0] === o.call!.range[0]);
      if (bound) for (const c of usesOf(bound.target, facts)) targets.push(...callTargets(c, facts, bound.target));
    }
    if (o.variable) for (const c of usesOf(o.variable, facts)) targets.push(...callTargets(c, facts, o.variable));
    if (targets.length) return { targets: dedupe(targets), anchor };
  }
  return { targets: [], anchor };
}

/** Scope of a receiver's method call (`client.setInsecure()`, `client.tls_set(…)`). */
export function receiverScope(call: CallFact, facts: Facts): TlsScopeValue {
  if (!call.receiver) return { targets: [] };
  return { targets: receiverTargets(call.receiver, facts), anchor: `receiver:${call.receiver}` };
}

/** Scope of a keyword argument on a call (`requests.post(url, verify=False)`). */
export function callScope(call: CallFact, facts: Facts): TlsScopeValue {
  return { targets: callTargets(call, facts), anchor: `call@${call.range[0]}` };
}

/** Scope of an attribute set on a context object (`ctx.check_hostname = False`): the calls the object is passed to. */
export function contextScope(target: string, facts: Facts): TlsScopeValue {
  const dot = target.lastIndexOf('.');
  if (dot <= 0) return { targets: [] };
  const owner = target.slice(0, dot);
  return { targets: dedupe(usesOf(owner, facts).flatMap((c) => callTargets(c, facts, owner))), anchor: `receiver:${owner}` };
}

/** Scope of a manifest key (`verify_ssl: false`): sibling address keys under the same parent. */
export function keyValueScope(kv: KeyValueFact, all: readonly KeyValueFact[], facts: Facts): TlsScopeValue {
  const parent = kv.path.slice(0, -1).join('\u0000');
  const siblings = all.filter((x) => x !== kv && x.path.slice(0, -1).join('\u0000') === parent);
  const portKv = siblings.find((x) => x.key.toLowerCase() === 'port');
  const port = portKv ? resolveNumber(portKv.value, facts) : undefined;
  const targets = siblings.filter((x) => ADDRESS_KEYS.has(x.key.toLowerCase())).flatMap((x) => valueTargets(x.value, facts, port));
  return { targets: dedupe(targets), anchor: `keys:${parent}` };
}

function dedupe(list: TlsTarget[]): TlsTarget[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = `${t.host ?? ''}|${t.ref ?? ''}|${t.port ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
