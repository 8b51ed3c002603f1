/**
 * The threat model's data types: what `buildThreatModel` returns, what `.iotsec/threat-model.yaml`
 * holds (same shape) and what the VS Code tree view reads. Locations are workspace-relative
 * (forward slashes) with 1-based line and column.
 */
import type { Category, Finding, Practice } from '../core/finding';
import type { FileSummary } from '../core/rule';
import type { FindingRowId, StrideLetter } from './taxonomy';

/** What the threat model needs from a scan (findings already redacted; summaries carry collector signals). */
export interface ScanOutput {
  /** Absolute path of the scanned root; file paths below are relative to it. */
  root: string;
  findings: Finding[];
  summaries: FileSummary[];
}

export type ThreatStatus = 'open' | 'partially-mitigated' | 'mitigated' | 'resolved';
export type ThreatDecision = 'accepted' | 'false-positive';
export type ThreatSeverity = 'high' | 'medium' | 'low';
export type ThreatOrigin = 'generated' | 'manual';

/** Trust boundaries, innermost first. */
export type TrustBoundaryId = 'device' | 'local-network' | 'internet' | 'cloud';
/** `tool`: developer / factory tooling in the repository (provisioning, flashing, build scripts). */
export type ComponentKind = 'device' | 'gateway' | 'tool' | 'broker' | 'ota-server' | 'cloud' | 'web-service';
/**
 * TLS peer verification of a flow: `none` = no TLS at all; `default` = TLS, no evidence either way;
 * `unknown` = a file of the flow turns verification off somewhere but nothing ties that setting to
 * this connection (or to another one) — check by hand.
 */
export type Verification = 'verified' | 'disabled' | 'unknown' | 'default' | 'none';

/** A place in the repository. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Why a threat exists: a finding, an inventory observation or an absent protection (anchored where it matters). */
export interface CauseLocation extends SourceLocation {
  /** Rule id of the finding, or `iotsec/<collector>` / `iotsec/absence` for model-derived causes. */
  ruleId: string;
  /** Redacted source text or a description of what is missing; never a secret. */
  evidence: string;
  message?: string;
  /** Finding fingerprint (links SARIF results to threats). */
  fingerprint?: string;
  /** True when the cause is an absent protection (anchored on the line that makes it matter). */
  absence?: boolean;
}

/** Code/config that shows a protection is in place. */
export interface MitigationLocation extends SourceLocation {
  /** Mitigation kind id, e.g. `secure-boot`, `ca-cert`, `anti-rollback`, `env-credential`. */
  kind: string;
  evidence: string;
}

export interface TrustBoundary {
  id: TrustBoundaryId;
  name: string;
}

export interface Component {
  /** Stable id, e.g. `device:firmware`, `broker:broker.example.com`. */
  id: string;
  name: string;
  kind: ComponentKind;
  boundary: TrustBoundaryId;
  /** Device/gateway: the project folder ('.' = root). External: undefined. */
  root?: string;
  host?: string;
  /** Board, platform, framework, target, packages… */
  properties: Record<string, string>;
  /** Where the component shows up in code (first few places). */
  locations: SourceLocation[];
}

export interface DataFlow {
  /** Stable id `DF-<hash>` of (from, to, protocol, port). */
  id: string;
  from: string;
  to: string;
  /** Upper-case protocol (`MQTT`, `MQTTS`, `HTTP`, `HTTPS`, `COAP`…). */
  protocol: string;
  port?: number;
  tls: boolean;
  verification: Verification;
  /** Human label for diagrams: `MQTT 1883 PLAINTEXT`. */
  label: string;
  crossesBoundary: boolean;
  locations: SourceLocation[];
}

/** A threat: one weakness on one component or flow, with evidence both ways. */
export interface Threat {
  /** `T-<hash>` of (row, target) for generated threats; any unique string for manual ones. */
  id: string;
  origin: ThreatOrigin;
  title: string;
  description?: string;
  row?: FindingRowId;
  category?: Category;
  /** The component or flow id the threat is about. */
  target?: { component?: string; flow?: string };
  status: ThreatStatus;
  severity: ThreatSeverity;
  stride: StrideLetter[];
  /** Practice numbers, primary first. */
  practices: Practice[];
  attack: { ics: string[]; enterprise: string[] };
  cwe: string[];
  owasp: string[];
  etsi: string[];
  causes: CauseLocation[];
  mitigations: MitigationLocation[];
  // Human fields (kept on regeneration).
  decision?: ThreatDecision;
  justification?: string;
  owner?: string;
  notes?: string;
  /** Date (YYYY-MM-DD) when the evidence disappeared. */
  resolvedOn?: string;
}

export interface PlatformAsset extends SourceLocation { kind: string; value: string; component: string }
export interface EndpointAsset extends SourceLocation { scheme: string; host: string; port?: number; tls: boolean; role: string; component: string }
/** Kind and location only — never a value. */
export interface CredentialAsset extends SourceLocation { kind: string; name?: string; source: string; ruleId?: string; component: string }
export interface CertificateAsset extends SourceLocation {
  subject: string;
  issuer: string;
  notBefore?: string;
  notAfter?: string;
  keyType?: string;
  keySize?: number;
  selfSigned: boolean;
  ca: boolean;
  /** `valid`, `expiring` (≤ 90 days), `expired`, `unknown`. */
  expiry: 'valid' | 'expiring' | 'expired' | 'unknown';
  /** Signature algorithm (`sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `sha1WithRSAEncryption`…) or its OID. */
  signatureAlgorithm?: string;
  /** What is weak about the signature or key (`SHA-1 signature`, `RSA key of 1024 bits`); absent when nothing is. */
  weaknesses?: string[];
  component: string;
}
export interface UpdateChannelAsset extends SourceLocation { mechanism: string; signed: boolean; antiRollback: boolean; authenticated: boolean; component: string }
export interface PolicyAsset extends SourceLocation { provider: string; wildcardAction: boolean; wildcardResource: boolean; thingScoped: boolean; component: string }

export interface Assets {
  platforms: PlatformAsset[];
  endpoints: EndpointAsset[];
  credentials: CredentialAsset[];
  certificates: CertificateAsset[];
  updateChannels: UpdateChannelAsset[];
  policies: PolicyAsset[];
}

export interface PracticeEvidence {
  text: string;
  location?: SourceLocation;
}

export interface PracticeCoverage {
  practice: Practice;
  title: string;
  /** `gaps` when open threats remain; `evidence` when only protections were found; `not-visible-in-code` for process practices with nothing found. */
  state: 'gaps' | 'evidence' | 'no-evidence' | 'not-visible-in-code';
  evidence: PracticeEvidence[];
  /** Ids of open / partially-mitigated threats tagged with this practice. */
  gaps: string[];
  /** Questions for the team where code cannot answer. */
  questions: string[];
}

export interface ThreatModelSummary {
  threats: number;
  byStatus: Record<ThreatStatus, number>;
  bySeverity: Record<ThreatSeverity, number>;
}

export interface ThreatModel {
  version: 1;
  generator: 'iotsec';
  attackVersion: string;
  /** YYYY-MM-DD; kept from the previous file when nothing else changed. */
  generatedOn: string;
  project: { name: string };
  summary: ThreatModelSummary;
  trustBoundaries: TrustBoundary[];
  components: Component[];
  dataFlows: DataFlow[];
  assets: Assets;
  threats: Threat[];
  practices: PracticeCoverage[];
}
