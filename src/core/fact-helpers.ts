import type { CallFact, Facts, KeyValueFact, ValueFact } from './facts';

/** Small queries over facts that many rules share. */

/** The key/value entries whose key equals `key` (Kconfig `CONFIG_X`, dotenv `KEY`) — last one wins in Kconfig. */
export function entriesForKey(facts: Facts, key: string): KeyValueFact[] {
  return facts.keyValues.filter((kv) => kv.key === key);
}

/** Kconfig-style truthiness: `y`, `true`, `1`, `yes`, `on`. `# CONFIG_X is not set` is false. */
export function isTruthy(value: ValueFact): boolean {
  if (value.kind === 'boolean') return value.value === true;
  const t = String(value.value ?? value.text).trim().toLowerCase();
  return t === 'y' || t === 'true' || t === '1' || t === 'yes' || t === 'on';
}

/** Explicitly false: `n`, `false`, `0`, `no`, `off`, `is not set`. */
export function isFalsy(value: ValueFact): boolean {
  if (value.kind === 'boolean') return value.value === false;
  const t = String(value.value ?? value.text).trim().toLowerCase();
  return t === 'n' || t === 'false' || t === '0' || t === 'no' || t === 'off';
}

/** Calls whose last callee segment is one of `names`. */
export function callsNamed(facts: Facts, names: readonly string[]): CallFact[] {
  return facts.calls.filter((c) => names.includes(c.name));
}

/** String contents of a value when it is a literal string, else undefined. */
export function stringValue(value: ValueFact): string | undefined {
  return value.kind === 'string' && typeof value.value === 'string' ? value.value : undefined;
}

/** Dotted key path (`ota.0.password`) for messages and matching. */
export function keyPath(kv: KeyValueFact): string {
  return kv.path.join('.');
}
