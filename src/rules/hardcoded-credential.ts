import type { AssignmentFact, KeyValueFact, Range, ValueFact } from '../core/facts';
import type { RelatedLocation } from '../core/finding';
import { defineRule, type RuleContext } from '../core/rule';
import { CREDENTIAL_KEYWORDS } from './data/credential-keywords';
import { credentialArgs } from './data/secret-calls';
import { esphomeSecretName, isUncommittedSecretStore, moveSecretSuggestions, yamlFlavor, type SecretSite } from './data/secret-moves';
import { isScalarWord, judgeCredential, type CredentialVerdict } from './data/secret-names';
import { isKnownToken } from './data/token-formats';

const MANIFESTS = new Set(['yaml', 'json', 'ini', 'kconfig', 'dotenv', 'libconfig']);

/** A literal value bound to a name, from an assignment (code) or a key/value entry (manifest). */
interface Binding {
  name: string;
  value: ValueFact;
  assignment?: AssignmentFact;
  entry?: KeyValueFact;
}

function bindings(ctx: RuleContext): Binding[] {
  const out: Binding[] = ctx.facts.assignments.map((a) => ({ name: a.name, value: a.value, assignment: a }));
  // Kconfig source: `config DOORBELL_STREAM_TOKEN … default "…"` is keyed [symbol, 'default']; the symbol names it.
  for (const kv of ctx.facts.keyValues) out.push({ name: isKconfigDefault(ctx, kv) ? kv.path[0] : kv.key, value: kv.value, entry: kv });
  return out;
}

function isKconfigDefault(ctx: RuleContext, kv: KeyValueFact): boolean {
  return ctx.languageId === 'kconfig' && kv.path.length === 2 && kv.key === 'default';
}

/** Keys another hardcoded-secret rule owns (ESPHome EH-02 paths), so one value is reported once. */
function ownedElsewhere(b: Binding, esphome: boolean): boolean {
  return esphome && b.entry !== undefined && esphomeSecretName(b.entry.path) !== undefined;
}

/** Calls in this file that pass the bound name where a credential is expected (for related locations). */
function usesOf(ctx: RuleContext, name: string): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const call of ctx.facts.calls) {
    for (const { spec, arg } of credentialArgs(call, ctx.languageId)) {
      if (arg.value.kind === 'identifier' && arg.value.text === name) out.push({ range: call.range, message: `Used as the ${spec.what} here.` });
    }
  }
  return out;
}

function report(ctx: RuleContext, b: Binding, value: string, verdict: CredentialVerdict): void {
  const range: Range = b.value.range;
  const site: SecretSite = { range, value, name: b.entry ? b.entry.path.join('.') : b.name, entry: b.entry };
  // The directive without a trailing comment, which stays in place.
  if (b.assignment?.kind === 'define') site.define = { name: b.name, range: [b.assignment.range[0], b.value.range[1]] };
  const related = b.assignment ? usesOf(ctx, b.name) : [];
  const messageId = verdict.isSample ? 'sampleSecret' : verdict.isDefault ? 'defaultCredential' : 'hardcoded';
  ctx.report({
    messageId,
    data: { name: b.entry ? b.entry.path.join('.') : b.assignment?.target ?? b.name },
    range,
    severity: verdict.isSample ? 'warning' : verdict.strength === 'weak' ? 'warning' : undefined,
    secret: value,
    suggestions: moveSecretSuggestions(ctx, site),
    ...(related.length ? { related } : {}),
  });
}

/** Flags string literals bound to credential-like names in code and manifests. */
export const hardcodedCredential = defineRule({
  meta: {
    id: 'hardcoded-credential',
    title: 'Hard-coded credential',
    description: 'Reports passwords, tokens and keys written as literals and bound to credential-like names in code or manifests.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-798', 'CWE-259', 'CWE-1392', 'CWE-1393'],
    practice: 3,
    attack: { ics: ['T0891', 'T0812'], enterprise: ['T1552.001', 'T1078.001'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'kconfig', 'dotenv', 'libconfig'],
    messages: {
      hardcoded: "'{{name}}' holds a hard-coded credential: it ships in every firmware image and leaks with the repository (CWE-798).",
      defaultCredential: "'{{name}}' is set to a well-known default credential: anyone can log in with it (CWE-1392/CWE-1393).",
      sampleSecret: "'{{name}}' holds a secret published in vendor examples: replace it with a per-device credential (CWE-798).",
    },
    docs: {
      what: 'A password, token, PSK or API key is written as a literal next to a credential-like name: a variable, `#define`, struct initializer (`.password = "…"`), dict key, object property, or a manifest key (sdkconfig `CONFIG_*_PASSWORD`, a Kconfig source `default` of a credential-named `config` symbol, Mender `TenantToken`, Home Assistant `password:`, `.env`).',
      why: 'Literals end up in every build and in version control; anyone with the repository or a firmware dump gets the credential, and usually it is the same on every device (ETSI EN 303 645 5.4-3).',
      fix: 'Load the secret at run time (NVS with encryption, provisioning, environment) or at least keep it in a git-ignored secrets file: the suggestion moves it to secrets.h, .env, secrets.yaml or a local Kconfig overlay.',
      references: ['IDF-CR-01', 'IDF-CR-02', 'IDF-CR-04', 'ZEP-13', 'ZEP-16', 'MEN-04', 'SWU-07', 'RHU-02', 'Z2M-05', 'HA-02', 'TAS-01', 'TAS-04', 'AWS-04', 'ARD-10'],
    },
  },
  keywords: CREDENTIAL_KEYWORDS,
  check(ctx) {
    if (isUncommittedSecretStore(ctx)) return; // secrets.h / secrets.yaml / an ignored .env are where secrets belong
    const manifest = MANIFESTS.has(ctx.languageId);
    const esphome = ctx.languageId === 'yaml' && yamlFlavor(ctx.facts, ctx.filePath) === 'esphome';
    const seen = new Set<number>();
    for (const b of bindings(ctx)) {
      if (b.value.kind !== 'string' || typeof b.value.value !== 'string' || seen.has(b.value.range[0])) continue;
      const value = b.value.value;
      if (manifest && b.value.text === b.value.value && isScalarWord(value)) continue;
      if (ownedElsewhere(b, esphome) || isKnownToken(value, b.name)) continue;
      const verdict = judgeCredential(b.name, value, ctx.settings.placeholderWords);
      if (!verdict) continue;
      seen.add(b.value.range[0]);
      report(ctx, b, value, verdict);
    }
  },
});
