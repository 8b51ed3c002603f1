import type { KeyValueFact } from '../core/facts';
import { isFalsy, isTruthy, stringValue } from '../core/fact-helpers';
import type { RuleContext } from '../core/rule';
import { defineRule } from '../core/rule';
import { ANY_NETWORK, insertYamlChild, isLoopbackBind } from './data/device-services';


/** Flags IoT configs that expose an admin or control interface without authentication. */
export const unauthenticatedService = defineRule({
  meta: {
    id: 'unauthenticated-service',
    title: 'Service exposed without authentication',
    description: 'A broker, hub or device config exposes a control interface without authentication: anonymous Mosquitto, Zigbee2MQTT frontend without auth_token, ESPHome web server without auth or open fallback AP, Home Assistant bypass login, Tasmota without web password or with an open AP, Node-RED editor with full anonymous permissions.',
    category: 'exposed-service',
    severity: 'warning',
    cwe: ['CWE-306', 'CWE-1188', 'CWE-668'],
    practice: 7,
    attack: { ics: ['T0822', 'T0886', 'T0883'], enterprise: ['T1133', 'T1021', 'T1190'] },
    languages: ['yaml', 'ini', 'c', 'cpp', 'javascript'],
    messages: {
      mosquittoAnonymous: 'allow_anonymous true lets any client publish and subscribe without credentials{{where}}.',
      z2mFrontend: 'Zigbee2MQTT frontend is enabled without auth_token: anyone who reaches it can pair devices, run Zigbee OTA updates and change the configuration.',
      esphomeWebServer: 'ESPHome web_server has no auth: anyone on the network can operate the device\'s switches and settings (and upload firmware where web OTA is on).',
      esphomeOpenAp: 'ESPHome fallback hotspot (wifi: ap:) has no password: anyone nearby can join it and reconfigure the device through the captive portal.',
      haBypassLogin: 'trusted_networks with allow_bypass_login: true skips the Home Assistant login for every client in {{networks}}.',
      tasmotaWeb: 'WEB_PASSWORD is empty: the Tasmota web UI (configuration, console, firmware upgrade) has no login.',
      tasmotaAp: 'WIFI_AP_PASSPHRASE is empty: the Tasmota setup access point is open to anyone nearby.',
      nodeRedAnonymous: 'Node-RED adminAuth default gives anonymous users {{permissions}} permissions: anyone who reaches the editor can deploy flows (exec and function nodes run code on the host) without logging in.',
    },
    docs: {
      what: 'Mosquitto `allow_anonymous true` (loopback-only listeners are info); Zigbee2MQTT `frontend` enabled without `auth_token` on a non-loopback host; ESPHome `web_server:` without `auth:` and `wifi: ap:` without a password; Home Assistant `trusted_networks` with `allow_bypass_login: true`; Tasmota `WEB_PASSWORD ""` and `WIFI_AP_PASSPHRASE ""`; Node-RED `settings.js` `adminAuth.default.permissions` of `"*"` or a write scope (anonymous editor access; `uiHost` on loopback is info).',
      why: 'Each of these is a control interface — publish/subscribe to device topics, pair and update Zigbee devices, switch relays, reconfigure Wi-Fi, reflash — reachable by anyone on the network or in radio range without a credential (CWE-306, CWE-1188).',
      fix: 'Require authentication: Mosquitto `allow_anonymous false` with `password_file` or client certificates; Z2M `auth_token: \'!secret frontend_token\'`; ESPHome `web_server: auth:` and an AP password; drop `allow_bypass_login`; set Tasmota passwords at run time (not committed); Node-RED `default: { permissions: "read" }` or no `default` at all.',
      references: ['F2', 'Z2M-06', 'EH-07', 'EH-08', 'HA-01', 'TAS-02', 'TAS-04', 'home-assistant/core homeassistant/auth/providers/trusted_networks.py', 'arendst/Tasmota tasmota/my_user_config.h', 'node-red/node-red packages/node_modules/node-red/settings.js', 'node-red/node-red packages/node_modules/@node-red/editor-api/lib/auth/permissions.js'],
    },
  },
  keywords: ['allow_anonymous', 'frontend', 'web_server', 'ap:', 'allow_bypass_login', 'web_password', 'wifi_ap_passphrase', 'adminauth'],
  check(ctx) {
    if (ctx.languageId === 'ini') checkMosquitto(ctx);
    else if (ctx.languageId === 'yaml') checkYaml(ctx);
    else if (ctx.languageId === 'javascript') checkNodeRed(ctx);
    else checkTasmota(ctx);
  },
});

function checkMosquitto(ctx: RuleContext): void {
  const top = ctx.facts.keyValues.filter((kv) => kv.path.length === 2 && kv.path[0] === '');
  const perListener = top.some((kv) => kv.key === 'per_listener_settings' && isTruthy(kv.value));
  const listeners = top.filter((kv) => kv.key === 'listener');
  const hostOf = (kv: KeyValueFact): string | undefined => String(kv.value.value ?? '').trim().split(/\s+/)[1];
  const local = (kv: KeyValueFact): boolean => { const h = hostOf(kv); return h !== undefined && isLoopbackBind(h); };
  const anon = top.filter((kv) => kv.key === 'allow_anonymous');
  // Without per_listener_settings the last allow_anonymous is global; with it, each applies to the listener above it.
  for (const kv of perListener ? anon : anon.slice(-1)) {
    if (!isTruthy(kv.value)) continue;
    const scope = perListener ? listeners.filter((l) => l.range[0] < kv.range[0]).slice(-1) : listeners;
    const where = scope.length === 1 ? ` on listener ${String(scope[0].value.value)}` : '';
    const onlyLocal = scope.length > 0 && scope.every(local);
    ctx.report({
      messageId: 'mosquittoAnonymous', data: { where }, range: kv.range, severity: onlyLocal ? 'info' : undefined,
      // A suggestion: clients keep failing until a password_file or certificates exist.
      suggestions: [{ title: 'Use allow_anonymous false', edits: [{ range: kv.value.range, text: 'false' }] }],
    });
  }
}

