import type { CallFact, Range, ValueFact } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';
import { isLocalOrTrustedHost, parseUrl } from '../core/text';
import { nameWords, PLAINTEXT_ATTACK } from './data/transport-schemes';

const MQTT_PORT = 1883;
const TLS_PORT = '8883';
const HOST_WORDS = new Set(['host', 'hostname', 'server', 'broker', 'addr', 'address', 'endpoint', 'uri', 'url']);
const PAHO_CLIENT = /(?:^|\.)Client\s*\(/;
const PAHO_CONNECT = new Set(['connect', 'connect_async']);
const TLS_CALLS = new Set(['tls_set', 'tls_set_context']);
const FALSY_SSL = new Set(['False', 'None', '0']);

/** Flags MQTT on plaintext port 1883 (code calls, constants, manifests) and clients that default to it. */
export const mqttPlaintextPort = defineRule({
  meta: {
    id: 'mqtt-plaintext-port',
    title: 'MQTT on plaintext port 1883',
    description: 'Reports MQTT connections and settings that use port 1883, where MQTT runs without TLS.',
    category: 'plaintext-protocol',
    severity: 'warning',
    cwe: ['CWE-319', 'CWE-523'],
    practice: 6,
    attack: PLAINTEXT_ATTACK,
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'kconfig', 'dotenv'],
    messages: {
      plaintextPort: 'MQTT on port 1883 is plaintext: the broker password, telemetry and commands cross the network unencrypted. Use MQTT over TLS on port 8883.',
      plaintextPortLocal: 'MQTT on port 1883 to a local or documentation host is plaintext; fine for development, use TLS on port 8883 for a real deployment.',
      plaintextDefault: '{{client}} is set up without TLS, so it speaks plaintext MQTT on port 1883. Enable TLS and use port 8883.',
      plaintextListener: 'Mosquitto listener on port {{port}} ({{bind}}) has no certfile/psk_hint: clients connect, log in and exchange messages in plaintext. Add TLS (certfile/keyfile, port 8883) or bind it to 127.0.0.1.',
    },
    docs: {
      what: 'An MQTT client or configuration uses port 1883 (or a client that defaults to it without TLS), or a Mosquitto `listener` has no TLS (no certfile / psk_hint) on a non-loopback address.',
      why: 'Port 1883 is MQTT without TLS: the CONNECT packet carries the username and password in the clear, and anyone on the path can read or inject messages.',
      fix: 'Configure TLS (paho `tls_set()`, `WiFiClientSecure`, umqtt `ssl=True`, `mqtts://`) and connect to port 8883.',
      references: ['TLS-03', 'TAS-03', 'EH-06', 'IDF-TLS-05', 'eclipse/paho.mqtt.python src/paho/mqtt/client.py', 'esphome/components/mqtt/__init__.py'],
    },
  },
  keywords: [
    // 1883 as a number of its own (any spelling is1883 accepts), not inside 188338 or 0x41883
    /(?<![\w.])1_?883(?!\d)|(?<=(?<![\w.])0[xX]0{0,8})75[bB](?![\da-fA-F])/,
    'paho',
    /\bMQTTClient\s*\(/,
    // ESPHome `mqtt: broker:` and Mosquitto `listener <port>` lines
    /(?<=(?:^|[\n{,])[ \t]{0,16}["']?)broker["']?[ \t]*:/,
    /(?<=(?:^|\n)[ \t]{0,16})listener[ \t=]+["']?\d/,
  ],
  check(ctx) {
    const reported = new Set<number>();
    const report = (range: Range, local: boolean, suggestions: Fix[] = []): void => {
      if (reported.has(range[0])) return;
      reported.add(range[0]);
      ctx.report({ messageId: local ? 'plaintextPortLocal' : 'plaintextPort', range, severity: local ? 'info' : undefined, suggestions });
    };
    const fileHostLocal = brokerHostsLocal(ctx);
    const hasPythonTls = ctx.languageId === 'python' && ctx.facts.calls.some((c) => TLS_CALLS.has(c.name));
    if (ctx.languageId === 'python') checkPython(ctx, hasPythonTls, report);
    // 1883 is the IANA MQTT port: a numeric 1883 argument is an MQTT port in practice. String
    // arguments are left alone (`os.getenv("MQTT_PORT", "1883")` is an env lookup).
    for (const c of ctx.facts.calls) {
      if (hasPythonTls) break;
      for (const arg of c.args) {
        if (arg.value.kind !== 'number' || !is1883(arg.value)) continue;
        const host = c.args[0] !== arg ? hostLocal(c.args[0].value, ctx) : undefined;
        report(arg.value.range, host ?? fileHostLocal, [portFix(arg.value)]);
      }
    }
    for (const a of ctx.facts.assignments) {
      if (!hasPythonTls && a.name.toLowerCase().includes('port') && is1883(a.value)) report(a.value.range, fileHostLocal, [portFix(a.value)]);
    }
    for (const kv of ctx.facts.keyValues) {
      if (kv.key.toLowerCase().includes('port') && is1883(kv.value)) report(kv.value.range, siblingHostLocal(ctx, kv.path) ?? fileHostLocal, [portFix(kv.value)]);
    }
    if (ctx.languageId === 'yaml') checkEsphome(ctx);
    if (ctx.languageId === 'ini') checkMosquitto(ctx);
  },
});

function is1883(v: ValueFact): boolean {
  return (v.kind === 'number' || v.kind === 'string') && Number(v.value) === MQTT_PORT && String(v.value).trim() === '1883';
}

/** A suggestion, not a fix: the broker must offer TLS on 8883 and the client must trust its CA. */
function portFix(v: ValueFact, title = 'Use port 8883 (MQTT over TLS)'): Fix {
  const inner = v.innerRange ?? v.range;
  return { title, edits: [{ range: [inner[0], inner[0] + 4], text: TLS_PORT }] };
}

function hostOf(value: string): string {
  return parseUrl(value)?.host ?? value.trim().toLowerCase().replace(/:\d+$/, '');
}

function hostLocal(v: ValueFact | undefined, ctx: RuleContext): boolean | undefined {
  if (!v || v.kind !== 'string' || typeof v.value !== 'string' || !v.value.trim()) return undefined;
  return isLocalOrTrustedHost(hostOf(v.value), ctx.settings.trustedHosts);
}

/** True when every broker-host-like string in the file is local (loopback, documentation, trusted). */
function brokerHostsLocal(ctx: RuleContext): boolean {
  const hosts: boolean[] = [];
  const consider = (name: string, v: ValueFact): void => {
    const local = nameWords(name).some((w) => HOST_WORDS.has(w)) ? hostLocal(v, ctx) : undefined;
    if (local !== undefined) hosts.push(local);
  };
  for (const a of ctx.facts.assignments) consider(a.target, a.value);
  for (const kv of ctx.facts.keyValues) consider(kv.path.join('.'), kv.value);
  return hosts.length > 0 && hosts.every(Boolean);
}

function siblingHostLocal(ctx: RuleContext, path: readonly string[]): boolean | undefined {
  const parent = path.slice(0, -1).join('\u0000');
  for (const kv of ctx.facts.keyValues) {
    if (kv.path.slice(0, -1).join('\u0000') === parent && HOST_WORDS.has(kv.key.toLowerCase())) return hostLocal(kv.value, ctx);
  }
  return undefined;
}

type Reporter = (range: Range, local: boolean, suggestions?: Fix[]) => void;

/** paho `connect(host[, 1883])` without `tls_set()`; MicroPython umqtt `MQTTClient(...)` without `ssl`. */
function checkPython(ctx: RuleContext, hasTls: boolean, report: Reporter): void {
  const pahoClients = new Set(ctx.facts.assignments.filter((a) => a.value.kind === 'call' && PAHO_CLIENT.test(a.value.text)).map((a) => a.target));
  const paho = ctx.facts.imports.some((i) => i.module.includes('paho'));
  for (const c of ctx.facts.calls) {
    if (paho && !hasTls && PAHO_CONNECT.has(c.name) && c.receiver && pahoClients.has(c.receiver)) {
      const port = c.args.find((a) => a.name === 'port') ?? (c.args[1] && !c.args[1].name ? c.args[1] : undefined);
      const local = hostLocal(c.args[0]?.value, ctx) ?? false;
      const tls = tlsInsertion(ctx, c);
      if (port && is1883(port.value)) report(port.value.range, local, [{ title: 'Call tls_set() and use port 8883', edits: [tls, portFix(port.value).edits[0]] }]);
      else if (!port && c.args[0] && !c.args[0].name) {
        const at = c.args[0].value.range[1];
        ctx.report({
          messageId: 'plaintextDefault', data: { client: `${c.receiver}.${c.name}()` }, range: c.range, severity: local ? 'info' : undefined,
          suggestions: [{ title: 'Call tls_set() and use port 8883', edits: [tls, { range: [at, at], text: `, ${TLS_PORT}` }] }],
        });
      }
    }
    if (c.name === 'MQTTClient') checkUmqtt(ctx, c, report);
  }
}

/** Inserts `<client>.tls_set()` on its own line before the connect statement (system CA bundle). */
function tlsInsertion(ctx: RuleContext, c: CallFact): { range: Range; text: string } {
  const lineStart = ctx.text.lastIndexOf('\n', c.range[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(ctx.text.slice(lineStart, c.range[0]))![0];
  return { range: [lineStart, lineStart], text: `${indent}${c.receiver}.tls_set()\n` };
}

function checkUmqtt(ctx: RuleContext, c: CallFact, report: Reporter): void {
  const ssl = c.args.find((a) => a.name === 'ssl') ?? (c.args[6] && !c.args[6].name ? c.args[6] : undefined);
  if (ssl && !FALSY_SSL.has(ssl.value.text)) return;
  const port = c.args.find((a) => a.name === 'port') ?? (c.args[2] && !c.args[2].name ? c.args[2] : undefined);
  if (port && !is1883(port.value) && Number(port.value.value) !== 0) return;
  const server = c.args.find((a) => a.name === 'server') ?? (c.args[1] && !c.args[1].name ? c.args[1] : undefined);
  const local = hostLocal(server?.value, ctx) ?? false;
  const close = c.range[1] - 1;
  if (ssl || ctx.text[close] !== ')') {
    ctx.report({ messageId: 'plaintextDefault', data: { client: 'MQTTClient()' }, range: c.calleeRange, severity: local ? 'info' : undefined });
    return;
  }
  const edits = [{ range: [close, close] as Range, text: ', ssl=True' }];
  if (port && is1883(port.value)) {
    edits.push(portFix(port.value).edits[0]);
    report(port.value.range, local, [{ title: 'Use ssl=True and port 8883', edits }]);
  } else {
    ctx.report({ messageId: 'plaintextDefault', data: { client: 'MQTTClient()' }, range: c.calleeRange, severity: local ? 'info' : undefined, suggestions: [{ title: 'Use ssl=True (port 8883)', edits }] });
  }
}

/** ESPHome `mqtt:` with a remote broker, no port and no `certificate_authority` defaults to plaintext 1883 (EH-06). */
function checkEsphome(ctx: RuleContext): void {
  if (!ctx.facts.keyValues.some((kv) => kv.path.length === 1 && kv.key === 'esphome')) return;
  const mqtt = ctx.facts.keyValues.filter((kv) => kv.path[0] === 'mqtt' && kv.path.length === 2);
  const broker = mqtt.find((kv) => kv.key === 'broker');
  if (!broker || mqtt.some((kv) => kv.key === 'port' || kv.key === 'certificate_authority' || kv.key === 'ssl_fingerprints')) return;
  if (broker.value.kind === 'env' || broker.value.tag === '!secret') return;
  const local = hostLocal(broker.value, ctx) ?? false;
  ctx.report({ messageId: 'plaintextDefault', data: { client: "ESPHome 'mqtt:'" }, range: broker.range, severity: local ? 'info' : undefined });
}

const MOSQUITTO_TLS_KEYS = new Set(['certfile', 'psk_hint']);
const LISTENER = /^(\d{1,5})(?:\s+(\S+))?/;

/**
 * Mosquitto `listener <port> [bind]` blocks (up to the next listener) without `certfile` / `psk_hint`:
 * plaintext MQTT (or WebSockets). Loopback binds are info (T-01); port 0 (unix socket) is skipped.
 * The legacy default listener (`port 1883` at top level) is covered by the generic port check above.
 */
function checkMosquitto(ctx: RuleContext): void {
  const top = ctx.facts.keyValues.filter((kv) => kv.path.length === 2 && kv.path[0] === '');
  if (!top.some((kv) => kv.key === 'listener')) return;
  for (let i = 0; i < top.length; i++) {
    const kv = top[i];
    if (kv.key !== 'listener') continue;
    const m = LISTENER.exec(String(kv.value.value ?? kv.value.text).trim());
    if (!m || m[1] === '0') continue;
    let tls = false;
    let bind = m[2];
    for (let j = i + 1; j < top.length && top[j].key !== 'listener'; j++) {
      if (MOSQUITTO_TLS_KEYS.has(top[j].key)) tls = true;
      if (top[j].key === 'bind_address' && !bind) bind = String(top[j].value.value ?? top[j].value.text).trim();
    }
    if (tls) continue;
    const local = bind !== undefined && isLocalOrTrustedHost(bind, ctx.settings.trustedHosts) && bind !== '0.0.0.0' && bind !== '::';
    ctx.report({
      messageId: 'plaintextListener',
      data: { port: m[1], bind: bind && bind !== '0.0.0.0' && bind !== '::' ? `bound to ${bind}` : 'all interfaces' },
      range: kv.range,
      severity: local ? 'info' : undefined,
    });
  }
}
