/**
 * Network endpoints: URLs in strings and manifest values (scheme, host, port, TLS), MQTT brokers
 * from `setServer(host, port)` / `connect(host, port)` and ESPHome/config `broker:` keys.
 * Only scheme, host and port are kept: user info, paths and queries (which may carry tokens) never are.
 */
import type { Range } from '../../core/facts';
import type { CollectContext, Collector } from '../../core/rule';
import { isLoopbackHost, parseUrl } from '../../core/text';
import type { EndpointValue } from '../signals';
import { SIG, isOwnOutput, signalJson, signalWeakness } from '../signals';
import { CODE_LANGUAGES, MANIFEST_LANGUAGES, resolveNumber, resolveString } from './common';

const SCHEMES: Readonly<Record<string, { tls: boolean; port: number }>> = {
  mqtt: { tls: false, port: 1883 }, mqtts: { tls: true, port: 8883 }, tcp: { tls: false, port: 1883 }, ssl: { tls: true, port: 8883 },
  tls: { tls: true, port: 8883 }, http: { tls: false, port: 80 }, https: { tls: true, port: 443 }, ws: { tls: false, port: 80 },
  wss: { tls: true, port: 443 }, coap: { tls: false, port: 5683 }, coaps: { tls: true, port: 5684 }, amqp: { tls: false, port: 5672 },
  amqps: { tls: true, port: 5671 }, ftp: { tls: false, port: 21 }, telnet: { tls: false, port: 23 },
};
/** Hosts of XML namespaces, schemas and docs: not endpoints the device talks to. */
const NOT_ENDPOINTS = /(^|\.)(w3\.org|json-schema\.org|schemas\.xmlsoap\.org|xmlsoap\.org|purl\.org|apache\.org|creativecommons\.org|opensource\.org|gnu\.org)$/;
const OTA_CALLS = new Set(['update', 'esp_https_ota', 'esp_https_ota_begin', 'begin_ota', 'updateSpiffs', 'updateFS']);
const OTA_PATH = /\.(bin|img|hex|swu|mender|raucb|signed)(\?|$)|\/(ota|firmware|fw|update)s?(\/|\?|$)/i;
const BROKER_KEYS = /^(broker|mqtt_?broker|mqtt_?server|mqtt_?host|broker_?(host|address|url))$/i;

export const endpointCollector: Collector = {
  id: 'tm-endpoints',
  languages: [...CODE_LANGUAGES, ...MANIFEST_LANGUAGES],
  keywords: ['://', 'setserver', 'connect', 'broker', 'mqtt'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    const seen = new Set<number>();
    const otaArgRanges: Range[] = [];
    for (const call of ctx.facts.calls) {
      if (OTA_CALLS.has(call.name)) for (const a of call.args) otaArgRanges.push(a.value.range);
      collectCallEndpoint(ctx, call, seen);
    }
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
  const isServer = call.name === 'setServer';
  const isConnect = (call.name === 'connect' || call.name === 'connect_async') && call.receiver !== 'WiFi';
  if ((!isServer && !isConnect) || call.args.length < 2) return;
  const [hostArg, portArg] = call.args;
  const port = resolveNumber(portArg.value, ctx.facts);
  if (port === undefined) return; // PubSubClient.connect(clientId, user, pass) is not a host/port pair
  const host = resolveString(hostArg.value, ctx.facts);
  if (!host || !/^[A-Za-z0-9.-]{1,253}$/.test(host)) return;
  seen.add(hostArg.value.range[0]);
  const tls = port === 8883 || port === 443 || port === 8443;
  const scheme = port === 8883 || port === 1883 || isServer ? (tls ? 'mqtts' : 'mqtt') : tls ? 'tls' : 'tcp';
  emit(ctx, { scheme, host: host.toLowerCase(), port, tls, role: 'broker', via: `${call.callee}()` }, call.range);
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
