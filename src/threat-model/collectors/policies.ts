/**
 * Cloud IoT policies: AWS IoT policy documents (JSON, also nested in CloudFormation) — wildcard
 * actions/resources and thing-scoped resources (`${iot:Connection.Thing.ThingName}`).
 */
import type { KeyValueFact, ValueFact } from '../../core/facts';
import type { Collector } from '../../core/rule';
import type { PolicyValue } from '../signals';
import { SIG, isOwnOutput, signalJson, signalMitigation, signalWeakness } from '../signals';

function strings(kv: KeyValueFact, all: readonly KeyValueFact[]): string[] {
  const out: string[] = [];
  const add = (v: ValueFact): void => {
    if (typeof v.value === 'string') out.push(v.value);
    for (const e of v.elements ?? []) add(e);
  };
  add(kv.value);
  const prefix = kv.path.join('\u0000') + '\u0000';
  for (const c of all) if (c !== kv && c.path.join('\u0000').startsWith(prefix) && typeof c.value.value === 'string') out.push(c.value.value);
  return out;
}

export const policyCollector: Collector = {
  id: 'tm-policies',
  languages: ['json', 'yaml'],
  keywords: ['iot:'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    const kvs = ctx.facts.keyValues;
    for (const kv of kvs) {
      if (kv.key !== 'Action') continue;
      const actions = strings(kv, kvs);
      if (!actions.some((a) => a.startsWith('iot:') || a === '*')) continue;
      if (!actions.some((a) => a.startsWith('iot:'))) continue;
      const parent = kv.path.slice(0, -1).join('\u0000');
      const resKv = kvs.find((r) => r.key === 'Resource' && r.path.slice(0, -1).join('\u0000') === parent);
      const resources = resKv ? strings(resKv, kvs) : [];
      const wildcardAction = actions.some((a) => a === '*' || a === 'iot:*');
      const wildcardResource = resources.some((r) => r === '*' || /:\*$|\/\*$/.test(r));
      const thingScoped = resources.some((r) => r.includes('${iot:Connection.Thing.ThingName}') || r.includes('${iot:ClientId}'));
      signalJson(ctx, SIG.policy, 'aws-iot', { wildcardAction, wildcardResource, thingScoped } satisfies PolicyValue, kv.range);
      if (wildcardAction || wildcardResource) {
        const what = [wildcardAction ? `Action ${actions.filter((a) => a.endsWith('*')).join(', ')}` : '', wildcardResource ? 'Resource "*"' : ''].filter(Boolean).join(' on ');
        signalWeakness(ctx, 'F9', 'policy-wildcard', `AWS IoT policy: ${what}`, resKv && wildcardResource && !wildcardAction ? resKv.range : kv.range);
      }
      if (thingScoped && resKv) signalMitigation(ctx, 'policy-thing-scope', 'Resource scoped to ${iot:Connection.Thing.ThingName}', resKv.range);
    }
  },
};
