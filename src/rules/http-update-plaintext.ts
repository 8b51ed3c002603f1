import type { ArgFact, Facts, ValueFact } from '../core/facts';
import { stringValue } from '../core/fact-helpers';
import { defineRule } from '../core/rule';
import { isLocalOrTrustedHost } from '../core/text';

/** `httpUpdate` (arduino-esp32 HTTPUpdate), `ESPhttpUpdate` (ESP8266httpUpdate) and instances named alike. */
const UPDATER_RECEIVER = /(?:^|[.:>])(?:esp)?httpupdate$/i;
/** Arduino client classes that never speak TLS. */
const PLAIN_CLIENT_DECL = /\b(?:WiFiClient|NetworkClient|EthernetClient|WiFiEspClient)\s+([A-Za-z_]\w{0,63})\s*[;,=({]/g;
const HTTP_PORT = 80;

/** Flags Arduino HTTP OTA downloads in the `(client, host, port, uri)` form that use port 80 or a non-TLS client. */
export const httpUpdatePlaintext = defineRule({
  meta: {
    id: 'http-update-plaintext',
    title: 'Arduino HTTP OTA over plain HTTP',
    description: 'Reports httpUpdate / ESPhttpUpdate update(client, host, port, uri) calls that fetch firmware on port 80 or through a client without TLS.',
    category: 'plaintext-protocol',
    severity: 'error',
    cwe: ['CWE-319'],
    practice: 6,
    attack: { ics: ['T0842', 'T0830'], enterprise: ['T1040', 'T1557', 'T1565.002'] },
    languages: ['cpp', 'c'],
    messages: {
      plainPort: "{{callee}}() fetches firmware from {{host}} over plain HTTP (port 80): anyone on the network path can read or replace the image. Use a WiFiClientSecure with the server's CA and port 443.",
      plainClient: "{{callee}}() fetches firmware from {{host}} through '{{client}}', a client without TLS: anyone on the network path can read or replace the image. Use a WiFiClientSecure with the server's CA and port 443.",
    },
    docs: {
      what: 'httpUpdate.update(client, host, port, uri) / ESPhttpUpdate.update(client, host, port, uri) (and the legacy client-less form) with port 80, or with a client declared as WiFiClient / NetworkClient / EthernetClient. URL forms are covered by plaintext-url.',
      why: 'The firmware image and the version query cross the network in the clear: an on-path attacker reads the image and, unless the image is signed, replaces it (ARD-03, X-07).',
      fix: 'Pass a WiFiClientSecure / NetworkClientSecure with setCACert / setTrustAnchors and port 443, and sign the images (Update.installSignature). Loopback and documentation hosts are info.',
      references: ['ARD-03', 'X-07', 'T-06', 'esp8266/Arduino libraries/ESP8266httpUpdate/src/ESP8266httpUpdate.h', 'espressif/arduino-esp32 libraries/HTTPUpdate/src/HTTPUpdate.h'],
    },
  },
  keywords: ['httpupdate'],
  check(ctx) {
    let plainClients: Set<string> | undefined;
    for (const call of ctx.facts.calls) {
      if (call.name !== 'update' || !call.receiver || !UPDATER_RECEIVER.test(call.receiver)) continue;
      const portIndex = call.args.findIndex((a, i) => i > 0 && resolveNumber(ctx.facts, a.value) !== undefined);
      if (portIndex < 1 || !isHostArg(ctx.facts, call.args[portIndex - 1])) continue;
      const port = resolveNumber(ctx.facts, call.args[portIndex].value);
      const client = portIndex === 2 && call.args[0].value.kind === 'identifier' ? call.args[0].value.text : undefined;
      plainClients ??= declaredPlainClients(ctx.text);
      const plainClient = client !== undefined && plainClients.has(client);
      if (port !== HTTP_PORT && !plainClient) continue;
      const host = resolveString(ctx.facts, call.args[portIndex - 1].value);
      const local = host !== undefined && host !== '' && isLocalOrTrustedHost(host.toLowerCase(), ctx.settings.trustedHosts);
      ctx.report({
        messageId: port === HTTP_PORT ? 'plainPort' : 'plainClient',
        data: { callee: call.callee, host: host ? `'${host}'` : `the host in ${call.args[portIndex - 1].value.text}`, client: client ?? '' },
        range: call.args[portIndex].value.range,
        severity: local ? 'info' : undefined,
      });
    }
  },
});

/** The argument before the port is a host: a string literal or a name (constant / #define / variable), not a URL. */
function isHostArg(facts: Facts, arg: ArgFact): boolean {
  const v = arg.value;
  if (v.kind === 'string') return !String(v.value).includes('://');
  if (v.kind !== 'identifier' && v.kind !== 'call') return false;
  const s = resolveString(facts, v);
  return s === undefined || !s.includes('://');
}

function declaredPlainClients(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(PLAIN_CLIENT_DECL)) out.add(m[1]);
  return out;
}

function resolveNumber(facts: Facts, v: ValueFact): number | undefined {
  if (v.kind === 'number') return typeof v.value === 'number' ? v.value : undefined;
  if (v.kind !== 'identifier') return undefined;
  const def = facts.assignments.find((a) => a.name === v.text && (a.kind === 'define' || a.kind === 'variable'));
  return def?.value.kind === 'number' && typeof def.value.value === 'number' ? def.value.value : undefined;
}

function resolveString(facts: Facts, v: ValueFact): string | undefined {
  const s = stringValue(v);
  if (s !== undefined || v.kind !== 'identifier') return s;
  const def = facts.assignments.find((a) => a.name === v.text && (a.kind === 'define' || a.kind === 'variable'));
  return def ? stringValue(def.value) : undefined;
}
