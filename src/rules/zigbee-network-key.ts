import type { ValueFact } from '../core/facts';
import { defineRule } from '../core/rule';
import { isUncommittedSecretStore, yamlMove } from './data/secret-moves';

/** Zigbee2MQTT's built-in network key (`lib/util/settings.ts` default), known to every sniffer. */
const DEFAULT_KEY = [1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13];

function keyBytes(v: ValueFact): number[] | undefined {
  if (v.kind !== 'array' || v.elements?.length !== 16) return undefined;
  const bytes = v.elements.map((e) => (e.kind === 'number' && typeof e.value === 'number' ? e.value : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

/** Flags a Zigbee2MQTT network key committed as a literal array, and the well-known default key. */
export const zigbeeNetworkKey = defineRule({
  meta: {
    id: 'zigbee-network-key',
    title: 'Zigbee network key in configuration',
    description: 'Reports a Zigbee2MQTT advanced.network_key written as a literal array, and the well-known default key.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-321', 'CWE-1394'],
    practice: 3,
    attack: { ics: ['T0891'], enterprise: ['T1552.001'] },
    languages: ['yaml'],
    messages: {
      defaultKey: 'advanced.network_key is the well-known Zigbee2MQTT default key: anyone in radio range can decrypt and inject Zigbee traffic (CWE-1394).',
      literalKey: "advanced.network_key is committed as a literal: use '!secret network_key' so the key stays in the git-ignored secret.yaml (CWE-321).",
    },
    docs: {
      what: 'Zigbee2MQTT `advanced.network_key` is a literal 16-byte array in `configuration.yaml`, or equals the built-in default `[1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 13]`. `GENERATE` and `!secret network_key` are fine.',
      why: 'The network key encrypts every Zigbee frame of the network; with it, anyone in radio range can sniff sensor data, inject commands to locks and relays, and join rogue devices.',
      fix: 'For a new network use `network_key: GENERATE`; for an existing one move the key to `secret.yaml` and reference it as `\'!secret network_key\'`. Replacing a default key requires re-pairing all devices.',
      references: ['Z2M-01', 'Z2M-02', 'zigbee2mqtt lib/util/settings.ts', 'zigbee2mqtt lib/util/settings.schema.json'],
    },
  },
  keywords: ['network_key'],
  check(ctx) {
    if (isUncommittedSecretStore(ctx)) return;
    for (const kv of ctx.facts.keyValues) {
      if (kv.key !== 'network_key' || kv.path.length !== 2 || kv.path[0] !== 'advanced') continue;
      const bytes = keyBytes(kv.value);
      if (!bytes || bytes.every((b) => b === bytes[0])) continue;
      const isDefault = bytes.every((b, i) => b === DEFAULT_KEY[i]);
      const raw = ctx.text.slice(kv.value.range[0], kv.value.range[1]).trimEnd(); // block sequences end after the newline
      const range = [kv.value.range[0], kv.value.range[0] + raw.length] as const;
      ctx.report({
        messageId: isDefault ? 'defaultKey' : 'literalKey',
        range,
        secret: raw,
        // The default key is public: moving it to secret.yaml would hide it, not fix it.
        suggestions: isDefault
          ? [{ title: 'Replace with GENERATE (new networks only: existing devices must be re-paired)', edits: [{ range, text: 'GENERATE' }] }]
          : [{ ...yamlMove('zigbee2mqtt', { range, value: raw, name: 'network_key', entry: kv }, 'network_key'), fileEdits: [{ path: 'secret.yaml', append: `network_key: ${raw}\n`, unlessContains: 'network_key:' }, { path: '.gitignore', append: 'secret.yaml\n', unlessContains: 'secret.yaml' }] }],
      });
    }
  },
});
