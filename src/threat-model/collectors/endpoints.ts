/**
 * Network endpoints: URLs in strings and manifest values (scheme, host, port, TLS), MQTT brokers
 * from `setServer(host, port)` / `connect(host, port)` and ESPHome/config `broker:` keys.
 * Only scheme, host and port are kept: user info, paths and queries (which may carry tokens) never are.
 */
import type { Range } from '../../core/facts';
import type { CollectContext, Collector } from '../../core/rule';
import { isLoopbackHost, parseUrl } from '../../core/text';
import type { EndpointRefValue, EndpointValue } from '../signals';
import { SIG, isOwnOutput, signalJson, signalWeakness } from '../signals';
import { CODE_LANGUAGES, MANIFEST_LANGUAGES, SCHEMES, resolveNumber, resolveString } from './common';

/** Hosts of XML namespaces, schemas and docs: not endpoints the device talks to. */
const NOT_ENDPOINTS = /(^|\.)(w3\.org|json-schema\.org|schemas\.xmlsoap\.org|xmlsoap\.org|purl\.org|apache\.org|creativecommons\.org|opensource\.org|gnu\.org)$/;
const OTA_CALLS = new Set(['update', 'esp_https_ota', 'esp_https_ota_begin', 'begin_ota', 'updateSpiffs', 'updateFS']);
const OTA_PATH = /\.(bin|img|hex|swu|mender|raucb|signed)(\?|$)|\/(ota|firmware|fw|update)s?(\/|\?|$)/i;
/** All-caps constant names, and those that name an address or port. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]{1,63}$/;
const ADDRESS_NAME = /(HOST|BROKER|SERVER|PORT|URL|URI|ADDR|ENDPOINT)/;
const PORT_NAME = /PORT$/;
const PORT_NUMBER = /^\d{1,5}[uUlL]{0,3}$/;
const BROKER_KEYS = /^(broker|mqtt_?broker|mqtt_?server|mqtt_?host|broker_?(host|address|url))$/i;

export const endpointCollector: Collector = {
  id: 'tm-endpoints',
  languages: [...CODE_LANGUAGES, ...MANIFEST_LANGUAGES],
  // What a finding needs, not common words: a URL, a host/port call, a broker key, or an address
  // constant bound to a literal (`#define MQTT_HOST "…"`, `MQTT_PORT = 1883`) for cross-file resolution.
  keywords: [
    '://',
    // two or three plain arguments, one per line allowed (`client.connect(\n    HOST,\n    PORT,\n)`)
    /\b(?:setServer|connect(?:_async)?)\s*\([^,()]{1,120},[^,()]{1,80}(?:,[^,()]{0,80}){0,2}\)/,
    /\bMQTTClient\s*\(/,
    'broker',
    /mqtt_?(?:server|host)/i,
    // CONSTANT_NAME / ADDRESS_NAME constants (upper case): a string for any address name, a decimal
    // for a name ending in PORT (register headers are full of `#define I2C_PACKET_PORT 0x…` / `…_PORT_S 12`).
    // The rest of the name is taken whole (a shorter run could only lead to the same `=`, further
    // away): giving it back a character at a time re-searched the line for `=` each time, half the cost.
    /(?<=\b[A-Z0-9_]{0,62})(?:HOST|BROKER|SERVER|PORT|URL|URI|ADDR|ENDPOINT)(?:[A-Z0-9_]{0,62}(?![A-Z0-9_])|[A-Z0-9_]{62})(?:[^\n=;]{0,60}?=|[ \t]+)\s*(?:\(\s*)?(?:u8|[LuUrRbBfF]{1,2})?["'`]/,
    /(?<=\b[A-Z0-9_]{0,62})PORT(?:[^\n=;]{0,60}?=|[ \t]+)[ \t(]*\d{1,5}[uUlL]{0,3}(?![\w.])/,
  ],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    const seen = new Set<number>();
    const otaArgRanges: Range[] = [];
    for (const call of ctx.facts.calls) {
      if (OTA_CALLS.has(call.name)) for (const a of call.args) otaArgRanges.push(a.value.range);
      collectCallEndpoint(ctx, call, seen);
    }
    collectConstants(ctx);
    for (const kv of ctx.facts.keyValues) {
      if (seen.has(kv.value.range[0])) continue;
      const text = typeof kv.value.value === 'string' ? kv.value.value : undefined;
      if (!text) continue;
      seen.add(kv.value.range[0]);
      const keyHint = /ota|firmware|update/i.test(kv.path.join('.')) ? 'ota' : undefined;
      if (urlEndpoint(ctx, text, kv.value.range, keyHint, 'config')) continue;
      if (BROKER_KEYS.test(kv.key) && /^[A-Za-z0-9.-]{1,253}$/.test(text)) {
        const parent = kv.path.slice(0, -1).join('.');
        const portKv = ctx.facts.keyValues.find((p) => p.key === 'port' && p.path.slice(0, -1).join('.') === parent);
        const port = portKv ? resolveNumber(portKv.value, ctx.facts) ?? 1883 : 1883;
        emit(ctx, { scheme: port === 8883 ? 'mqtts' : 'mqtt', host: text.toLowerCase(), port, tls: port === 8883, role: 'broker', via: 'config' }, kv.range);
      }
    }
    for (const s of ctx.facts.strings) {
      if (s.kind === 'comment' || seen.has(s.range[0])) continue;
      seen.add(s.range[0]);
      const ota = otaArgRanges.some(([a, b]) => s.range[0] >= a && s.range[1] <= b);
      urlEndpoint(ctx, s.value, s.range, ota ? 'ota' : undefined, 'url');
    }
  },
};

function collectCallEndpoint(ctx: CollectContext, call: CollectContext['facts']['calls'][number], seen: Set<number>): void {
  if (call.name === 'MQTTClient') { collectUmqttClient(ctx, call, seen); return; }
  const isServer = call.name === 'setServer';
  const isConnect = (call.name === 'connect' || call.name === 'connect_async') && call.receiver !== 'WiFi';
  // PubSubClient.connect(clientId, user, pass) is not a host/port pair: only setServer or a two-argument connect.
  if ((!isServer && !isConnect) || call.args.length < 2 || (isConnect && call.args.length > 3)) return;
  const [hostArg, portArg] = call.args;
  const port = resolveNumber(portArg.value, ctx.facts);
  const host = resolveString(hostArg.value, ctx.facts);
  const via = `${call.callee}()`;
  if (port === undefined || host === undefined) {
    // Host or port named by a constant from another file (`#define MQTT_BROKER_HOST` in config.h): the builder resolves it.
    const hostRef = host === undefined && hostArg.value.kind === 'identifier' && CONSTANT_NAME.test(hostArg.value.text.trim()) ? hostArg.value.text.trim() : undefined;
    const portRef = port === undefined && portArg.value.kind === 'identifier' && CONSTANT_NAME.test(portArg.value.text.trim()) ? portArg.value.text.trim() : undefined;
    if ((host !== undefined || hostRef) && (port !== undefined || portRef) && (isServer || call.args.length === 2)) {
      signalJson(ctx, SIG.endpointRef, 'host-port', { host, hostRef, port, portRef, via } satisfies EndpointRefValue, call.range);
    }
    return;
  }
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(host)) return;
  seen.add(hostArg.value.range[0]);
  emit(ctx, { ...hostPortEndpoint(host, port, isServer), via }, call.range);
}

/** MicroPython umqtt `MQTTClient(client_id, server, port=0, user=None, password=None, keepalive=0, ssl=False, …)`. */
function collectUmqttClient(ctx: CollectContext, call: CollectContext['facts']['calls'][number], seen: Set<number>): void {
  const arg = (name: string, index: number): CollectContext['facts']['calls'][number]['args'][number] | undefined =>
    call.args.find((a) => a.name === name) ?? (call.args[index] && !call.args[index].name ? call.args[index] : undefined);
  const server = arg('server', 1);
  const host = server ? resolveString(server.value, ctx.facts) : undefined;
  if (!server || !host || !/^[A-Za-z0-9.-]{1,253}$/.test(host)) return;
  const sslArg = arg('ssl', 6);
  const tls = !!sslArg && !/^(false|none|0)$/i.test(sslArg.value.text.trim());
  const portArg = arg('port', 2);
  const given = portArg ? resolveNumber(portArg.value, ctx.facts) : undefined;
  const port = given || (tls ? 8883 : 1883); // umqtt: port=0 means the default for the ssl setting
  seen.add(server.value.range[0]);
  emit(ctx, { scheme: tls ? 'mqtts' : 'mqtt', host: host.toLowerCase(), port, tls, role: 'broker', via: `${call.callee}()` }, call.range);
}

