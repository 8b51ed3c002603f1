import type { Range, ValueFact } from '../core/facts';
import { defineRule, type RuleContext } from '../core/rule';
import { isUncommittedSecretStore } from './data/secret-moves';
import { credentialStrength, isSampleSecret } from './data/secret-names';
import { findTokens, hintedToken, parseAzureConnectionString, SERVICE_POLICIES } from './data/token-formats';

interface Literal {
  value: string;
  range: Range;
  innerRange: Range;
  /** Name the literal is bound to, when it is an assignment / manifest value. */
  name?: string;
}

const AWS_SECRET = /^[A-Za-z0-9/+]{40}$/;

function literals(ctx: RuleContext): Literal[] {
  const out: Literal[] = [];
  const names = new Map<number, string>();
  const bind = (name: string, v: ValueFact): void => {
    if (v.kind === 'string') names.set(v.range[0], name);
  };
  for (const a of ctx.facts.assignments) bind(a.name, a.value);
  for (const kv of ctx.facts.keyValues) bind(kv.key, kv.value);
  const seen = new Set<number>();
  for (const s of ctx.facts.strings) {
    if (s.kind === 'comment' || seen.has(s.range[0])) continue;
    seen.add(s.range[0]);
    out.push({ value: s.value, range: s.range, innerRange: s.innerRange, name: names.get(s.range[0]) });
  }
  for (const kv of ctx.facts.keyValues) {
    const v = kv.value;
    if (v.kind !== 'string' || typeof v.value !== 'string' || seen.has(v.range[0])) continue;
    seen.add(v.range[0]);
    out.push({ value: v.value, range: v.range, innerRange: v.innerRange ?? v.range, name: kv.key });
  }
  return out;
}

/**
 * Range of `text` at `index` within a literal: exact when the source has no escapes; otherwise where
 * the token occurs verbatim in the source (YAML block scalars lose their indentation in `value`,
 * so a token on the fourth line of `key: |` is reported on that line, not on the key line).
 */
function subRange(ctx: RuleContext, lit: Literal, index: number, length: number): Range {
  const raw = ctx.text.slice(lit.innerRange[0], lit.innerRange[1]);
  if (raw === lit.value) return [lit.innerRange[0] + index, lit.innerRange[0] + index + length];
  const at = raw.indexOf(lit.value.slice(index, index + length));
  return at >= 0 ? [lit.innerRange[0] + at, lit.innerRange[0] + at + length] : lit.range;
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function checkAzure(ctx: RuleContext, lit: Literal): void {
  const az = parseAzureConnectionString(lit.value);
  if (!az) return;
  const service = az.policy !== undefined && SERVICE_POLICIES.has(az.policy.toLowerCase());
  const sample = isSampleSecret(az.secret);
  ctx.report({
    messageId: sample ? 'sampleSecret' : service ? 'azureServiceKey' : 'azureConnectionString',
    data: { policy: az.policy ?? '' },
    range: lit.range,
    severity: sample ? 'warning' : undefined,
    secret: az.secret,
  });
}

/** Flags well-known cloud credentials (AWS, Azure IoT, GCP, GitHub, Slack, Blynk, Adafruit IO, JWTs…) in any string. */
export const cloudToken = defineRule({
  meta: {
    id: 'cloud-token',
    title: 'Cloud or service token in source',
    description: 'Reports credentials with a recognisable format (AWS keys, Azure IoT connection strings and SAS tokens, GCP service-account keys, GitHub, Slack, Blynk, ThingSpeak, Adafruit IO, Particle, Telegram, Google API keys, JWTs).',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-798'],
    practice: 3,
    attack: { ics: ['T0891'], enterprise: ['T1552.001', 'T1078.004'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'kconfig', 'dotenv'],
    messages: {
      token: 'This string contains {{label}}: whoever reads the repository or the firmware can use the account (CWE-798).',
      azureConnectionString: 'Azure IoT connection string with an embedded SharedAccessKey/signature: use X.509 or DPS with an HSM/TPM and load secrets at run time (CWE-798).',
      azureServiceKey: "Azure IoT Hub connection string for the service policy '{{policy}}' on a device: it controls the whole hub, not one device (CWE-798).",
      awsSecretKey: 'This looks like the AWS secret access key belonging to the access key id nearby (CWE-798).',
      gcpServiceAccount: 'GCP service-account key file: the private key grants the account\'s cloud permissions to anyone with the file (CWE-798).',
      sampleSecret: 'This key is a sample published in vendor documentation: it is public, replace it with a per-device credential (CWE-798).',
    },
    docs: {
      what: 'A string matches the format of a cloud or service credential: AWS `AKIA…`/`ASIA…` (+ the 40-character secret next to it), Azure `HostName=…;SharedAccessKey=…` or `SharedAccessSignature sr=…&sig=…`, a GCP service-account JSON, GitHub `ghp_`/`github_pat_`, Slack `xox?-`, Adafruit IO `aio_…`, Google `AIza…`, Telegram bot tokens, JWTs, and name-hinted Blynk / ThingSpeak / Particle tokens.',
      why: 'These credentials authenticate devices or developers to a cloud account; committed or compiled in, they allow device impersonation or full account takeover (AZ-02: a hub-owner key controls every device).',
      fix: 'Revoke the credential, then use per-device identities (X.509, DPS with TPM/HSM, AWS IoT fleet provisioning) and load tokens at run time from protected storage or the environment.',
      references: ['AZ-01', 'AZ-02', 'AZ-06', 'azure-iot-sdk-c iothub_client/src/iothub_client_core_ll.c'],
    },
  },
  keywords: ['akia', 'asia', 'sharedaccess', 'service_account', 'blynk', 'thingspeak', 'aio_', 'particle', 'eyj', 'xox', /gh[pousr]_/i, 'github_pat_', 'aiza', /\d:aa/i, 'adafruit', 'api_key', 'apikey', /channel_?(?:api_?)?key/i],
  check(ctx) {
    if (isUncommittedSecretStore(ctx)) return;
    const lits = literals(ctx);
    const awsLines: number[] = [];
    for (const lit of lits) {
      for (const t of findTokens(lit.value)) {
        if (t.format.id === 'aws-access-key-id') awsLines.push(lineOf(ctx.text, lit.range[0]));
        ctx.report({ messageId: 'token', data: { label: t.format.label }, range: subRange(ctx, lit, t.index, t.text.length), secret: t.text });
      }
      checkAzure(ctx, lit);
      const hinted = lit.name ? hintedToken(lit.name, lit.value) : undefined;
      if (hinted) ctx.report({ messageId: 'token', data: { label: hinted.label }, range: lit.range, secret: lit.value });
    }
    if (awsLines.length) {
      for (const lit of lits) {
        const v = lit.value.trim();
        if (!AWS_SECRET.test(v) || !/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v) || /EXAMPLE/.test(v)) continue;
        if (lit.name && credentialStrength(lit.name) === 'strong') continue; // hardcoded-credential reports named secrets
        const line = lineOf(ctx.text, lit.range[0]);
        if (awsLines.some((l) => Math.abs(l - line) <= 5)) ctx.report({ messageId: 'awsSecretKey', range: lit.range, secret: v });
      }
    }
    const type = ctx.facts.keyValues.find((kv) => kv.key === 'type' && kv.value.value === 'service_account');
    const key = type && ctx.facts.keyValues.find((kv) => kv.key === 'private_key' && typeof kv.value.value === 'string' && kv.value.value.includes('PRIVATE KEY'));
    if (key) ctx.report({ messageId: 'gcpServiceAccount', range: key.value.range, secret: String(key.value.value) });
  },
});
