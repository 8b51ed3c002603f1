import type { KeyValueFact } from '../core/facts';
import { isFalsy } from '../core/fact-helpers';
import { defineRule } from '../core/rule';
import { insertYamlChild } from './data/device-services';
import { PLAINTEXT_ATTACK } from './data/transport-schemes';

const KEY_LINES = ['encryption:', '  key: !secret api_encryption_key'];
const SECRET = 'api_encryption_key: "<32-byte base64 key from: openssl rand -base64 32>"\n';

/** Flags ESPHome devices whose native API runs without the Noise encryption key. */
export const esphomeApiPlaintext = defineRule({
  meta: {
    id: 'esphome-api-plaintext',
    title: 'ESPHome native API without encryption',
    description: 'An ESPHome device enables the native API without `encryption:`, so the control channel to Home Assistant is plaintext and unauthenticated on the LAN.',
    category: 'plaintext-protocol',
    severity: 'warning',
    cwe: ['CWE-319', 'CWE-306'],
    practice: 6,
    attack: PLAINTEXT_ATTACK,
    languages: ['yaml'],
    messages: {
      plain: 'ESPHome native API has no encryption key: commands and states cross the LAN in plaintext and any client can connect.',
      legacyPassword: 'ESPHome native API relies on the legacy password (deprecated in 2022, removed in 2026.1): traffic stays plaintext; use encryption: key: instead.',
    },
    docs: {
      what: 'A device YAML (top-level `esphome:`) with `api:` but no `api.encryption` — including the legacy `api: password:` form.',
      why: 'Without the Noise encryption key the native API (port 6053) carries commands and sensor states in plaintext and lets any LAN client control the device; the legacy password was sent in the clear and is gone since ESPHome 2026.1 (CWE-319, CWE-306).',
      fix: 'Add `encryption: key: !secret api_encryption_key` (a 32-byte base64 key, e.g. `openssl rand -base64 32`) under `api:` and remove `password:`.',
      references: ['EH-03', 'F3', 'esphome/esphome esphome/components/api/__init__.py'],
    },
  },
  keywords: ['api'],
  check(ctx) {
    const kvs = ctx.facts.keyValues;
    const at = (...path: string[]): KeyValueFact | undefined => kvs.find((kv) => kv.path.length === path.length && kv.path.every((p, i) => p === path[i]));
    if (!at('esphome')) return;
    const api = at('api');
    // `api: !include …` is resolved elsewhere; `api: false` disables it.
    if (!api || api.value.tag || (api.value.kind === 'boolean' && isFalsy(api.value)) || at('api', 'encryption')) return;
    if (at('api', 'password')) {
      ctx.report({ messageId: 'legacyPassword', range: api.keyRange });
      return;
    }
    ctx.report({ messageId: 'plain', range: api.keyRange, suggestions: insertYamlChild(ctx.text, kvs, api, KEY_LINES, 'Add encryption: key: !secret api_encryption_key', SECRET) });
  },
});