/** Scheme, TLS and role of a `(host, port)` pair: MQTT ports and `setServer` are brokers, 443/8443 HTTPS APIs, the rest raw TCP/TLS. */
export function hostPortEndpoint(host: string, port: number, mqtt: boolean): Omit<EndpointValue, 'via'> {
  const tls = port === 8883 || port === 443 || port === 8443;
  const isMqtt = mqtt || port === 8883 || port === 1883;
  const scheme = isMqtt ? (tls ? 'mqtts' : 'mqtt') : port === 443 || port === 8443 ? 'https' : port === 80 ? 'http' : tls ? 'tls' : 'tcp';
  return { scheme, host: host.toLowerCase(), port, tls, role: isMqtt ? 'broker' : 'api' };
}

/** Host/port/URL constants (`#define MQTT_BROKER_HOST "…"`, `MQTT_PORT = 1883`) for cross-file resolution. */
function collectConstants(ctx: CollectContext): void {
  for (const a of ctx.facts.assignments) {
    if ((a.kind !== 'define' && a.kind !== 'variable') || a.path.length || !CONSTANT_NAME.test(a.name) || !ADDRESS_NAME.test(a.name)) continue;
    // Numbers only as ports: `I2C_PACKET_PORT 0x…` and `…_PORT_S 12` are register fields (see keywords).
    const port = a.value.kind === 'number' && PORT_NAME.test(a.name) && PORT_NUMBER.test(a.value.text);
    if ((a.value.kind === 'string' || port) && a.value.value !== undefined && String(a.value.value).length <= 2048) {
      ctx.signal({ kind: SIG.constant, key: a.name, value: String(a.value.value), range: a.range });
    }
  }
}

