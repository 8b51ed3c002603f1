/** Which mitigation kinds count for which finding rows, and default severities of model-derived causes. */
import type { FindingRowId } from './taxonomy';
import type { ThreatSeverity } from './types';

/** Mitigation kind → rows it protects against. */
export const MITIGATION_ROWS: Readonly<Record<string, readonly FindingRowId[]>> = {
  'ca-cert': ['F4'],
  'crt-bundle': ['F4'],
  'tls-endpoint': ['F3'],
  'secure-boot': ['F5'],
  'signed-apps': ['F5'],
  'update-signature': ['F5'],
  'mcuboot-signature': ['F5'],
  'mcuboot-signing-key': ['F5'],
  'ota-password': ['F5'],
  'ota-password-hash': ['F5'],
  'rauc-keyring': ['F5'],
  'mender-verify-key': ['F5'],
  'anti-rollback': ['F6'],
  'flash-encryption': ['F7'],
  'nvs-encryption': ['F7'],
  'image-encryption': ['F7'],
  'env-credential': ['F1'],
  'secret-store': ['F1'],
  'rom-download-disabled': ['F8'],
  'policy-thing-scope': ['F9'],
};

/** Mitigation kinds that only authenticate the channel (not the image): they mitigate F5 partially. */
export const CHANNEL_AUTH_ONLY = new Set(['ota-password', 'ota-password-hash']);

/** Rows for which mitigation evidence alone creates a (mitigated) threat: the protection is the point. */
export const ROWS_CREATED_BY_MITIGATION: ReadonlySet<FindingRowId> = new Set(['F4', 'F5', 'F6', 'F7', 'F8', 'F9']);

/** Severity of a model-derived cause (collector observation or absence) per row. */
export const ROW_SEVERITY: Readonly<Record<FindingRowId, ThreatSeverity>> = {
  F1: 'high', F2: 'high', F3: 'medium', F4: 'high', F5: 'high', F6: 'medium', F7: 'medium', F8: 'medium', F9: 'high', F10: 'medium', F11: 'high',
};

/** One-line description per row, for threat descriptions and reports. */
export const ROW_DESCRIPTION: Readonly<Record<FindingRowId, string>> = {
  F1: 'A credential, key or token is in source or configuration; anyone with the repository or a firmware image can use it.',
  F2: 'A default or vendor credential lets anyone who knows the product log in.',
  F3: 'Traffic crosses the network without TLS/DTLS: it can be read and modified on the way (sniffing, adversary-in-the-middle).',
  F4: 'TLS is used but the peer certificate/hostname is not verified, so an adversary-in-the-middle can impersonate the server.',
  F5: 'Firmware/software updates are not signed and verified on the device; a tampered image can be installed.',
  F6: 'Nothing stops an older, vulnerable firmware version from being installed (no anti-rollback / downgrade prevention).',
  F7: 'Secrets and data at rest on the device are not encrypted and can be read out of flash.',
  F8: 'A debug interface or remote shell is left enabled.',
  F9: 'A cloud IoT policy grants wildcard actions/resources: one stolen device credential acts for the whole fleet.',
  F10: 'A certificate is expiring, expired, self-signed or weak.',
  F11: 'The same credential is shared by every device built from this code.',
};
