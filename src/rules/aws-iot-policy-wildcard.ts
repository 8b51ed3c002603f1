import type { AssignmentFact, KeyValueFact, Range, ValueFact } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import { ACCOUNT_WILDCARD, IOT_DATA_ACTIONS, RESOURCE_WILDCARDS, THING_NAME_VARIABLE, THING_NAME_VARIABLE_SUB, WILDCARD_ACTIONS } from './data/device-policy';

interface Statement {
  path: string;
  effect?: string;
  actions: KeyValueFact[];
  resources: KeyValueFact[];
}

const CLIENT_STAR = 'client/*';
const SUBSTITUTION = /\$\{[^${}]{0,80}\}/g;
/** A file name mentioning both `iot` and `polic(y)` (plain substring tests: `/iot[^/]*polic|polic[^/]*iot/i` backtracks quadratically). */
function isIotPolicyFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.includes('iot') && lower.includes('polic');
}

/** Paths of CloudFormation `AWS::IoT::Policy` resources: their statements are IoT policies even with `"Action": "*"`. */
function iotPolicyResources(kvs: readonly KeyValueFact[]): string[] {
  return kvs.filter((kv) => kv.key === 'Type' && kv.value.value === 'AWS::IoT::Policy').map((kv) => kv.path.slice(0, -1).join('\u0000') + '\u0000');
}

/** Action/Resource values of each statement, keyed by the statement's path (`Statement.0`, CFN `…PolicyDocument.Statement.1`). */
function statements(kvs: readonly KeyValueFact[]): Statement[] {
  const byPath = new Map<string, Statement>();
  for (const kv of kvs) {
    if (kv.key === 'Effect' && kv.path.includes('Statement')) byPath.set(kv.path.slice(0, -1).join('\u0000'), { path: kv.path.slice(0, -1).join('\u0000'), effect: String(kv.value.value ?? ''), actions: [], resources: [] });
  }
  for (const kv of kvs) {
    if (kv.value.kind !== 'string') continue;
    // Statement.N.Action | Statement.N.Action.I | Statement.N.Resource.I.Fn::Sub | Statement.N.Resource.Fn::Sub
    let p = kv.path;
    if (p[p.length - 1] === 'Fn::Sub') p = p.slice(0, -1);
    if (/^\d+$/.test(p[p.length - 1] ?? '')) p = p.slice(0, -1);
    const field = p[p.length - 1];
    if (field !== 'Action' && field !== 'Resource') continue;
    const st = byPath.get(p.slice(0, -1).join('\u0000'));
    if (st) (field === 'Action' ? st.actions : st.resources).push(kv);
  }
  return [...byPath.values()];
}

const CODE_LANGUAGES = new Set(['python', 'javascript', 'typescript']);
const STATEMENT_FIELDS = new Set(['Effect', 'Action', 'Resource']);

/**
 * Policy documents built in code (TS/JS objects, Python dicts): the `Statement` entries' Effect /
 * Action / Resource properties as keyValues with manifest-like paths (`@<offset>`, Statement, i, field[, j]),
 * so the document rules below read them like JSON.
 */
function codeStatementKeyValues(assignments: readonly AssignmentFact[]): KeyValueFact[] {
  const out: KeyValueFact[] = [];
  const fields = assignments.filter((a) => STATEMENT_FIELDS.has(a.name) && a.path[a.path.length - 1] === 'Statement');
  if (!fields.length) return out;
  for (const st of assignments) {
    if (st.name !== 'Statement') continue;
    const items: ValueFact[] = st.value.kind === 'array' ? (st.value.elements ?? []) : st.value.kind === 'object' ? [st.value] : [];
    items.forEach((item, i) => {
      if (item.kind !== 'object') return;
      const prefix = [`@${st.value.range[0]}`, 'Statement', String(i)];
      for (const f of fields) {
        if (!within(f.range, item.range)) continue;
        const entry = { key: f.name, keyRange: f.nameRange, range: f.range };
        if (f.value.kind === 'array') (f.value.elements ?? []).forEach((el, j) => out.push({ ...entry, path: [...prefix, f.name, String(j)], value: el }));
        else out.push({ ...entry, path: [...prefix, f.name], value: f.value });
      }
    });
  }
  return out;
}

function within(inner: Range, outer: Range): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}

function lower(kv: KeyValueFact): string {
  return String(kv.value.value ?? '').toLowerCase();
}