/** Emits an endpoint for a URL-looking value; returns true when it was one. */
function urlEndpoint(ctx: CollectContext, value: string, range: Range, role: 'ota' | undefined, via: string): boolean {
  if (value.length > 2048 || !value.includes('://')) return false;
  const u = parseUrl(value);
  if (!u || !u.host || !(u.scheme in SCHEMES) || NOT_ENDPOINTS.test(u.host) || u.host.includes('${') || u.host.includes('%')) return false;
  const def = SCHEMES[u.scheme];
  const path = value.slice(value.indexOf('://') + 3);
  const isOta = role === 'ota' || OTA_PATH.test(path.slice(path.indexOf('/') < 0 ? path.length : path.indexOf('/')));
  const mqtt = u.scheme.startsWith('mqtt') || u.scheme === 'tcp' || u.scheme === 'ssl';
  emit(ctx, { scheme: u.scheme, host: u.host, port: u.port ?? def.port, tls: def.tls, role: isOta ? 'ota' : mqtt ? 'broker' : 'api', via }, range);
  return true;
}

function emit(ctx: CollectContext, v: EndpointValue, range: Range): void {
  signalJson(ctx, SIG.endpoint, v.scheme, v, range);
  if (v.tls) {
    ctx.signal({ kind: SIG.mitigation, key: 'tls-endpoint', value: `${v.scheme}://${v.host}:${v.port ?? ''}`, range });
  } else if (!isLoopbackHost(v.host)) {
    signalWeakness(ctx, v.scheme === 'telnet' ? 'F8' : 'F3', 'plaintext-endpoint', `${v.scheme}://${v.host}${v.port ? `:${v.port}` : ''}`, range);
  }
}
