import type { CallFact } from '../core/facts';
import { defineRule } from '../core/rule';
import { UNAUTHENTICATED_OTA_ATTACK } from './data/update-triggers';

// An upload route whose path names a firmware update.
const UPDATE_PATH = /update|ota|firmware|flash|upload/i;
const ROUTE_CALLS = new Set(['on', 'onFileUpload']);
// Arduino Updater entry points that install the uploaded image.
const UPDATER_CALLS = new Set(['begin', 'write']);
const UPDATER_RECEIVER = /^Update$/;
// Authentication (web server login) or an image signature check makes the endpoint acceptable.
const AUTH_CALLS = new Set(['authenticate', 'requestAuthentication', 'setAuthentication', 'setAuth', 'checkAuth', 'installSignature']);
// Update-server libraries: credentials are the 3rd/4th arguments of setup(), or of ElegantOTA.begin().
const UPDATE_SERVER_SETUP = /^(?:httpUpdater|httpUpdateServer|updateServer|updater)$/i;
const ELEGANT = /^(?:ElegantOTA|AsyncElegantOTA)$/;

/** Flags Arduino web firmware-upload endpoints (Update.begin behind a web route, HTTPUpdateServer, ElegantOTA) with no authentication. */
export const webOtaUnauthenticated = defineRule({
  meta: {
    id: 'web-ota-unauthenticated',
    title: 'Unauthenticated web firmware upload',
    description: 'Reports Arduino web servers that accept firmware uploads (Update.begin in an upload route, HTTPUpdateServer.setup, ElegantOTA.begin) without any authentication or image signature check.',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-306', 'CWE-494'],
    practice: 4,
    attack: UNAUTHENTICATED_OTA_ATTACK,
    languages: ['c', 'cpp'],
    messages: {
      uploadRoute: "Update.{{call}}() installs a firmware image uploaded through the web route '{{route}}', and nothing checks a login or an image signature: anyone on the network can flash their own firmware.",
      updateServer: '{{callee}}() serves a firmware upload page without a user name and password: anyone on the network can flash their own firmware.',
    },
    docs: {
      what: 'A sketch whose web server route (server.on("/update", …) / onFileUpload) feeds an upload into Update.begin()/Update.write() while the file never calls authenticate()/requestAuthentication()/setAuthentication() nor Update.installSignature(); HTTPUpdateServer setup(&server) and ElegantOTA.begin(&server) without credentials.',
      why: 'The update page accepts any image: whoever reaches the device (LAN, port forward, the setup access point) installs persistent firmware of their choice (X-08).',
      fix: 'Require a login before accepting the upload (if (!server.authenticate(user, pass)) return server.requestAuthentication();, httpUpdater.setup(&server, path, user, pass), ElegantOTA.begin(&server, user, pass)) with a per-device password, and sign images (Update.installSignature).',
      references: ['X-08', 'ARD-05', 'ARD-06', 'espressif/arduino-esp32 libraries/WebServer/src/WebServer.h', 'esp8266/Arduino libraries/ESP8266HTTPUpdateServer/src/ESP8266HTTPUpdateServer.h', 'ayushsharma82/ElegantOTA src/ElegantOTA.h'],
    },
  },
  keywords: ['update.begin', 'update.write', 'elegantota', 'httpupdater', 'updateserver'],
  check(ctx) {
    const calls = ctx.facts.calls;
    if (calls.some((c) => AUTH_CALLS.has(c.name))) return;
    for (const c of calls) {
      if (c.name === 'setup' && c.receiver && UPDATE_SERVER_SETUP.test(c.receiver) && c.args.length < 3) {
        ctx.report({ messageId: 'updateServer', data: { callee: c.callee }, range: c.range });
      } else if (c.name === 'begin' && c.receiver && ELEGANT.test(c.receiver) && c.args.length < 3) {
        ctx.report({ messageId: 'updateServer', data: { callee: c.callee }, range: c.range });
      }
    }
    const route = calls.find((c) => ROUTE_CALLS.has(c.name) && c.receiver !== undefined && routePath(c) !== undefined);
    if (!route) return;
    const install = calls.find((c) => c.name === 'begin' && c.receiver !== undefined && UPDATER_RECEIVER.test(c.receiver))
      ?? calls.find((c) => UPDATER_CALLS.has(c.name) && c.receiver !== undefined && UPDATER_RECEIVER.test(c.receiver));
    if (!install) return;
    ctx.report({ messageId: 'uploadRoute', data: { call: install.name, route: routePath(route)! }, range: install.range });
  },
});

function routePath(c: CallFact): string | undefined {
  const first = c.args[0]?.value;
  if (c.name === 'onFileUpload') return '(file upload)';
  const path = first?.kind === 'string' && typeof first.value === 'string' ? first.value : undefined;
  return path !== undefined && UPDATE_PATH.test(path) ? path : undefined;
}
