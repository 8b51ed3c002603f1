import type { CallFact } from '../core/facts';
import { stringValue } from '../core/fact-helpers';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import { eol, lineIndent } from './data/update-edits';
import { UNAUTHENTICATED_OTA_ATTACK } from './data/update-triggers';

const RECEIVER = 'ArduinoOTA';
const PASSWORD_SETTERS: readonly string[] = ['setPassword', 'setPasswordHash'];
/** Keywords after which a new statement line would change control flow (`else\n  ArduinoOTA.begin();`). */
const UNBRACED_KEYWORD = /\b(?:else|do)$/;

/** Flags `ArduinoOTA.begin()` in a file that never sets an OTA password: anyone on the LAN can flash the device. */
export const arduinoOtaNoPassword = defineRule({
  meta: {
    id: 'arduino-ota-no-password',
    title: 'ArduinoOTA started without a password',
    description: 'Flags ArduinoOTA.begin() in files that never call ArduinoOTA.setPassword() or setPasswordHash(), leaving network OTA unauthenticated.',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-306', 'CWE-494'],
    practice: 4,
    attack: UNAUTHENTICATED_OTA_ATTACK,
    languages: ['cpp', 'c'],
    messages: {
      noPassword: 'ArduinoOTA.begin() without ArduinoOTA.setPassword()/setPasswordHash(): anyone on the network can upload firmware to this device (UDP 3232 on ESP32, 8266 on ESP8266).',
      emptyPassword: 'ArduinoOTA.{{setter}}() is given an empty value: the OTA endpoint accepts uploads without authentication.',
    },
    docs: {
      what: 'An ArduinoOTA.begin() call in a sketch or source file with no ArduinoOTA.setPassword(...) / setPasswordHash(...) call (commented-out calls do not count), or a setter called with "".',
      why: 'The ArduinoOTA password defaults to NULL, so espota.py / the Arduino IDE can push any image to the device without a challenge; the image is not signed either.',
      fix: 'Call ArduinoOTA.setPasswordHash(OTA_PASSWORD_HASH) (MD5 of a strong password, defined in a git-ignored secrets.h or build flag) before ArduinoOTA.begin(), and sign the firmware where the core supports it.',
      references: ['ARD-01', 'T-21', 'esp8266/Arduino libraries/ArduinoOTA/ArduinoOTA.h', 'espressif/arduino-esp32 libraries/ArduinoOTA/src/ArduinoOTA.h'],
    },
  },
  keywords: ['arduinoota'],
  check(ctx) {
    const calls = ctx.facts.calls.filter((c) => c.receiver === RECEIVER);
    const setters = calls.filter((c) => PASSWORD_SETTERS.includes(c.name));
    for (const s of setters) {
      const v = s.args[0]?.value;
      if (v && stringValue(v) === '') ctx.report({ messageId: 'emptyPassword', data: { setter: s.name }, range: s.range });
    }
    if (setters.length) return;
    for (const begin of calls.filter((c) => c.name === 'begin')) {
      const suggestion = insertPasswordHash(ctx.text, begin);
      ctx.report({ messageId: 'noPassword', range: begin.range, suggestions: suggestion ? [suggestion] : [] });
    }
  },
});

/** Inserts the setter on its own line above `begin()`; undefined when a new line would change control flow. */
function insertPasswordHash(text: string, begin: CallFact): Fix | undefined {
  const lineStart = text.lastIndexOf('\n', begin.range[0] - 1) + 1;
  // Not offered when begin() shares its line with other code, or is the body of an unbraced if/else/loop.
  if (text.slice(lineStart, begin.range[0]).trim() !== '') return undefined;
  const before = text.slice(Math.max(0, lineStart - 200), lineStart).trimEnd();
  if (before.endsWith(')') || UNBRACED_KEYWORD.test(before)) return undefined;
  const indent = lineIndent(text, begin.range[0]);
  const nl = eol(text);
  return {
    title: 'Set an OTA password hash before ArduinoOTA.begin()',
    edits: [{
      range: [lineStart, lineStart],
      text: `${indent}// define OTA_PASSWORD_HASH (MD5 of the password) in secrets.h${nl}${indent}ArduinoOTA.setPasswordHash(OTA_PASSWORD_HASH);${nl}`,
    }],
  };
}
