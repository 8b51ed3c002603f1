/**
 * Update channels: ArduinoOTA, esp_https_ota, HTTPUpdate, Update, ESPHome `ota:`, MCUboot/mcumgr,
 * Mender, SWUpdate, RAUC, FreeRTOS OTA — plus their authentication/signing evidence in code.
 * Kconfig signing/rollback state is published by the kconfig security collector.
 */
import type { Collector } from '../../core/rule';
import { SIG, isOwnOutput, signalMitigation } from '../signals';
import { CODE_LANGUAGES, lowerBase, MENDER_CONF_KEYWORD } from './common';

/** Callee (full or last segment) → update mechanism. */
const OTA_CALLS: ReadonlyArray<[RegExp, string]> = [
  [/^ArduinoOTA\.(begin|handle)$/, 'arduino-ota'],
  [/^(esp_https_ota|esp_https_ota_begin)$/, 'esp-https-ota'],
  [/^esp_ota_begin$/, 'esp-ota'],
  [/^(httpUpdate|ESPhttpUpdate|HTTPUpdate)\.(update|updateSpiffs|updateFS)$/, 'http-update'],
  [/^(Update)\.(begin|writeStream)$/, 'arduino-update'],
  [/^(ElegantOTA|AsyncElegantOTA)\.begin$/, 'elegant-ota'],
  [/^(OTA_Init|OTA_AgentInit|OTA_AgentInit_internal|otaAgentInit)$/, 'freertos-ota'],
  [/^(img_mgmt_register_group|os_mgmt_register_group|smp_bt_register|mcumgr_.*)$/, 'mcumgr'],
  [/^(ota\.(start|update)|ota_update|OTAUpdater|ota\.OTA)$/, 'ota'],
];

export const updateCollector: Collector = {
  id: 'tm-updates',
  languages: [...CODE_LANGUAGES, 'yaml', 'json', 'ini'],
  // The calls and keys collect() reads (bare `ota` / `update` are in `quota`, `rotate` and every UI file).
  keywords: [
    /\bArduinoOTA\s*\.\s*(?:begin|handle|setPassword)/,
    /\besp_(?:https_ota(?:_begin)?|ota_begin|secure_boot_verify_(?:signature|sbv2_signature_block))\s*\(/,
    /\b(?:httpUpdate|ESPhttpUpdate|HTTPUpdate)\s*\.\s*update/,
    /\bUpdate\.(?:begin|writeStream|installSignature)\b/,
    /\b(?:Async)?ElegantOTA\s*\.\s*begin\b/,
    /\b(?:OTA_Init|OTA_AgentInit|otaAgentInit)\w*\s*\(/,
    /\b(?:img_mgmt_register_group|os_mgmt_register_group|smp_bt_register|mcumgr_)/,
    /\bota\.(?:start|update|OTA)\b|\bota_update\s*\(|\bOTAUpdater\b/,
    // ESPHome `ota:`, PlatformIO espota, RAUC system.conf, mender.conf (known by name: see MENDER_CONF_KEYWORD)
    /(?<=(?:^|\n)["']?)ota["']?[ \t]*:/,
    /upload_protocol[ \t]*=\s*[^\n]*espota/i,
    '[keyring]', 'min-bundle-version',
    MENDER_CONF_KEYWORD,
  ],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    const name = lowerBase(ctx.filePath);
    const seen = new Set<string>();
    for (const call of ctx.facts.calls) {
      const mech = OTA_CALLS.find(([re]) => re.test(call.callee))?.[1];
      if (mech && !seen.has(mech)) {
        seen.add(mech);
        ctx.signal({ kind: SIG.update, key: mech, value: `${call.callee}()`, range: call.range });
      }
      if (call.callee === 'ArduinoOTA.setPasswordHash') signalMitigation(ctx, 'ota-password-hash', 'ArduinoOTA.setPasswordHash(…)', call.range);
      else if (call.callee === 'ArduinoOTA.setPassword') signalMitigation(ctx, 'ota-password', 'ArduinoOTA.setPassword(…)', call.range);
      else if (call.callee === 'Update.installSignature') signalMitigation(ctx, 'update-signature', 'Update.installSignature(…)', call.range);
      else if (/^(esp_https_ota_get_img_desc|esp_secure_boot_verify_signature|esp_secure_boot_verify_sbv2_signature_block)$/.test(call.callee)) {
        if (call.name.includes('verify')) signalMitigation(ctx, 'update-signature', `${call.callee}(…)`, call.range);
      }
    }
    if (ctx.languageId === 'yaml') {
      for (const kv of ctx.facts.keyValues) {
        const p = kv.path;
        if (p[0] !== 'ota') continue;
        if (!seen.has('esphome-ota') && (p.length <= 3)) {
          seen.add('esphome-ota');
          ctx.signal({ kind: SIG.update, key: 'esphome-ota', value: 'ota:', range: kv.range });
        }
        if (p[p.length - 1] === 'password') signalMitigation(ctx, 'ota-password', 'ota: password', kv.range);
      }
    }
    if (ctx.languageId === 'ini') {
      for (const kv of ctx.facts.keyValues) {
        if (kv.key === 'upload_protocol' && /espota/i.test(String(kv.value.value ?? kv.value.text))) {
          ctx.signal({ kind: SIG.update, key: 'arduino-ota', value: 'upload_protocol = espota', range: kv.range });
        }
        if (name === 'system.conf' && kv.path[0] === 'keyring') {
          if (!seen.has('rauc')) { seen.add('rauc'); ctx.signal({ kind: SIG.update, key: 'rauc', value: '[keyring]', range: kv.range }); }
          if (kv.key === 'path') signalMitigation(ctx, 'rauc-keyring', 'RAUC [keyring] path', kv.range);
        }
        if (name === 'system.conf' && kv.path[0] === 'system' && kv.key === 'min-bundle-version' && String(kv.value.value ?? kv.value.text).trim()) {
          signalMitigation(ctx, 'anti-rollback', `RAUC min-bundle-version=${String(kv.value.value ?? kv.value.text).trim().slice(0, 40)}`, kv.range);
        }
      }
    }
    if (ctx.languageId === 'json' && name === 'mender.conf') {
      const first = ctx.facts.keyValues[0];
      if (first) ctx.signal({ kind: SIG.update, key: 'mender', value: 'mender.conf', range: first.range });
      const verify = ctx.facts.keyValues.find((kv) => kv.key === 'ArtifactVerifyKey' || kv.key === 'ArtifactVerifyKeys');
      if (verify) signalMitigation(ctx, 'mender-verify-key', 'mender.conf ArtifactVerifyKey', verify.range);
    }
  },
};
