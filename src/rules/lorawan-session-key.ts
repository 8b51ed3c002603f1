import type { Range, ValueFact } from '../core/facts';
import { defineRule, type RuleContext } from '../core/rule';
import { isUncommittedSecretStore, moveSecretSuggestions } from './data/secret-moves';
import { isLoraKeyName } from './data/secret-names';

const HEX_KEY = /^(?:0x)?[0-9a-fA-F]{32}$/;
const SEPARATORS = /[\s:,-]+|0x/g;
const UNHEX_CALLS = /(?:^|\.)(?:unhexlify|fromhex|from|a2b_hex|hexToBytes|fromHex)$/;

/** LoRaWAN key kind for messages: session keys vs root keys. */
function kindOf(name: string): string {
  const n = name.toLowerCase().replace(/[^a-z]/g, '');
  return /(?:app|nwk)s(?:ession)?key|sintkey|senckey/.test(n) ? 'session key' : 'root key (AppKey/NwkKey)';
}

/** 16 key bytes from a hex string or a byte array, or undefined (wrong size, all equal = placeholder). */
function keyBytes(ctx: RuleContext, v: ValueFact): number[] | undefined {
  let bytes: number[] | undefined;
  if (v.kind === 'string' && typeof v.value === 'string') {
    const hex = v.value.replace(SEPARATORS, '');
    if (HEX_KEY.test(hex)) bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
  } else if (v.kind === 'array' && v.elements?.length === 16 && v.elements.every((e) => e.kind === 'number' && typeof e.value === 'number')) {
    bytes = v.elements.map((e) => Number(e.value));
  } else if (v.kind === 'call') {
    // MicroPython / Node: `ubinascii.unhexlify('…')`, `bytes.fromhex('…')`, `Buffer.from('…', 'hex')`.
    const call = ctx.facts.calls.find((c) => c.range[0] === v.range[0] && c.range[1] === v.range[1]);
    const arg = call && UNHEX_CALLS.test(call.callee) ? call.args[0]?.value : undefined;
    return arg ? keyBytes(ctx, arg) : undefined;
  }
  if (!bytes || bytes.length !== 16 || bytes.some((b) => !(b >= 0 && b <= 255))) return undefined;
  return bytes.every((b) => b === bytes![0]) ? undefined : bytes;
}

/** Flags LoRaWAN AppKey / NwkKey / AppSKey / NwkSKey values written into code or config. */
export const lorawanSessionKey = defineRule({
  meta: {
    id: 'lorawan-session-key',
    title: 'Hard-coded LoRaWAN key',
    description: 'Reports LoRaWAN AppKey, NwkKey, AppSKey and NwkSKey values written as byte arrays or hex strings in code or configuration.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-321', 'CWE-798'],
    practice: 3,
    attack: { ics: ['T0891'], enterprise: ['T1552.001'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json'],
    messages: {
      loraKey: "'{{name}}' is a hard-coded LoRaWAN {{kind}}: anyone with the source can join as this device or decrypt its traffic (CWE-321).",
    },
    docs: {
      what: 'A LoRaWAN AppKey/NwkKey (OTAA root keys) or AppSKey/NwkSKey (ABP session keys) is written into a sketch (`static const u1_t PROGMEM APPKEY[16] = {…}`, LMIC `os_getDevKey`), a Zephyr `LORAWAN_APP_KEY` define, a MicroPython `unhexlify(\'…\')` or a device YAML/JSON. DevEUI, AppEUI/JoinEUI and DevAddr are identifiers, not secrets, and all-zero or all-equal arrays are placeholders.',
      why: 'The AppKey derives every session key; with it an attacker can impersonate the device, forge uplinks and read application payloads. ABP session keys are static for the device\'s life.',
      fix: 'Keep keys out of the repository (git-ignored secrets header / provisioning), prefer OTAA with keys in a secure element (e.g. ATECC608 / LR1110 crypto engine), and rotate keys that were committed.',
      references: ['mcci-catena/arduino-lmic examples/ttn-otaa/ttn-otaa.ino (os_getDevKey)', 'zephyr samples/subsys/lorawan/class_a/src/main.c (LORAWAN_APP_KEY)'],
    },
  },
  keywords: ['appkey', 'app_key', 'nwkkey', 'nwk_key', 'appskey', 'nwkskey', 'app_s_key', 'nwk_s_key', 'sessionkey', 'session_key', 'sintkey', 'senckey'],
  check(ctx) {
    if (isUncommittedSecretStore(ctx)) return;
    const seen = new Set<number>();
    const candidates: Array<{ name: string; value: ValueFact; define?: { name: string; range: Range } }> = [
      ...ctx.facts.assignments.map((a) => ({ name: a.name, value: a.value, define: a.kind === 'define' ? { name: a.name, range: [a.range[0], a.value.range[1]] as const } : undefined })),
      ...ctx.facts.keyValues.map((kv) => ({ name: kv.key, value: kv.value })),
    ];
    for (const c of candidates) {
      if (!isLoraKeyName(c.name) || seen.has(c.value.range[0])) continue;
      const bytes = keyBytes(ctx, c.value);
      if (!bytes) continue;
      seen.add(c.value.range[0]);
      // The secret as it appears in the source, so the engine can mask it in the evidence.
      const secret = c.value.kind === 'string' ? String(c.value.value) : ctx.text.slice(c.value.range[0], c.value.range[1]);
      const movable = c.value.kind === 'string' || c.define !== undefined;
      ctx.report({
        messageId: 'loraKey',
        data: { name: c.name, kind: kindOf(c.name) },
        range: c.value.range,
        secret,
        suggestions: movable ? moveSecretSuggestions(ctx, { range: c.value.range, value: String(c.value.value ?? ''), name: c.name, define: c.define }) : [],
      });
    }
  },
});