/** Flags Allow statements of AWS IoT policies with wildcard actions or fleet-wide resources. */
export const awsIotPolicyWildcard = defineRule({
  meta: {
    id: 'aws-iot-policy-wildcard',
    title: 'Overly permissive AWS IoT policy',
    description: 'An AWS IoT policy allows `iot:*`, any resource, any client ID or every thing\'s topics, so one stolen device certificate acts for the whole fleet.',
    category: 'permissive-policy',
    severity: 'warning',
    cwe: ['CWE-732', 'CWE-269'],
    practice: 7,
    attack: { ics: ['T0859', 'T0855', 'T0856'], enterprise: ['T1078.004'] },
    languages: ['json', 'yaml', 'python', 'javascript', 'typescript'],
    messages: {
      wildcardAction: 'Policy allows "{{action}}": every IoT operation, including other devices\' shadows, jobs and topics. List only the actions this device needs.',
      wildcardResource: 'Policy allows {{actions}} on Resource "{{resource}}": any client ID, topic and thing. Scope the resource with ${iot:Connection.Thing.ThingName}.',
      fleetResource: 'Policy resource "{{resource}}" lets a device {{grants}}. Scope it with ${iot:Connection.Thing.ThingName}.',
    },
    docs: {
      what: 'Allow statements in AWS IoT policy documents (JSON, the `PolicyDocument` of a CloudFormation `AWS::IoT::Policy`, or a policy object / dict built in TypeScript, JavaScript or Python code) whose Action is `iot:*` / `*`, or whose Resource is `*` (or `arn:aws:iot:<region>:<account>:*`), `…:client/*`, `…:topic/$aws/things/*`, `…:topicfilter/$aws/things/*`, `…:thing/*` or every topic. Deny statements, `${iot:Connection.Thing.ThingName}`-scoped resources and `iot:Receive`-only statements (compliant per Device Defender) are not reported.',
      why: 'IoT policies are attached to device certificates. A wildcard lets anyone holding one device\'s certificate connect as any other device, read or rewrite every shadow and inject commands fleet-wide (CWE-732); AWS Device Defender rates this Critical.',
      fix: 'Grant only the actions the device uses, on `client/${iot:Connection.Thing.ThingName}`, `topic/$aws/things/${iot:Connection.Thing.ThingName}/*` and the device\'s own topics; add the condition `iot:Connection.Thing.IsAttached: "true"`.',
      references: ['AWS-06', 'T-19', 'F9', 'awsdocs/aws-iot-docs doc_source/audit-chk-iot-policy-permissive.md'],
    },
  },
  keywords: ['iot:', 'statement'],
  check(ctx) {
    const cfn = iotPolicyResources(ctx.facts.keyValues);
    const iotFile = isIotPolicyFileName(ctx.filePath.slice(ctx.filePath.lastIndexOf('/') + 1));
    const kvs = CODE_LANGUAGES.has(ctx.languageId) ? codeStatementKeyValues(ctx.facts.assignments) : ctx.facts.keyValues;
    for (const st of statements(kvs)) {
      if (st.effect !== 'Allow') continue;
      const actions = st.actions.map(lower);
      const isIot = iotFile || cfn.some((prefix) => st.path.startsWith(prefix))
        || actions.some((a) => a.startsWith('iot:')) || st.resources.some((r) => lower(r).includes(':iot:'));
      if (!isIot) continue;
      // `${AWS::Region}`-style substitutions contain colons; collapse them before reading the ARN.
      const isAll = (r: KeyValueFact): boolean => r.value.value === '*' || ACCOUNT_WILDCARD.test(String(r.value.value ?? '').replace(SUBSTITUTION, 'x'));
      const allResources = st.resources.some(isAll);
      st.actions.forEach((kv, i) => {
        if (!WILDCARD_ACTIONS.has(actions[i])) return;
        ctx.report({ messageId: 'wildcardAction', data: { action: String(kv.value.value) }, range: kv.value.range, severity: allResources ? 'error' : 'warning' });
      });
      // Resources only matter for data-plane actions; `iot:Receive` alone is compliant (T-19).
      const data = actions.filter((a) => WILDCARD_ACTIONS.has(a) || IOT_DATA_ACTIONS.has(a) || (a.startsWith('iot:') && a.endsWith('*')));
      if (!data.length || data.every((a) => a === 'iot:receive')) continue;
      for (const kv of st.resources) {
        const value = String(kv.value.value ?? '');
        if (isAll(kv)) {
          ctx.report({ messageId: 'wildcardResource', data: { resource: value, actions: st.actions.map((a) => String(a.value.value)).join(', ') }, range: kv.value.range });
          continue;
        }
        const hit = RESOURCE_WILDCARDS.find((w) => w.re.test(value));
        if (!hit) continue;
        ctx.report({ messageId: 'fleetResource', data: { resource: value, grants: hit.grants }, range: kv.value.range, suggestions: clientSuggestion(kv, value) });
      }
    }
  },
});

/** `client/*` → `client/${iot:Connection.Thing.ThingName}` (escaped inside `Fn::Sub` / `!Sub`). */
function clientSuggestion(kv: KeyValueFact, value: string): Fix[] | undefined {
  if (!value.endsWith(CLIENT_STAR)) return undefined;
  const inner = kv.value.innerRange ?? kv.value.range;
  const raw = kv.value.text;
  // Only when the source spells the value verbatim (no escapes), so offsets line up.
  const offset = raw.lastIndexOf(CLIENT_STAR);
  if (offset < 0 || inner[1] - inner[0] !== value.length) return undefined;
  const start = kv.value.range[0] + offset;
  const variable = kv.value.tag === '!Sub' || kv.path.includes('Fn::Sub') ? THING_NAME_VARIABLE_SUB : THING_NAME_VARIABLE;
  return [{ title: `Scope to client/${variable}`, edits: [{ range: [start, start + CLIENT_STAR.length], text: `client/${variable}` }] }];
}
