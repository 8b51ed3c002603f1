import type { Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';
import { PLAINTEXT_ATTACK } from './data/transport-schemes';

// Arduino network client classes without TLS, and the secure class to suggest (none = no drop-in).
const PLAIN_CLIENTS: Readonly<Record<string, string | undefined>> = {
  WiFiClient: 'WiFiClientSecure',
  NetworkClient: 'NetworkClientSecure',
  EthernetClient: undefined,
  WiFiEspClient: undefined,
  TinyGsmClient: 'TinyGsmClientSecure',
  GSMClient: undefined,
};
// Declarations are matched on text: C++ parses `PubSubClient client(espClient);` as a function
// declaration, and facts carry no declared types. Comments and strings are excluded by range.
const CLIENT_DECL = /\b(WiFiClient|NetworkClient|EthernetClient|WiFiEspClient|TinyGsmClient|GSMClient)(?:\s+|\s*\*\s*)([A-Za-z_]\w{0,63})\s{0,8}[;=({[,]/g;
// MQTT client constructions that take the network client: PubSubClient(…), MqttClient(…), Adafruit_MQTT_Client(&c, …).
const MQTT_DECL = /\b(PubSubClient|MqttClient|Adafruit_MQTT_Client)\b\s*(?:\*\s*)?(?:[A-Za-z_]\w*\s*)?[({]([^;(){}]{0,200})[)}]/g;
const MQTT_CTORS = new Set(['PubSubClient', 'MqttClient', 'Adafruit_MQTT_Client']);
// 256dpi arduino-mqtt: `MQTTClient client; … client.begin("broker", net);`
const LWMQTT_DECL = /\bMQTTClient\s+([A-Za-z_]\w*)/g;
const ARG_NAME = /^[&*\s]*([A-Za-z_]\w*)\s*$/;
// ArduinoMqttClient: `MqttClient mqttClient(net); … mqttClient.connect(broker, port);`
const ARDUINO_MQTT_DECL = /\bMqttClient\s+([A-Za-z_]\w*)/g;
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
const PLAINTEXT_PORT = 1883;

interface Decl { type: string; name: string; typeRange: Range; range: Range }

/**
 * Flags Arduino MQTT clients (PubSubClient, ArduinoMqttClient, Adafruit MQTT) built on a plain, non-TLS network client.
 *
 * One weakness, one finding: a plain client talking to port 1883 is the same plaintext MQTT session
 * that `mqtt-plaintext-port` reports at the port (a literal `1883`, or the `#define MQTT_PORT 1883`
 * in a config header). So this rule stays silent when the broker port given to the client
 * (`setServer(host, port)`, the constructor's port, `begin(host, port, net)`, `connect(host, port)`)
 * is plaintext-port evidence: the literal 1883, a `*PORT*` constant defined here as 1883, or an
 * UPPER_SNAKE constant defined in another file (where the port rule sees its value). It reports when
 * the port is a run-time value (settings, user input), a constant defined here with another value,
 * or not visible at all — cases where no port finding exists.
 */
export const mqttPlainClient = defineRule({
  meta: {
    id: 'mqtt-plain-client',
    title: 'MQTT client on a plain WiFiClient',
    description: 'Reports Arduino MQTT clients constructed on WiFiClient/EthernetClient instead of a TLS client such as WiFiClientSecure.',
    category: 'plaintext-protocol',
    severity: 'warning',
    cwe: ['CWE-319', 'CWE-523'],
    practice: 6,
    attack: PLAINTEXT_ATTACK,
    languages: ['c', 'cpp'],
    messages: {
      plainClient: "MQTT client '{{mqtt}}' runs over '{{client}}' ({{type}}), which has no TLS: broker credentials and messages are sent in the clear.",
    },
    docs: {
      what: 'A PubSubClient / MqttClient / Adafruit_MQTT_Client is given a WiFiClient, EthernetClient or another client class without TLS.',
      why: 'The MQTT session, including the CONNECT username and password, is plaintext on the Wi-Fi and the internet.',
      fix: 'Declare the network client as WiFiClientSecure (NetworkClientSecure on arduino-esp32 3.x), call setCACert(root_ca) with the broker CA, and connect to port 8883.',
      references: ['ARD-08', 'TLS-03', 'espressif/arduino-esp32 libraries/NetworkClientSecure/src/NetworkClientSecure.h', 'knolleary/pubsubclient'],
    },
  },
  keywords: ['pubsubclient', 'mqttclient', 'adafruit_mqtt_client'],
  check(ctx) {
    const skip = [...ctx.facts.comments.map((c) => c.range), ...ctx.facts.strings.map((s) => s.range)];
    const inSkip = (at: number): boolean => skip.some(([s, e]) => at >= s && at < e);
    const decls = new Map<string, Decl>();
    for (const m of ctx.text.matchAll(CLIENT_DECL)) {
      if (inSkip(m.index!) || decls.has(m[2])) continue;
      decls.set(m[2], { type: m[1], name: m[2], typeRange: [m.index!, m.index! + m[1].length], range: [m.index!, m.index! + m[0].length - 1] });
    }
    if (!decls.size) return;
    const uses: Array<{ mqtt: string; arg: string; range: Range }> = [];
    for (const m of ctx.text.matchAll(MQTT_DECL)) {
      if (inSkip(m.index!)) continue;
      const argsStart = m.index! + m[0].length - 1 - m[2].length;
      let offset = argsStart;
      for (const part of m[2].split(',')) {
        const a = ARG_NAME.exec(part);
        if (a) uses.push({ mqtt: m[1], arg: a[1], range: [offset + part.indexOf(a[1]), offset + part.indexOf(a[1]) + a[1].length] });
        offset += part.length + 1;
      }
    }
    const lwmqtt = new Set([...ctx.text.matchAll(LWMQTT_DECL)].map((m) => m[1]));
    for (const c of ctx.facts.calls) {
      const isCtor = MQTT_CTORS.has(c.name) && !c.receiver;
      if (!isCtor && c.name !== 'setClient' && !(c.name === 'begin' && c.receiver && lwmqtt.has(c.receiver))) continue;
      for (const arg of c.args) {
        const a = ARG_NAME.exec(arg.value.text);
        if (a && arg.value.kind !== 'string') uses.push({ mqtt: isCtor ? c.name : c.callee, arg: a[1], range: [arg.value.range[1] - a[1].length, arg.value.range[1]] });
      }
    }
    if (portReportedElsewhere(ctx, lwmqtt, inSkip)) return;
    const seen = new Set<number>();
    for (const u of uses) {
      const d = decls.get(u.arg);
      if (!d || seen.has(u.range[0])) continue;
      seen.add(u.range[0]);
      ctx.report({
        messageId: 'plainClient',
        data: { mqtt: u.mqtt, client: d.name, type: d.type },
        range: u.range,
        related: [{ range: d.range, message: `'${d.name}' is declared as a plain ${d.type} here.` }],
        suggestions: suggest(ctx, d),
      });
    }
  },
});

/** The broker-port arguments (source text) given to MQTT clients in this file. */
function portArgs(ctx: RuleContext, lwmqtt: ReadonlySet<string>, inSkip: (at: number) => boolean): string[] {
  const arduinoMqtt = new Set([...ctx.text.matchAll(ARDUINO_MQTT_DECL)].map((m) => m[1]));
  const out: Array<string | undefined> = [];
  for (const c of ctx.facts.calls) {
    const positional = c.args.filter((a) => a.name === undefined).map((a) => a.value.text);
    if (c.name === 'setServer' && c.receiver) out.push(positional[1]);
    else if (c.name === 'begin' && c.receiver && lwmqtt.has(c.receiver) && positional.length >= 3) out.push(positional[1]);
    else if (c.name === 'connect' && c.receiver && arduinoMqtt.has(c.receiver) && positional.length >= 2) out.push(positional[1]);
  }
  // Constructors are read from the text: C++ parses `PubSubClient client(server, 1883, cb, net);` as a declaration.
  for (const m of ctx.text.matchAll(MQTT_DECL)) {
    if (inSkip(m.index!)) continue;
    const args = m[2].split(',').map((a) => a.trim());
    if (m[1] === 'PubSubClient' && args.length >= 3) out.push(args[1]);
    else if (m[1] === 'Adafruit_MQTT_Client') out.push(args[2]);
  }
  return out.filter((t): t is string => t !== undefined);
}

/** True when the client's broker port is plaintext-port evidence that mqtt-plaintext-port reports (see the rule comment). */
function portReportedElsewhere(ctx: RuleContext, lwmqtt: ReadonlySet<string>, inSkip: (at: number) => boolean): boolean {
  return portArgs(ctx, lwmqtt, inSkip).some((text) => {
    if (/^\d+$/.test(text)) return Number(text) === PLAINTEXT_PORT;
    const def = ctx.facts.assignments.filter((a) => a.name === text || a.target === text).pop();
    if (!def) return CONSTANT_NAME.test(text);
    return def.value.kind === 'number' && Number(def.value.value) === PLAINTEXT_PORT && def.name.toLowerCase().includes('port');
  });
}

/** A suggestion, not a fix: the sketch must also provide the broker's CA certificate and port 8883. */
function suggest(ctx: RuleContext, d: Decl): Fix[] {
  const secure = PLAIN_CLIENTS[d.type];
  if (!secure) return []; // no drop-in TLS class for this transport (e.g. EthernetClient needs SSLClient)
  const lineEnd = ctx.text.indexOf('\n', d.range[1]);
  const at = lineEnd < 0 ? ctx.text.length : lineEnd;
  const note = `\n// TODO: in setup(), before connecting: ${d.name}.setCACert(root_ca); // root_ca = the broker's CA certificate (PEM), use port 8883`;
  return [{ title: `Use ${secure} with setCACert(root_ca)`, edits: [{ range: d.typeRange, text: secure }, { range: [at, at], text: note }] }];
}