function checkYaml(ctx: RuleContext): void {
  const kvs = ctx.facts.keyValues;
  const at = (...path: string[]): KeyValueFact | undefined => kvs.find((kv) => kv.path.length === path.length && kv.path.every((p, i) => p === path[i]));
  const has = (...path: string[]): boolean => {
    const v = at(...path)?.value;
    return v !== undefined && (v.kind === 'env' || v.kind === 'object' || (stringValue(v) ?? String(v.value ?? '')).trim() !== '');
  };
  const roots = new Set(kvs.filter((kv) => kv.path.length === 1).map((kv) => kv.key));
  if (roots.has('esphome')) {
    const web = at('web_server');
    if (web && !web.value.tag && !at('web_server', 'auth')) {
      ctx.report({ messageId: 'esphomeWebServer', range: web.keyRange, suggestions: insertYamlChild(ctx.text, kvs, web, ['auth:', '  username: !secret web_username', '  password: !secret web_password'], 'Add auth: with !secret credentials', 'web_username: "<user name>"\nweb_password: "<long random password>"\n') });
    }
    const ap = at('wifi', 'ap');
    if (ap && !ap.value.tag && !has('wifi', 'ap', 'password')) {
      ctx.report({ messageId: 'esphomeOpenAp', range: ap.keyRange, suggestions: insertYamlChild(ctx.text, kvs, ap, ['password: !secret fallback_ap_password'], 'Add password: !secret fallback_ap_password', 'fallback_ap_password: "<at least 8 characters>"\n') });
    }
    return;
  }
  const frontend = at('frontend');
  if (frontend && (roots.has('serial') || roots.has('permit_join') || at('mqtt', 'base_topic'))) {
    const enabled = frontend.value.kind === 'boolean' ? isTruthy(frontend.value) : frontend.value.kind === 'object' && !isFalsy(at('frontend', 'enabled')?.value ?? { kind: 'boolean', value: true, text: 'true', range: [0, 0] });
    const host = stringValue(at('frontend', 'host')?.value ?? { kind: 'null', text: '', range: [0, 0] });
    if (enabled && !has('frontend', 'auth_token') && !(host && isLoopbackBind(host))) {
      ctx.report({ messageId: 'z2mFrontend', range: frontend.keyRange, suggestions: insertYamlChild(ctx.text, kvs, frontend, ["auth_token: '!secret frontend_token'"], "Add auth_token: '!secret frontend_token'", 'frontend_token: "<long random token>"\n', 'secret.yaml') });
    }
  }
  for (const kv of kvs) {
    if (kv.key !== 'allow_bypass_login' || !isTruthy(kv.value) || kv.path[kv.path.length - 3] !== 'auth_providers') continue;
    const base = kv.path.slice(0, -1);
    if (stringValue(at(...base, 'type')?.value ?? kv.value) !== 'trusted_networks') continue;
    const nets = kvs.filter((n) => n.path.length === base.length + 2 && n.path[base.length] === 'trusted_networks').map((n) => String(n.value.value ?? ''));
    const severity = nets.some((n) => ANY_NETWORK.has(n)) ? 'error' : nets.length > 0 && nets.every(isLoopbackBind) ? 'info' : undefined;
    ctx.report({ messageId: 'haBypassLogin', data: { networks: nets.length ? nets.join(', ') : 'the trusted networks' }, range: kv.range, severity, suggestions: [{ title: 'Use allow_bypass_login: false', edits: [{ range: kv.value.range, text: 'false' }] }] });
  }
}

/** Node-RED `adminAuth: { default: { permissions: "*" } }`: what anonymous editor users may do (`"read"` is read-only). */
function checkNodeRed(ctx: RuleContext): void {
  const uiHost = ctx.facts.assignments.find((a) => a.name === 'uiHost' && a.path.length === 0);
  const local = uiHost !== undefined && isLoopbackBind(stringValue(uiHost.value) ?? '');
  for (const a of ctx.facts.assignments) {
    if (a.name !== 'permissions' || a.path.length < 2 || a.path[a.path.length - 1] !== 'default' || a.path[a.path.length - 2] !== 'adminAuth') continue;
    const scopes = a.value.kind === 'array' ? (a.value.elements ?? []).map((e) => stringValue(e)) : [stringValue(a.value)];
    const writes = scopes.filter((p): p is string => p !== undefined && (p === '*' || p === 'write' || p.endsWith('.write')));
    if (!writes.length) continue;
    const full = writes.includes('*');
    ctx.report({
      messageId: 'nodeRedAnonymous', data: { permissions: full ? 'full ("*")' : `write (${writes.join(', ')})` }, range: a.range, severity: local ? 'info' : undefined,
      // A suggestion: anonymous users who relied on editing must log in afterwards.
      suggestions: [{ title: 'Give anonymous users read-only access', edits: [{ range: a.value.range, text: '"read"' }] }],
    });
  }
}

function checkTasmota(ctx: RuleContext): void {
  for (const a of ctx.facts.assignments) {
    if (a.kind !== 'define' || a.value.kind !== 'string' || a.value.value !== '') continue;
    if (a.name === 'WEB_PASSWORD') ctx.report({ messageId: 'tasmotaWeb', range: a.range });
    else if (a.name === 'WIFI_AP_PASSPHRASE') ctx.report({ messageId: 'tasmotaAp', range: a.range });
  }
}
