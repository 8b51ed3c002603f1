/**
 * Signal kinds the threat-model collectors publish (`FileSummary.signals`) and the builder reads.
 * Structured values are JSON strings; none of them ever holds a secret value.
 */
import type { Range } from '../core/facts';
import type { CollectContext } from '../core/rule';
import type { FindingRowId } from './taxonomy';

export const SIG = {
  /** key: board | platform | framework | idf-target | zephyr | esphome-name | package-name | gateway-dep | micropython | os | updater; value: the name. */
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
  /**
   * key: `disabled` | `verified`; value: TlsScopeValue JSON. Published at the same range as the
   * F4 weakness / mitigation it qualifies: which connection(s) the flag or CA applies to.
   */
  tlsScope: 'tm:tls-scope',
  /** key: constant name (`MQTT_BROKER_HOST`); value: its string/number text. Host/port/URL-like names only. */
  constant: 'tm:constant',
  /** key: `host-port`; value: EndpointRefValue JSON — a connection whose host/port are constants defined in another file. */
  endpointRef: 'tm:endpoint-ref',
  /** key: environment variable name read by this file (`process.env.X`, `os.getenv("X")`, `${sysenv.X}`). */
  envRead: 'tm:env-read',
  /** key: variable name defined by this dotenv file. */
  envDefine: 'tm:env-define',
} as const;

export interface EndpointValue { scheme: string; host: string; port?: number; tls: boolean; role: 'broker' | 'ota' | 'api'; via: string }
export interface CredentialValue { name?: string; source: 'literal' | 'env' | 'secret-store' | 'file' }
export interface CertificateValue {
  subject: string; issuer: string; notBefore?: string; notAfter?: string; keyType?: string; keySize?: number; selfSigned: boolean; ca: boolean;
  /** Signature algorithm name (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`…) or dotted OID when unknown. */
  signatureAlgorithm?: string;
}
export interface PolicyValue { wildcardAction: boolean; wildcardResource: boolean; thingScoped: boolean }
export interface WeaknessValue { id: string; evidence: string }
/** A connection a TLS flag/CA applies to: a resolved host (and port), or a constant name to resolve project-wide. */
export interface TlsTarget { host?: string; port?: number; ref?: string }
export interface TlsScopeValue {
  targets: TlsTarget[];
  /** True when the setting applies to every TLS connection of the component (Kconfig, NODE_TLS_REJECT_UNAUTHORIZED). */
  global?: boolean;
  /** Identity of the object/receiver carrying the setting: a CA on the same anchor as a disabled check is no mitigation. */
  anchor?: string;
}
export interface EndpointRefValue { host?: string; hostRef?: string; port?: number; portRef?: string; via: string }

/** Publishes a signal whose value is JSON. */
export function signalJson(ctx: CollectContext, kind: string, key: string, value: object, range: Range): void {
  ctx.signal({ kind, key, value: JSON.stringify(value), range });
}

/** Publishes a weakness observed by a collector (a cause when no rule reported the same line). */
export function signalWeakness(ctx: CollectContext, row: FindingRowId, id: string, evidence: string, range: Range): void {
  signalJson(ctx, SIG.weakness, row, { id, evidence } satisfies WeaknessValue, range);
}

/** Publishes which connection(s) a TLS verification flag or CA applies to (same range as its weakness/mitigation). */
export function signalTlsScope(ctx: CollectContext, state: 'disabled' | 'verified', scope: TlsScopeValue, range: Range): void {
  signalJson(ctx, SIG.tlsScope, state, scope, range);
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
