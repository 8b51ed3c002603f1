/**
 * Signal kinds the threat-model collectors publish (`FileSummary.signals`) and the builder reads.
 * Structured values are JSON strings; none of them ever holds a secret value.
 */
import type { Range } from '../core/facts';
import type { CollectContext } from '../core/rule';
import type { FindingRowId } from './taxonomy';

export const SIG = {
  /** key: board | platform | framework | idf-target | zephyr | esphome-name | package-name | gateway-dep; value: the name. */
  platform: 'tm:platform',
  /** key: scheme; value: EndpointValue JSON. */
  endpoint: 'tm:endpoint',
  /** key: credential kind; value: CredentialValue JSON. */
  credential: 'tm:credential',
  /** value: CertificateValue JSON. */
  certificate: 'tm:certificate',
  /** key: update mechanism (arduino-ota, esp-https-ota, mcuboot…). */
  update: 'tm:update',
  /** key: provider (aws-iot); value: PolicyValue JSON. */
  policy: 'tm:policy',
  /** key: mitigation kind; value: evidence text. */
  mitigation: 'tm:mitigation',
  /** key: finding row (F3, F4…); value: WeaknessValue JSON. */
  weakness: 'tm:weakness',
} as const;

export interface EndpointValue { scheme: string; host: string; port?: number; tls: boolean; role: 'broker' | 'ota' | 'api'; via: string }
export interface CredentialValue { name?: string; source: 'literal' | 'env' | 'secret-store' | 'file' }
export interface CertificateValue {
  subject: string; issuer: string; notBefore?: string; notAfter?: string; keyType?: string; keySize?: number; selfSigned: boolean; ca: boolean;
}
export interface PolicyValue { wildcardAction: boolean; wildcardResource: boolean; thingScoped: boolean }
export interface WeaknessValue { id: string; evidence: string }

/** Publishes a signal whose value is JSON. */
export function signalJson(ctx: CollectContext, kind: string, key: string, value: object, range: Range): void {
  ctx.signal({ kind, key, value: JSON.stringify(value), range });
}

/** Publishes a weakness observed by a collector (a cause when no rule reported the same line). */
export function signalWeakness(ctx: CollectContext, row: FindingRowId, id: string, evidence: string, range: Range): void {
  signalJson(ctx, SIG.weakness, row, { id, evidence } satisfies WeaknessValue, range);
}

/** Publishes mitigation evidence. */
export function signalMitigation(ctx: CollectContext, kind: string, evidence: string, range: Range): void {
  ctx.signal({ kind: SIG.mitigation, key: kind, value: evidence, range });
}

/** Parses a JSON signal value; undefined when absent or malformed. */
export function parseSignalValue<T>(value: string | undefined): T | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

/** Paths the model writes itself: never read them back as evidence. */
export function isOwnOutput(filePath: string): boolean {
  return filePath.startsWith('.iotsec/') || filePath.includes('/.iotsec/') || /(^|\/)THREAT_MODEL\.md$/.test(filePath);
}
