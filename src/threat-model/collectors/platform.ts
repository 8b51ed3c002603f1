/**
 * Boards, frameworks and packages: `platformio.ini` `[env:x] board/platform/framework`, sdkconfig
 * `CONFIG_IDF_TARGET`, Zephyr `prj.conf`, ESPHome `esphome: name` + `esp32: board`, and the IoT
 * packages of a Node.js gateway's `package.json`.
 */
import type { Collector } from '../../core/rule';
import { KCONFIG_LINE_KEYWORDS } from '../../rules/data/device-kconfig';
import { SIG } from '../signals';
import { isOwnOutput } from '../signals';
import { lowerBase, MENDER_CONF_KEYWORD, scalarText } from './common';

/** npm packages that mark a Node.js project as an IoT gateway / cloud client. */
const GATEWAY_PACKAGES = new Set([
  'mqtt', 'async-mqtt', 'aws-iot-device-sdk', 'aws-iot-device-sdk-v2', 'aws-crt', '@aws-sdk/client-iot', '@aws-sdk/client-iot-data-plane',
  'azure-iot-device', 'azure-iot-device-mqtt', 'azure-iot-device-amqp', 'azure-iot-device-http', 'azure-iothub', 'coap', 'node-coap-client',
  'modbus-serial', 'node-red', 'mosca', 'aedes', 'zigbee-herdsman', 'serialport', 'noble', '@abandonware/noble', 'ws',
]);
const PIO_KEYS = new Set(['board', 'platform', 'framework']);

export const platformCollector: Collector = {
  id: 'tm-platform',
  languages: ['ini', 'kconfig', 'yaml', 'json'],
  // Cheap gate so large YAML/JSON data files are not parsed just for the inventory.
  // Only the keys read below: PlatformIO `board =`, ESPHome `esphome:`/`board:`, sdkconfig/prj.conf
  // `CONFIG_…=` lines, package.json dependencies, RAUC `compatible=`, mender.conf servers.
  keywords: [
    /(?<=(?:^|\n)[ \t]{0,16})(?:board|platform|framework)[ \t]*[=:]/,
    /(?<=^|\n)esphome[ \t]*:/,
    ...KCONFIG_LINE_KEYWORDS,
    /"(?:optional)?[dD]ependencies"\s*:/,
    /(?<=(?:^|\n)[ \t]{0,16})compatible[ \t]*=/,
    MENDER_CONF_KEYWORD,
  ],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    const name = lowerBase(ctx.filePath);
    if (ctx.languageId === 'ini' && name === 'platformio.ini') {
      for (const kv of ctx.facts.keyValues) {
        const section = kv.path[0] ?? '';
        if ((section === 'env' || section.startsWith('env:')) && PIO_KEYS.has(kv.key)) {
          ctx.signal({ kind: SIG.platform, key: kv.key, value: scalarText(kv.value).trim(), range: kv.range });
        }
      }
      return;
    }
    if (ctx.languageId === 'kconfig') {
      if (name === 'prj.conf') ctx.signal({ kind: SIG.platform, key: 'zephyr', value: 'prj.conf', range: [0, 0] });
      for (const kv of ctx.facts.keyValues) {
        if (kv.key === 'CONFIG_IDF_TARGET') ctx.signal({ kind: SIG.platform, key: 'idf-target', value: scalarText(kv.value), range: kv.range });
        if (kv.key === 'CONFIG_BOARD') ctx.signal({ kind: SIG.platform, key: 'board', value: scalarText(kv.value), range: kv.range });
      }
      return;
    }
    if (ctx.languageId === 'yaml') {
      for (const kv of ctx.facts.keyValues) {
        const p = kv.path;
        if (p.length === 2 && p[0] === 'esphome' && p[1] === 'name') ctx.signal({ kind: SIG.platform, key: 'esphome-name', value: scalarText(kv.value), range: kv.range });
        else if (p.length === 2 && /^(esp32|esp8266|rp2040|bk72xx|rtl87xx|nrf52|libretiny)$/.test(p[0]) && p[1] === 'board') {
          ctx.signal({ kind: SIG.platform, key: 'board', value: scalarText(kv.value), range: kv.range });
          ctx.signal({ kind: SIG.platform, key: 'platform', value: p[0], range: kv.keyRange });
        } else if (p.length === 3 && p[0] === 'esp32' && p[1] === 'framework' && p[2] === 'type') {
          ctx.signal({ kind: SIG.platform, key: 'framework', value: scalarText(kv.value), range: kv.range });
        }
      }
      return;
    }
    // Embedded Linux images updated by RAUC (system.conf `[system] compatible=`) or Mender (mender.conf).
    if (ctx.languageId === 'ini' && name === 'system.conf') {
      const compatible = ctx.facts.keyValues.find((kv) => kv.path[0] === 'system' && kv.key === 'compatible');
      if (compatible) {
        ctx.signal({ kind: SIG.platform, key: 'os', value: 'linux', range: compatible.range });
        ctx.signal({ kind: SIG.platform, key: 'updater', value: 'rauc', range: compatible.range });
      }
      return;
    }
    if (ctx.languageId === 'json' && name === 'mender.conf') {
      const first = ctx.facts.keyValues[0];
      if (first) {
        ctx.signal({ kind: SIG.platform, key: 'os', value: 'linux', range: first.range });
        ctx.signal({ kind: SIG.platform, key: 'updater', value: 'mender', range: first.range });
      }
      return;
    }
    if (ctx.languageId === 'json' && name === 'package.json') {
      for (const kv of ctx.facts.keyValues) {
        if (kv.path.length === 1 && kv.key === 'name' && kv.value.kind === 'string') {
          ctx.signal({ kind: SIG.platform, key: 'package-name', value: scalarText(kv.value), range: kv.range });
        }
        if (kv.path.length === 2 && (kv.path[0] === 'dependencies' || kv.path[0] === 'optionalDependencies') && GATEWAY_PACKAGES.has(kv.key)) {
          ctx.signal({ kind: SIG.platform, key: 'gateway-dep', value: kv.key, range: kv.range });
        }
      }
    }
  },
};
