import { defineRule } from '../core/rule';
import { esphomeSecretName, isUncommittedSecretStore, yamlFlavor, yamlMove } from './data/secret-moves';
import { isDefaultCredential, nonSecretReason } from './data/secret-names';

/**
 * Flags ESPHome secrets written as plain scalars instead of `!secret`. This is the ESPHome branch of
 * hardcoded-credential: that rule skips the keys listed here in ESPHome documents, so each value is
 * reported once, with ESPHome's own wording and `secrets.yaml` names.
 */
export const esphomeLiteralSecret = defineRule({
  meta: {
    id: 'esphome-literal-secret',
    title: 'ESPHome secret not in secrets.yaml',
    description: 'Reports ESPHome Wi-Fi, fallback AP, OTA, API encryption, web server and MQTT secrets written as literals instead of !secret references.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-798', 'CWE-321'],
    practice: 3,
    attack: { ics: ['T0891'], enterprise: ['T1552.001'] },
    languages: ['yaml'],
    messages: {
      literalSecret: "'{{path}}' is a literal: use '!secret {{secret}}' so the value stays in the git-ignored secrets.yaml (CWE-798).",
      literalApiKey: "'{{path}}' (the native API encryption key) is a literal: anyone with the YAML can control the device; use '!secret {{secret}}' (CWE-321).",
    },
    docs: {
      what: 'An ESPHome device YAML sets `wifi.password`, `wifi.ap.password`, `wifi.networks[].password`, `ota[].password`, `api.encryption.key`, `web_server.auth.password` or `mqtt.password` to a plain value instead of `!secret <name>`.',
      why: 'Device YAML is usually shared and committed (dashboards, GitHub); the values unlock the Wi-Fi, the OTA upload port and the encrypted native API of every device built from it.',
      fix: 'Move the value to `secrets.yaml` (git-ignored) and reference it with `!secret <name>`; the suggestion does both.',
      references: ['EH-02', 'esphome/yaml_util.py', 'esphome/components/api/__init__.py', 'esphome/components/esphome/ota/__init__.py'],
    },
  },
  keywords: ['password', 'key'],
  check(ctx) {
    if (isUncommittedSecretStore(ctx) || yamlFlavor(ctx.facts, ctx.filePath) !== 'esphome') return;
    for (const kv of ctx.facts.keyValues) {
      const secret = esphomeSecretName(kv.path);
      const v = kv.value;
      if (!secret || v.kind !== 'string' || typeof v.value !== 'string') continue;
      if (!isDefaultCredential(v.value) && nonSecretReason(v.value, kv.key, ctx.settings.placeholderWords)) continue;
      const path = kv.path.join('.');
      ctx.report({
        messageId: secret === 'api_encryption_key' ? 'literalApiKey' : 'literalSecret',
        data: { path, secret },
        range: v.range,
        secret: v.value,
        suggestions: [yamlMove('esphome', { range: v.range, value: v.value, name: path, entry: kv }, secret)],
      });
    }
  },
});
