import type { ArgFact, AssignmentFact as Assignment, CallFact as Call, KeyValueFact as KeyValue, Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';
import { isLocalOrTrustedHost, parseUrl } from '../core/text';
import { FIRMWARE_PATH, FIRMWARE_WORDS, METADATA_CALLS, METADATA_KEYS, METADATA_PARENTS, MQTT_WORDS, nameWords, NON_ENDPOINT_HOST_PREFIXES, NON_ENDPOINT_HOSTS, PLAINTEXT_ATTACK, PLAINTEXT_SCHEMES, STRING_CHECK_CALLS } from './data/transport-schemes';

const MQTT_PORT = 1883;
const LEADING_URL = /^\s*([A-Za-z][A-Za-z0-9+.-]{0,15}):\/\//;
// PlatformIO / Makefile style `-DBROKER=\"mqtt://…\"` inside a flag string.
const DEFINE_FLAG_URL = /-D\s{0,4}\w{1,64}=\\?["']?([A-Za-z]{2,8}):\/\//g;
// A download command inside a string (`curl -fsSL http://… | sh`, `wget http://…`): its URLs are endpoints too.
const FETCH_COMMAND = /\b(?:curl|wget)\s/;
const COMMAND_URL = /(?<=\s)(?:https?|ftp):\/\//gi;
const SINGLE_LABEL = /^[a-z][a-z0-9-]{0,62}$/;
const TEMPLATED_HOST = /[%{$<]/;
const COMPARISON_BEFORE = /(?:[=!]==?|\bcase|\bin|\bnot in)\s*$/;
const COMPARISON_AFTER = /^\s*(?:[=!]==?|\bin\b|\bnot in\b)/;

interface Candidate { value: string; inner: Range; range: Range; kind: string }
interface Binding { words: string[]; key?: string; parent?: string; callee?: string; argName?: string }

/** Flags `mqtt://`, `http://`, `ws://`, `coap://`, `ftp://`, `telnet://`, `amqp://` endpoints; suggests the TLS scheme. */
export const plaintextUrl = defineRule({
  meta: {
    id: 'plaintext-url',
    title: 'Plaintext protocol URL',
    description: 'Reports endpoint URLs whose scheme (mqtt, tcp, ws, http, coap, ftp, telnet, amqp) sends data without TLS.',
    category: 'plaintext-protocol',
    severity: 'warning',
    cwe: ['CWE-319', 'CWE-523'],
    practice: 6,
    attack: PLAINTEXT_ATTACK,
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'kconfig', 'dotenv', 'libconfig'],
    messages: {
      plaintext: "{{protocol}} over '{{scheme}}://' to {{host}} is unencrypted: anyone on the network path can read or alter it. Use '{{secure}}://'.",
      plaintextLocal: "'{{scheme}}://' to {{host}} is unencrypted; fine for a local or documentation host, but use '{{secure}}://' for a real deployment.",
      plaintextFirmware: "Firmware is fetched over plain '{{scheme}}://' from {{host}}: an on-path attacker can read or replace the image. Use '{{secure}}://' (and signed images).",
    },
    docs: {
      what: 'A URL literal or manifest value (or a URL fetched by a `curl`/`wget` command inside a string) names a broker, API or update server with a scheme that has no TLS.',
      why: 'Credentials (MQTT CONNECT, HTTP Basic, tokens), telemetry and commands cross the network in the clear; firmware fetched over HTTP can be swapped by anyone on the path.',
      fix: 'Use the TLS scheme (mqtts://, https://, wss://, coaps://, amqps://) and verify the server certificate; replace telnet with SSH.',
      references: ['IDF-TLS-05', 'IDF-OTA-03', 'TLS-06', 'Z2M-03', 'MEN-02', 'SWU-06', 'EH-05', 'ARD-03', 'mqttjs/MQTT.js src/lib/connect/index.ts'],
    },
  },
  keywords: ['://'],
  check(ctx) {
    const mqttFile = ctx.facts.imports.some((i) => nameWords(i.module).some((w) => MQTT_WORDS.has(w)));
    const cands = candidates(ctx);
    const bindings = bindingLookup(ctx);
    for (const cand of cands) {
      const raw = ctx.text.slice(cand.inner[0], cand.inner[1]);
      const lead = LEADING_URL.exec(raw);
      if (lead) checkUrl(ctx, cand, raw, lead.index + lead[0].length - lead[1].length - 3, bindings(cand.range[0]), mqttFile);
      const fetch = FETCH_COMMAND.exec(raw);
      if (fetch) {
        for (const m of raw.slice(fetch.index).matchAll(COMMAND_URL)) checkUrl(ctx, cand, raw, fetch.index + m.index!, undefined, mqttFile);
      }
      if (ctx.languageId === 'ini' || ctx.languageId === 'dotenv' || ctx.languageId === 'yaml') {
        for (const m of raw.matchAll(DEFINE_FLAG_URL)) checkUrl(ctx, cand, raw, m.index! + m[0].length - m[1].length - 3, undefined, mqttFile);
      }
    }
  },
});

function checkUrl(ctx: RuleContext, cand: Candidate, raw: string, at: number, binding: Binding | undefined, mqttFile: boolean): void {
  const tail = raw.slice(at);
  const cut = tail.search(/[\\\s]/);
  const urlText = cut < 0 ? tail : tail.slice(0, cut);
  const url = parseUrl(urlText);
  if (!url) return;
  const scheme = PLAINTEXT_SCHEMES[url.scheme];
  if (!scheme) return;
  const afterScheme = urlText.slice(url.scheme.length + 3);
  const concatenated = isConcatenated(ctx, cand);
  if (!afterScheme && !concatenated) return; // a bare "http://" prefix, not an endpoint
  if (isStringCheck(ctx, cand) || isMetadata(binding) || isNonEndpointHost(url.host)) return;
  const words = binding?.words ?? [];
  // Port 1883 is the IANA MQTT port: `tcp://host:1883` is plaintext MQTT whatever it is bound to.
  if (scheme.mqttOnly && url.port !== MQTT_PORT && !isMqttContext(words, mqttFile)) return;
  const hostKnown = url.host !== '' && !TEMPLATED_HOST.test(url.host) && !/[$%{]/.test(afterScheme.slice(0, 1));
  const host = hostKnown ? `'${url.host}'` : 'a host chosen at run time';
  const local = hostKnown && (isLocalOrTrustedHost(url.host, ctx.settings.trustedHosts) || SINGLE_LABEL.test(url.host));
  const firmware = FIRMWARE_PATH.test(urlText.split(/[?#]/)[0]) || FIRMWARE_PATH.test(cand.value.trim().split(/[?#]/)[0]) || words.some((w) => FIRMWARE_WORDS.has(w)) || binding?.key === 'ServerURL';
  const data = { scheme: url.scheme, secure: scheme.secure, protocol: scheme.protocol, host };
  const start = cand.inner[0] + at;
  const range: Range = [start, start + urlText.length];
  const suggestions = suggest(start, url.scheme, scheme.secure, scheme.rewritable, scheme.port, urlText, url.port);
  const messageId = local ? 'plaintextLocal' : firmware ? 'plaintextFirmware' : 'plaintext';
  const severity = local ? 'info' : firmware ? 'error' : undefined;
  ctx.report({ messageId, data, range, severity, suggestions });
}

/** A suggestion, not a fix: the server must actually offer TLS (and the device must trust its CA). */
function suggest(start: number, scheme: string, secure: string, rewritable: boolean, port: readonly [number, number] | undefined, urlText: string, urlPort?: number): Fix[] {
  if (!rewritable) return []; // telnet → ssh is a different client, not a text edit
  const edits = [{ range: [start, start + scheme.length] as Range, text: secure }];
  let title = `Use ${secure}://`;
  if (port && urlPort === port[0]) {
    const p = urlText.indexOf(`:${port[0]}`, scheme.length + 3);
    edits.push({ range: [start + p + 1, start + p + 1 + String(port[0]).length], text: String(port[1]) });
    title += ` on port ${port[1]}`;
  }
  return [{ title, edits }];
}

/** String facts (code and manifests) plus manifest scalars that have no string fact. */
function candidates(ctx: RuleContext): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<number>();
  for (const s of ctx.facts.strings) {
    if (s.kind === 'comment') continue;
    out.push({ value: s.value, inner: s.innerRange, range: s.range, kind: s.kind });
    seen.add(s.range[0]);
  }
  for (const kv of ctx.facts.keyValues) {
    const v = kv.value;
    if (seen.has(v.range[0]) || (v.kind !== 'identifier' && v.kind !== 'other' && v.kind !== 'string')) continue;
    out.push({ value: String(v.value ?? v.text), inner: v.innerRange ?? v.range, range: v.range, kind: v.kind });
  }
  return out;
}

/** What a value is bound to: variable/field/key name and path, or the call it is passed to. */
function bindingOf(a: Assignment | undefined, kv: KeyValue | undefined, call?: { c: Call; arg: ArgFact }): Binding | undefined {
  // A key/value wins over an assignment at the same offset, which wins over a call argument.
  if (kv) return { words: kv.path.flatMap(nameWords), key: kv.key, parent: kv.path[kv.path.length - 2] };
  if (a) return { words: [...nameWords(a.target), ...a.path.flatMap(nameWords)], key: a.name, parent: a.path[a.path.length - 1] };
  if (call) {
    const { c, arg } = call;
    return { words: [...nameWords(c.callee), ...(arg.name ? nameWords(arg.name) : [])], key: arg.name, callee: c.callee, argName: arg.name };
  }
  return undefined;
}

/**
 * Binding lookup by value offset. A document usually has a few URLs and thousands of assignments,
 * keys and arguments: the first lookups scan the facts (no allocation), later ones share an index.
 * (Splitting every name into words up front cost ~3 ms per editor re-analysis; an index per
 * document, even with no URL to look up, ~1 ms for a 2,000-line file.)
 */
function bindingLookup(ctx: RuleContext): (offset: number) => Binding | undefined {
  const { assignments, keyValues, calls } = ctx.facts;
  let lookups = 0;
  let index: Map<number, { a?: Assignment; kv?: KeyValue; call?: { c: Call; arg: ArgFact } }> | undefined;
  return (offset) => {
    if (!index && ++lookups <= 16) {
      let kv: KeyValue | undefined;
      let a: Assignment | undefined;
      for (const k of keyValues) if (k.value.range[0] === offset) kv = k;
      if (!kv) for (const x of assignments) if (x.value.range[0] === offset) a = x;
      if (kv || a) return bindingOf(a, kv);
      for (const c of calls) for (const arg of c.args) if (arg.value.range[0] === offset) return bindingOf(undefined, undefined, { c, arg });
      return undefined;
    }
    if (!index) {
      index = new Map();
      for (const a of assignments) index.set(a.value.range[0], { a });
      for (const kv of keyValues) index.set(kv.value.range[0], { kv });
      for (const c of calls) for (const arg of c.args) if (!index.has(arg.value.range[0])) index.set(arg.value.range[0], { call: { c, arg } });
    }
    const e = index.get(offset);
    return e && bindingOf(e.a, e.kv, e.call);
  };
}

/** `tcp://` is plaintext MQTT only where MQTT is meant: an MQTT-named binding, or an MQTT client file's connect/URL. */
function isMqttContext(words: readonly string[], mqttFile: boolean): boolean {
  if (words.some((w) => MQTT_WORDS.has(w))) return true;
  return mqttFile && words.some((w) => w === 'connect' || w === 'url' || w === 'uri' || w === 'server' || w === 'host');
}

function isMetadata(b: Binding | undefined): boolean {
  if (!b) return false;
  if (b.callee && METADATA_CALLS.has(b.callee)) return true;
  const key = b.key?.toLowerCase();
  return (key !== undefined && METADATA_KEYS.has(key)) || (key === 'url' && b.parent !== undefined && METADATA_PARENTS.has(b.parent.toLowerCase()));
}

function isNonEndpointHost(host: string): boolean {
  return NON_ENDPOINT_HOST_PREFIXES.some((p) => host.startsWith(p))
    || NON_ENDPOINT_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** `"http://" + host`, C `"http://" HOST "/x"` (macro pieces between literals). */
function isConcatenated(ctx: RuleContext, cand: Candidate): boolean {
  if (cand.kind === 'template') return true;
  const after = ctx.text.slice(cand.range[1], cand.range[1] + 40).trimStart();
  const raw = ctx.text.slice(cand.range[0], cand.range[1]);
  return after.startsWith('+') || (raw.includes('"', 1) && raw.indexOf('"', 1) < raw.length - 1)
    || ((ctx.languageId === 'c' || ctx.languageId === 'cpp') && /^[A-Za-z_]/.test(after));
}

/** The literal is a prefix being compared (`startsWith("http://")`, `== "http://"`), not a destination. */
function isStringCheck(ctx: RuleContext, cand: Candidate): boolean {
  let inner: { name: string; range: Range } | undefined;
  for (const c of ctx.facts.calls) {
    if (c.range[0] <= cand.range[0] && c.range[1] >= cand.range[1] && (!inner || c.range[0] >= inner.range[0])) inner = c;
  }
  if (inner && STRING_CHECK_CALLS.has(inner.name)) return true;
  const lineStart = ctx.text.lastIndexOf('\n', cand.range[0] - 1) + 1;
  const before = ctx.text.slice(Math.max(lineStart, cand.range[0] - 40), cand.range[0]);
  const after = ctx.text.slice(cand.range[1], cand.range[1] + 12);
  return COMPARISON_BEFORE.test(before) || COMPARISON_AFTER.test(after);
}
