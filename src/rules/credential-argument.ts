import type { ArgFact, AssignmentFact, CallFact } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule, type RuleContext } from '../core/rule';
import { COPY_CALLS, credentialArgs } from './data/secret-calls';
import { moveSecretSuggestions } from './data/secret-moves';
import { credentialStrength, isDefaultCredential, judgeCredential, nonSecretReason } from './data/secret-names';
import { isKnownToken } from './data/token-formats';

/** A literal credential: not a placeholder, path, env reference or format string. */
function secretLiteral(ctx: RuleContext, arg: ArgFact): string | undefined {
  const v = arg.value;
  if (v.kind !== 'string' || typeof v.value !== 'string') return undefined;
  if (isDefaultCredential(v.value)) return v.value;
  return nonSecretReason(v.value, '', ctx.settings.placeholderWords) ? undefined : v.value;
}

function bindingOf(ctx: RuleContext, name: string): AssignmentFact | undefined {
  return ctx.facts.assignments.filter((a) => (a.name === name || a.target === name) && a.value.kind === 'string').pop();
}

function suggestions(ctx: RuleContext, range: readonly [number, number], value: string, envName: string, a?: AssignmentFact): Fix[] {
  const define = a?.kind === 'define' ? { name: a.name, range: [a.range[0], a.value.range[1]] as const } : undefined;
  return moveSecretSuggestions(ctx, a ? { range, value, name: a.name, define } : { range, value, name: envName, macro: envName });
}

function reportArg(ctx: RuleContext, call: CallFact, arg: ArgFact, what: string, envName: string): void {
  if (arg.value.kind === 'identifier') {
    // `WiFi.begin(ssid, pass)` with `const char *pass = "…"` in the same file: report at the literal.
    const a = bindingOf(ctx, arg.value.text);
    if (!a || typeof a.value.value !== 'string') return;
    if (judgeCredential(a.name, a.value.value, ctx.settings.placeholderWords) || isKnownToken(a.value.value, a.name)) return; // hardcoded-credential / cloud-token report it
    const value = secretLiteral(ctx, { value: a.value });
    if (!value) return;
    ctx.report({
      messageId: isDefaultCredential(value) ? 'defaultCredential' : 'literalViaName',
      data: { what, callee: call.callee, name: a.name },
      range: a.value.range,
      secret: value,
      suggestions: suggestions(ctx, a.value.range, value, envName, a),
      related: [{ range: call.range, message: `Passed to ${call.callee}() as the ${what} here.` }],
    });
    return;
  }
  const value = secretLiteral(ctx, arg);
  if (!value) return;
  ctx.report({
    messageId: isDefaultCredential(value) ? 'defaultCredential' : 'literal',
    data: { what, callee: call.callee, name: envName },
    range: arg.value.range,
    secret: value,
    suggestions: suggestions(ctx, arg.value.range, value, envName),
  });
}

/** Python keyword arguments named like a credential (`ssh.connect(host, password="…")`), beyond the table. */
function kwargCredentials(ctx: RuleContext, call: CallFact, handled: Set<ArgFact>): void {
  for (const arg of call.args) {
    if (!arg.name || handled.has(arg) || arg.value.kind !== 'string' || typeof arg.value.value !== 'string') continue;
    if (credentialStrength(arg.name) !== 'strong' || isKnownToken(arg.value.value, arg.name)) continue;
    const verdict = judgeCredential(arg.name, arg.value.value, ctx.settings.placeholderWords);
    if (verdict) reportArg(ctx, call, arg, `'${arg.name}' argument`, arg.name.toUpperCase());
  }
}

/** Flags literal credentials passed to Wi-Fi, MQTT, OTA, HTTP and cloud-provisioning APIs. */
export const credentialArgument = defineRule({
  meta: {
    id: 'credential-argument',
    title: 'Literal credential passed to an API',
    description: 'Reports literal passwords, keys and tokens passed in the credential position of Wi-Fi, MQTT, OTA, HTTP and cloud provisioning calls.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-798', 'CWE-259', 'CWE-1392'],
    practice: 3,
    attack: { ics: ['T0891', 'T0812'], enterprise: ['T1552.001', 'T1078.001'] },
    languages: ['c', 'cpp', 'python'],
    messages: {
      literal: 'The {{what}} passed to {{callee}}() is a hard-coded literal (CWE-798); read it from a git-ignored {{name}} setting or provisioning instead.',
      literalViaName: "'{{name}}' is a hard-coded {{what}} passed to {{callee}}() (CWE-798).",
      defaultCredential: 'The {{what}} passed to {{callee}}() is a well-known default credential (CWE-1392).',
    },
    docs: {
      what: 'A literal is passed where an API expects a secret: `WiFi.begin(ssid, "…")`, `WiFiMulti.addAP`, `WiFi.softAP`, PubSubClient `connect(id, user, "…")`, paho `username_pw_set`, umqtt `MQTTClient(password=…)`, MicroPython `wlan.connect(ssid, "…")`, `esp_http_client_set_password`, `ArduinoOTA.setPassword`/`setPasswordHash`, Azure DPS symmetric keys, the ESP-IDF provisioning proof-of-possession (`wifi_prov_mgr_start_provisioning(sec, "…", …)`), `Blynk.begin("token", …)`, C `strlcpy(cfg.password, "…")`.',
      why: 'The secret is compiled into every image and committed with the source; one dump or clone exposes every device that shares it.',
      fix: 'Keep the value out of source: a git-ignored secrets.h / .env, build flags from the environment, or per-device provisioning (NVS, WiFiManager, Improv).',
      references: ['ARD-02', 'ARD-10', 'IDF-CR-02', 'AZ-03', 'arduino-esp32 libraries/ArduinoOTA/src/ArduinoOTA.h', 'paho.mqtt.python src/paho/mqtt/client.py'],
    },
  },
  keywords: [/begin\s*\(/i, /connect\s*\(/i, 'addap', 'softap', 'pw_set', 'password', 'setcredentials', 'setauth', 'authenticate', 'symmetric', /blynk\s*\.\s*config/i, 'writefield', 'basicauth', 'digestauth', /cpy\s*\(\s*[\w.>\-[\]]*(?:pass|pwd|psk|key|secret|token|auth)/i, 'token', 'secret', 'pwd', 'psk', 'passwd', 'start_provisioning'],
  check(ctx) {
    for (const call of ctx.facts.calls) {
      const credentials = credentialArgs(call, ctx.languageId);
      for (const { spec, arg } of credentials) {
        if (arg.value.kind === 'string' && isKnownToken(String(arg.value.value))) continue; // cloud-token reports self-identifying formats
        reportArg(ctx, call, arg, spec.what, spec.envName);
      }
      if (ctx.languageId === 'python') kwargCredentials(ctx, call, new Set(credentials.map((c) => c.arg)));
      if (COPY_CALLS.has(call.name) && call.args.length >= 2 && call.args[0].value.kind !== 'string') {
        const dest = call.args[0].value.text.replace(/^\(\s*(?:const\s+)?(?:unsigned\s+)?char\s*\*\s*\)\s*/, '');
        const last = dest.split(/\.|->/).pop() ?? dest;
        if (credentialStrength(last) === 'strong') reportArg(ctx, call, call.args[1], `'${last}' buffer`, last.toUpperCase());
      }
    }
  },
});
