import type { KeyValueFact } from '../core/facts';
import { isTruthy, stringValue } from '../core/fact-helpers';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import { eol, lineContentRange } from './data/update-edits';
import { UNAUTHENTICATED_OTA_ATTACK } from './data/update-triggers';

const OTA_FLASH_ACTION = 'ota.http_request.flash';
const SECRET_LINE = '# ota_password: "<set a long random password here>"  # iotsec: uncomment and set; the build fails until ota_password is defined';

/** Flags ESPHome devices whose OTA endpoints accept firmware without a password or web-server auth. */
export const esphomeOtaUnprotected = defineRule({
  meta: {
    id: 'esphome-ota-unprotected',
    title: 'ESPHome OTA without authentication',
    description: 'Flags ESPHome device configs whose native OTA has no password/encryption or whose web server accepts firmware uploads without auth.',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-306', 'CWE-494'],
    practice: 4,
    attack: UNAUTHENTICATED_OTA_ATTACK,
    languages: ['yaml'],
    messages: {
      otaNoPassword: 'ESPHome OTA ({{form}}) has no password or encryption: anyone on the network can upload firmware to this device.',
      webServerNoAuth: 'web_server has no auth: its /update endpoint ({{why}}) lets anyone on the network upload firmware.',
      md5Only: 'ota.http_request.flash checks the image only against an MD5 from md5_url: MD5 from the same server detects corruption, not tampering.',
    },
    docs: {
      what: 'ESPHome device YAML (a file with a top-level esphome: key) with `ota: - platform: esphome` (or the legacy `ota:` map) lacking password/encryption, web_server OTA without auth, or HTTP-request OTA verified only by md5_url.',
      why: 'ESPHome OTA has no image signatures: the only thing between the LAN and the flash is the OTA password (or the API encryption key) and the web server login.',
      fix: 'Add `password: !secret ota_password` (or `encryption:` on newer releases) to the OTA item, `auth:` with !secret credentials to web_server (or `ota: false`), and pin `md5:` from a trusted build or serve over HTTPS.',
      references: ['EH-01', 'EH-05', 'EH-08', 'X-08', 'esphome/esphome esphome/components/esphome/ota/__init__.py', 'esphome/esphome esphome/components/web_server/__init__.py', 'esphome/esphome esphome/components/http_request/ota/__init__.py'],
    },
  },
  keywords: ['ota', 'web_server'],
  check(ctx) {
    const kvs = ctx.facts.keyValues;
    if (!kvs.some((kv) => kv.path.length === 1 && kv.key === 'esphome')) return;
    const at = (...path: string[]): KeyValueFact | undefined => kvs.find((kv) => samePath(kv.path, path));
    const hasAuth = (...path: string[]): boolean => {
      const v = at(...path)?.value;
      return v !== undefined && (v.kind === 'env' || (stringValue(v) ?? '').trim() !== '' || v.kind === 'number');
    };

    const ota = at('ota');
    let webServerPlatform: KeyValueFact | undefined;
    if (ota?.value.kind === 'array') {
      for (let i = 0; i < (ota.value.elements?.length ?? 0); i++) {
        const platform = at('ota', String(i), 'platform');
        const name = platform ? stringValue(platform.value) : undefined;
        if (name === 'web_server') webServerPlatform ??= platform;
        if (name !== 'esphome' || hasAuth('ota', String(i), 'password') || at('ota', String(i), 'encryption')) continue;
        const fix = at('ota', String(i), 'password') ? replacePassword(ctx.text, at('ota', String(i), 'password')!) : addPassword(ctx.text, platform!);
        ctx.report({ messageId: 'otaNoPassword', data: { form: 'platform: esphome' }, range: platform!.range, suggestions: [fix] });
      }
    } else if (ota && (ota.value.kind === 'object' || ota.value.kind === 'null') && !ota.value.tag) {
      // Legacy map form (before ESPHome 2024.6): the map itself configures the native OTA.
      const platform = at('ota', 'platform');
      const legacy = !platform || stringValue(platform.value) === 'esphome';
      if (legacy && !hasAuth('ota', 'password') && !at('ota', 'encryption')) {
        const fix = at('ota', 'password') ? replacePassword(ctx.text, at('ota', 'password')!) : addPassword(ctx.text, ota, kvs);
        ctx.report({ messageId: 'otaNoPassword', data: { form: 'ota:' }, range: ota.keyRange, suggestions: [fix] });
      }
    }

    const web = at('web_server');
    if (web && !at('web_server', 'auth')) {
      // Only where the developer explicitly turns web OTA on (a line of its own). A bare `web_server:`
      // without auth (web OTA on by default for Arduino builds) is one weakness, an open web UI,
      // reported once at `web_server:` by unauthenticated-service.
      const flag = at('web_server', 'ota');
      if (webServerPlatform) {
        ctx.report({ messageId: 'webServerNoAuth', data: { why: 'enabled by `ota: - platform: web_server`' }, range: webServerPlatform.range });
      } else if (flag && isTruthy(flag.value)) {
        ctx.report({ messageId: 'webServerNoAuth', data: { why: 'enabled by `ota: true`' }, range: flag.range });
      }
    }

    for (const kv of kvs) {
      if (kv.key === 'md5_url' && kv.path.includes(OTA_FLASH_ACTION) && !kvs.some((o) => o.key === 'md5' && samePath(o.path.slice(0, -1), kv.path.slice(0, -1)))) {
        ctx.report({ messageId: 'md5Only', range: kv.range, severity: 'info' });
      }
    }
  },
});

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Replaces an empty `password:` value with the secrets.yaml reference. */
function replacePassword(text: string, password: KeyValueFact): Fix {
  // Rewrite `password: ""` / `password:` (null) from the key on, whatever the empty value's range is.
  const colon = text.indexOf(':', password.keyRange[1]);
  const end = Math.max(password.value.range[1], colon + 1);
  return {
    title: 'Protect OTA with `password: !secret ota_password`',
    edits: [{ range: [password.keyRange[0], end], text: 'password: !secret ota_password' }],
    fileEdits: [{ path: 'secrets.yaml', append: `${SECRET_LINE}\n`, unlessContains: 'ota_password:' }],
  };
}

/** Inserts `password: !secret ota_password` under the OTA item and adds the key to secrets.yaml. */
function addPassword(text: string, anchor: KeyValueFact, kvs?: readonly KeyValueFact[]): Fix {
  const nl = eol(text);
  const [lineStart, lineEnd] = lineContentRange(text, anchor.keyRange[0]);
  let column = anchor.keyRange[0] - lineStart;
  if (kvs) {
    // Legacy `ota:` map: align with its first child, else indent two spaces under the key.
    const child = kvs.find((kv) => kv.path.length === 2 && kv.path[0] === 'ota');
    column = child ? child.keyRange[0] - text.lastIndexOf('\n', child.keyRange[0] - 1) - 1 : column + 2;
  }
  return {
    title: 'Protect OTA with `password: !secret ota_password`',
    edits: [{ range: [lineEnd, lineEnd], text: `${nl}${' '.repeat(column)}password: !secret ota_password` }],
    fileEdits: [{ path: 'secrets.yaml', append: `${SECRET_LINE}\n`, unlessContains: 'ota_password:' }],
  };
}
