/** Helpers shared by the threat-model collectors. */
import type { Facts, ValueFact } from '../../core/facts';
import type { LanguageId } from '../../core/language';
import { baseName } from '../../core/paths';

export const CODE_LANGUAGES: readonly LanguageId[] = ['c', 'cpp', 'python', 'javascript', 'typescript'];
export const MANIFEST_LANGUAGES: readonly LanguageId[] = ['yaml', 'json', 'ini', 'kconfig', 'dotenv'];

/**
 * A mender.conf is known by its name, which no keyword can see: the top-level keys a real one
 * carries (mender `config_parser.cpp`) stand in for it.
 */
export const MENDER_CONF_KEYWORD = /"(?:ServerURL|Servers|TenantToken|RootfsPart[AB]|ArtifactVerifyKeys?|ServerCertificate|(?:Update|Inventory|Retry)PollIntervalSeconds|DeviceTypeFile)"\s*:/i;

/** URL schemes the model knows: TLS or not, default port. */
export const SCHEMES: Readonly<Record<string, { tls: boolean; port: number }>> = {
  mqtt: { tls: false, port: 1883 }, mqtts: { tls: true, port: 8883 }, tcp: { tls: false, port: 1883 }, ssl: { tls: true, port: 8883 },
  tls: { tls: true, port: 8883 }, http: { tls: false, port: 80 }, https: { tls: true, port: 443 }, ws: { tls: false, port: 80 },
  wss: { tls: true, port: 443 }, coap: { tls: false, port: 5683 }, coaps: { tls: true, port: 5684 }, amqp: { tls: false, port: 5672 },
  amqps: { tls: true, port: 5671 }, ftp: { tls: false, port: 21 }, telnet: { tls: false, port: 23 },
};

/** The string a value stands for: a literal, or an identifier bound to a literal in the same file (`#define MQTT_HOST "…"`). */
export function resolveString(value: ValueFact, facts: Facts): string | undefined {
  if ((value.kind === 'string' || value.kind === 'template') && typeof value.value === 'string') return value.value;
  if (value.kind === 'identifier') {
    const name = value.text.trim();
    const last = name.slice(name.lastIndexOf('.') + 1);
    const a = facts.assignments.find((x) => (x.target === name || x.name === last) && x.value.kind === 'string');
    return a && typeof a.value.value === 'string' ? a.value.value : undefined;
  }
  return undefined;
}

/** The number a value stands for: a literal or an identifier bound to a numeric literal in the same file. */
export function resolveNumber(value: ValueFact, facts: Facts): number | undefined {
  if (value.kind === 'number' && typeof value.value === 'number') return value.value;
  if (value.kind === 'string' && typeof value.value === 'string' && /^\d{1,5}$/.test(value.value)) return Number(value.value);
  if (value.kind === 'identifier') {
    const name = value.text.trim();
    const a = facts.assignments.find((x) => (x.target === name || x.name === name) && x.value.kind === 'number');
    return a && typeof a.value.value === 'number' ? a.value.value : undefined;
  }
  return undefined;
}

/** Base name of a path, lower-cased. */
export function lowerBase(filePath: string): string {
  return baseName(filePath).toLowerCase();
}

/** The plain text of a manifest value (string contents, number, boolean word). */
export function scalarText(value: ValueFact): string {
  return value.value !== undefined ? String(value.value) : value.text;
}
