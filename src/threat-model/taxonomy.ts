/**
 * Taxonomy tables transcribed from reference/attack-mapping.md (ATT&CK v18.1, CWE 4.15, ETSI EN 303 645
 * V2.1.1, OWASP IoT Top 10 2018): the ten practices (§A), the finding rows F1–F11 (§B), the registries
 * (§C–§G) and the ids that must never be emitted (§H). Threats take every id from here.
 */
import type { Category, Practice } from '../core/finding';

/** Pinned ATT&CK release; every technique id below exists, unrevoked and undeprecated, in it. */
export const ATTACK_VERSION = '18.1';
export const ATTACK_DOMAINS = ['ics-attack', 'enterprise-attack'] as const;

export type StrideLetter = 'S' | 'T' | 'R' | 'I' | 'D' | 'E';

export const STRIDE_NAMES: Readonly<Record<StrideLetter, string>> = {
  S: 'Spoofing', T: 'Tampering', R: 'Repudiation', I: 'Information disclosure', D: 'Denial of service', E: 'Elevation of privilege',
};

/** Ids shared by practice rows and finding rows. */
export interface TaxonomyIds {
  ics: readonly string[];
  enterprise: readonly string[];
  stride: readonly StrideLetter[];
  cwe: readonly string[];
  owasp: readonly string[];
  etsi: readonly string[];
}

/** §A: one of AWS's ten IoT practices. */
export interface PracticeRow extends TaxonomyIds {
  number: Practice;
  id: `P${number}`;
  title: string;
  /** True when code and config cannot show the practice (method, auditing, playbooks, recovery). */
  processOnly: boolean;
}

export const PRACTICES: readonly PracticeRow[] = [
  { number: 1, id: 'P1', title: 'Risk assessment with a common framework (MITRE ATT&CK) informing design', processOnly: true,
    ics: ['T0814', 'T0826'], enterprise: ['T1498'], stride: ['S', 'T', 'R', 'I', 'D', 'E'], cwe: [], owasp: [], etsi: [] },
  { number: 2, id: 'P2', title: 'Asset inventory (certificates, SW/HW versions, tags)', processOnly: false,
    ics: ['T0862', 'T0866'], enterprise: ['T1195.001', 'T1195.002', 'T1190'], stride: ['T', 'E'],
    cwe: ['CWE-1104', 'CWE-1395', 'CWE-1329', 'CWE-324'], owasp: ['I5', 'I8'], etsi: ['5.2-3', '5.3-13', '5.3-16'] },
  { number: 3, id: 'P3', title: 'Unique device identities and credentials; no hardcoded secrets', processOnly: false,
    ics: ['T0891', 'T0812', 'T0859'], enterprise: ['T1552.001', 'T1552.004', 'T1078.001'], stride: ['S', 'E'],
    cwe: ['CWE-798', 'CWE-259', 'CWE-321', 'CWE-1392'], owasp: ['I1'], etsi: ['5.1-1', '5.1-2', '5.4-3', '5.4-4'] },
  { number: 4, id: 'P4', title: 'Signed, verified, staged, downgrade-protected firmware/software updates', processOnly: false,
    ics: ['T0857', 'T0839', 'T0862', 'T0800'], enterprise: ['T1195.002', 'T1601.001', 'T1601.002', 'T1495'], stride: ['T', 'E', 'D'],
    cwe: ['CWE-494', 'CWE-347', 'CWE-1328', 'CWE-1277'], owasp: ['I4'], etsi: ['5.3-2', '5.3-7', '5.3-9', '5.3-10', '5.7-1'] },
  { number: 5, id: 'P5', title: 'Encrypt data at rest', processOnly: false,
    ics: ['T0893', 'T0882'], enterprise: ['T1005', 'T1552.004', 'T1530'], stride: ['I'],
    cwe: ['CWE-311', 'CWE-312', 'CWE-922'], owasp: ['I7', 'I10'], etsi: ['5.4-1', '5.4-2'] },
  { number: 6, id: 'P6', title: 'Encrypt all data in transit; detect MITM', processOnly: false,
    ics: ['T0830', 'T0842', 'T0887', 'T0855', 'T0856'], enterprise: ['T1557', 'T1040', 'T1565.002', 'T1562.010'], stride: ['I', 'T', 'S'],
    cwe: ['CWE-319', 'CWE-295', 'CWE-300', 'CWE-757'], owasp: ['I7'], etsi: ['5.5-1', '5.5-6', '5.5-7', '5.8-1', '5.8-2'] },
  { number: 7, id: 'P7', title: 'Secure gateways and supporting IT; limit listening ports; disable unused services; temporary credentials', processOnly: false,
    ics: ['T0883', 'T0822', 'T0886', 'T0866', 'T0819', 'T0846'], enterprise: ['T1133', 'T1021', 'T1190', 'T1046', 'T1078.004'], stride: ['E', 'S', 'I'],
    cwe: ['CWE-1188', 'CWE-1327', 'CWE-668', 'CWE-306', 'CWE-250'], owasp: ['I2', 'I3', 'I9'], etsi: ['5.6-1', '5.6-2', '5.6-5', '5.6-7', '5.5-4', '5.5-5'] },
  { number: 8, id: 'P8', title: 'Auditing, monitoring, logging', processOnly: true,
    ics: ['T0872', 'T0878', 'T0804'], enterprise: ['T1070', 'T1562.008'], stride: ['R'],
    cwe: ['CWE-778', 'CWE-223', 'CWE-117'], owasp: ['I8'], etsi: ['5.10-1', '5.7-2'] },
  { number: 9, id: 'P9', title: 'Incident response playbooks; automate as response matures', processOnly: true,
    ics: ['T0859', 'T0892', 'T0816'], enterprise: ['T1078', 'T1531'], stride: [], cwe: [], owasp: ['I8'], etsi: ['5.2-1', '5.2-2', '5.7-2'] },
  { number: 10, id: 'P10', title: 'Business continuity and recovery', processOnly: true,
    ics: ['T0826', 'T0813', 'T0829', 'T0814', 'T0809'], enterprise: ['T1498', 'T1499', 'T1485', 'T1490', 'T1495', 'T1486'], stride: ['D'],
    cwe: ['CWE-400', 'CWE-770'], owasp: [], etsi: ['5.9-1', '5.9-2', '5.9-3'] },
];

export type FindingRowId = 'F1' | 'F2' | 'F3' | 'F4' | 'F5' | 'F6' | 'F7' | 'F8' | 'F9' | 'F10' | 'F11';

/** §B: a concrete code/config finding and its ids. */
export interface FindingRow extends TaxonomyIds {
  id: FindingRowId;
  title: string;
  /** First practice is the primary one (tree grouping). */
  practices: readonly Practice[];
  /** AWS IoT Device Defender audit checks that detect the same problem at run time. */
  deviceDefender: readonly string[];
}

export const FINDING_ROWS: readonly FindingRow[] = [
  { id: 'F1', title: 'Hardcoded credential', practices: [3], ics: ['T0891'], enterprise: ['T1552.001', 'T1552.004'], stride: ['S', 'I'],
    cwe: ['CWE-798', 'CWE-259', 'CWE-321'], owasp: ['I1'], etsi: ['5.4-3'], deviceDefender: [] },
  { id: 'F2', title: 'Default credential', practices: [3, 7], ics: ['T0812'], enterprise: ['T1078.001', 'T1110.001'], stride: ['S', 'E'],
    cwe: ['CWE-1392', 'CWE-1393'], owasp: ['I1', 'I9'], etsi: ['5.1-1', '5.1-2', '5.1-5'], deviceDefender: [] },
  { id: 'F3', title: 'Plaintext protocol', practices: [6], ics: ['T0842', 'T0830', 'T0855'], enterprise: ['T1040', 'T1557', 'T1565.002'], stride: ['I', 'T'],
    cwe: ['CWE-319', 'CWE-523'], owasp: ['I7'], etsi: ['5.5-1', '5.5-7', '5.8-2'], deviceDefender: [] },
  { id: 'F4', title: 'TLS certificate/hostname verification disabled', practices: [6], ics: ['T0830'], enterprise: ['T1557'], stride: ['S', 'T', 'I'],
    cwe: ['CWE-295', 'CWE-297'], owasp: ['I7'], etsi: ['5.5-1'], deviceDefender: [] },
  { id: 'F5', title: 'Unsigned / unverified update', practices: [4], ics: ['T0857', 'T0839', 'T0862'], enterprise: ['T1195.002', 'T1601.001', 'T1495'], stride: ['T', 'E'],
    cwe: ['CWE-494', 'CWE-347'], owasp: ['I4'], etsi: ['5.3-10', '5.3-9', '5.3-7', '5.7-1'], deviceDefender: [] },
  { id: 'F6', title: 'Missing anti-rollback', practices: [4], ics: ['T0857'], enterprise: ['T1601.002', 'T1562.010'], stride: ['T', 'E'],
    cwe: ['CWE-1328'], owasp: ['I4'], etsi: ['5.3-7', '5.3-10'], deviceDefender: [] },
  { id: 'F7', title: 'No flash / storage encryption', practices: [5], ics: ['T0893', 'T0882'], enterprise: ['T1005', 'T1552.004', 'T1552.001'], stride: ['I'],
    cwe: ['CWE-311', 'CWE-312', 'CWE-313'], owasp: ['I7', 'I10'], etsi: ['5.4-1', '5.4-2'], deviceDefender: [] },
  { id: 'F8', title: 'Open debug port / telnet', practices: [7], ics: ['T0886', 'T0883', 'T0807'], enterprise: ['T1021', 'T1133', 'T1059', 'T1046'], stride: ['E', 'I', 'T'],
    cwe: ['CWE-1191', 'CWE-1269', 'CWE-489', 'CWE-1188'], owasp: ['I2', 'I9', 'I10'], etsi: ['5.6-4', '5.6-1', '5.6-3', '5.6-5'], deviceDefender: [] },
  { id: 'F9', title: 'Overly permissive cloud IoT policy', practices: [7, 3], ics: ['T0859', 'T0855', 'T0856'], enterprise: ['T1078.004'], stride: ['E', 'S'],
    cwe: ['CWE-732', 'CWE-269'], owasp: ['I3'], etsi: ['5.6-7'],
    deviceDefender: ['IoT policies overly permissive', 'IoT policy potentially misconfigured', 'Conflicting MQTT client IDs'] },
  { id: 'F10', title: 'Expiring, self-signed or weak certificate', practices: [2, 6], ics: ['T0830', 'T0826'], enterprise: ['T1557', 'T1587.003', 'T1553.004', 'T1649'], stride: ['S', 'D'],
    cwe: ['CWE-295', 'CWE-296', 'CWE-298', 'CWE-324', 'CWE-326', 'CWE-327'], owasp: ['I7', 'I8'], etsi: ['5.5-1', '5.5-8', '5.1-3'],
    deviceDefender: ['Device certificate expiring', 'CA certificate expiring', 'Device/CA certificate key quality', 'Device certificate age'] },
  { id: 'F11', title: 'Credential shared across devices', practices: [3], ics: ['T0891', 'T0859'], enterprise: ['T1552.004', 'T1552.001', 'T1078'], stride: ['S', 'R'],
    cwe: ['CWE-798', 'CWE-321', 'CWE-1394'], owasp: ['I1'], etsi: ['5.4-4', '5.1-1'], deviceDefender: ['Device certificate shared'] },
];

/** §C: ATT&CK for ICS techniques (v18.1) used by the tables. */
export const ICS_TECHNIQUES: Readonly<Record<string, string>> = {
  T0800: 'Activate Firmware Update Mode', T0804: 'Block Reporting Message', T0807: 'Command-Line Interface', T0809: 'Data Destruction',
  T0812: 'Default Credentials', T0813: 'Denial of Control', T0814: 'Denial of Service', T0816: 'Device Restart/Shutdown',
  T0819: 'Exploit Public-Facing Application', T0822: 'External Remote Services', T0826: 'Loss of Availability', T0829: 'Loss of View',
  T0830: 'Adversary-in-the-Middle', T0839: 'Module Firmware', T0842: 'Network Sniffing', T0846: 'Remote System Discovery',
  T0855: 'Unauthorized Command Message', T0856: 'Spoof Reporting Message', T0857: 'System Firmware', T0859: 'Valid Accounts',
  T0862: 'Supply Chain Compromise', T0866: 'Exploitation of Remote Services', T0872: 'Indicator Removal on Host', T0878: 'Alarm Suppression',
  T0882: 'Theft of Operational Information', T0883: 'Internet Accessible Device', T0886: 'Remote Services', T0887: 'Wireless Sniffing',
  T0891: 'Hardcoded Credentials', T0892: 'Change Credential', T0893: 'Data from Local System',
};

/** §D: ATT&CK Enterprise techniques (v18.1) used by the tables. */
export const ENTERPRISE_TECHNIQUES: Readonly<Record<string, string>> = {
  T1005: 'Data from Local System', T1021: 'Remote Services', T1040: 'Network Sniffing', T1046: 'Network Service Discovery',
  T1059: 'Command and Scripting Interpreter', T1070: 'Indicator Removal', T1078: 'Valid Accounts', 'T1078.001': 'Valid Accounts: Default Accounts',
  'T1078.004': 'Valid Accounts: Cloud Accounts', 'T1110.001': 'Brute Force: Password Guessing', T1133: 'External Remote Services',
  T1190: 'Exploit Public-Facing Application',
  'T1195.001': 'Supply Chain Compromise: Compromise Software Dependencies and Development Tools',
  'T1195.002': 'Supply Chain Compromise: Compromise Software Supply Chain', T1485: 'Data Destruction', T1486: 'Data Encrypted for Impact',
  T1490: 'Inhibit System Recovery', T1495: 'Firmware Corruption', T1498: 'Network Denial of Service', T1499: 'Endpoint Denial of Service',
  T1530: 'Data from Cloud Storage', T1531: 'Account Access Removal', 'T1552.001': 'Unsecured Credentials: Credentials In Files',
  'T1552.004': 'Unsecured Credentials: Private Keys', 'T1553.004': 'Subvert Trust Controls: Install Root Certificate',
  T1557: 'Adversary-in-the-Middle', 'T1562.008': 'Impair Defenses: Disable or Modify Cloud Logs', 'T1562.010': 'Impair Defenses: Downgrade Attack',
  'T1565.002': 'Data Manipulation: Transmitted Data Manipulation', 'T1587.003': 'Develop Capabilities: Digital Certificates',
  'T1601.001': 'Modify System Image: Patch System Image', 'T1601.002': 'Modify System Image: Downgrade System Image',
  T1649: 'Steal or Forge Authentication Certificates',
};

/** §E: CWE 4.15 weaknesses (never views, categories, obsolete or deprecated entries). */
export const CWES: Readonly<Record<string, string>> = {
  'CWE-117': 'Improper Output Neutralization for Logs', 'CWE-223': 'Omission of Security-relevant Information',
  'CWE-250': 'Execution with Unnecessary Privileges', 'CWE-259': 'Use of Hard-coded Password', 'CWE-269': 'Improper Privilege Management',
  'CWE-295': 'Improper Certificate Validation', 'CWE-296': "Improper Following of a Certificate's Chain of Trust",
  'CWE-297': 'Improper Validation of Certificate with Host Mismatch', 'CWE-298': 'Improper Validation of Certificate Expiration',
  'CWE-300': 'Channel Accessible by Non-Endpoint', 'CWE-306': 'Missing Authentication for Critical Function',
  'CWE-311': 'Missing Encryption of Sensitive Data', 'CWE-312': 'Cleartext Storage of Sensitive Information',
  'CWE-313': 'Cleartext Storage in a File or on Disk', 'CWE-319': 'Cleartext Transmission of Sensitive Information',
  'CWE-321': 'Use of Hard-coded Cryptographic Key', 'CWE-324': 'Use of a Key Past its Expiration Date',
  'CWE-326': 'Inadequate Encryption Strength', 'CWE-327': 'Use of a Broken or Risky Cryptographic Algorithm',
  'CWE-347': 'Improper Verification of Cryptographic Signature', 'CWE-400': 'Uncontrolled Resource Consumption', 'CWE-489': 'Active Debug Code',
  'CWE-494': 'Download of Code Without Integrity Check', 'CWE-523': 'Unprotected Transport of Credentials',
  'CWE-668': 'Exposure of Resource to Wrong Sphere', 'CWE-732': 'Incorrect Permission Assignment for Critical Resource',
  'CWE-757': "Selection of Less-Secure Algorithm During Negotiation ('Algorithm Downgrade')",
  'CWE-770': 'Allocation of Resources Without Limits or Throttling', 'CWE-778': 'Insufficient Logging',
  'CWE-798': 'Use of Hard-coded Credentials', 'CWE-922': 'Insecure Storage of Sensitive Information',
  'CWE-1104': 'Use of Unmaintained Third Party Components', 'CWE-1188': 'Initialization of a Resource with an Insecure Default',
  'CWE-1191': 'On-Chip Debug and Test Interface With Improper Access Control', 'CWE-1269': 'Product Released in Non-Release Configuration',
  'CWE-1277': 'Firmware Not Updateable', 'CWE-1327': 'Binding to an Unrestricted IP Address',
  'CWE-1328': 'Security Version Number Mutable to Older Versions', 'CWE-1329': 'Reliance on Component That is Not Updateable',
  'CWE-1392': 'Use of Default Credentials', 'CWE-1393': 'Use of Default Password', 'CWE-1394': 'Use of Default Cryptographic Key',
  'CWE-1395': 'Dependency on Vulnerable Third-Party Component',
};

/** §F: ETSI EN 303 645 V2.1.1 provisions used, with their level. */
export const ETSI_PROVISIONS: Readonly<Record<string, { level: 'shall' | 'should' | 'shall not'; text: string }>> = {
  '5.1-1': { level: 'shall', text: 'Passwords unique per device or defined by the user.' },
  '5.1-2': { level: 'shall', text: 'Pre-installed unique passwords generated to resist automated attacks.' },
  '5.1-3': { level: 'shall', text: 'Authentication mechanisms use best practice cryptography.' },
  '5.1-5': { level: 'shall', text: 'Brute-force attacks on network authentication made impracticable.' },
  '5.2-1': { level: 'shall', text: 'A vulnerability disclosure policy is publicly available.' },
  '5.2-2': { level: 'should', text: 'Disclosed vulnerabilities are acted on in a timely manner.' },
  '5.2-3': { level: 'should', text: 'Vulnerabilities are monitored, identified and rectified during the support period.' },
  '5.3-2': { level: 'shall', text: 'An update mechanism for the secure installation of updates.' },
  '5.3-7': { level: 'shall', text: 'Best practice cryptography for secure update mechanisms.' },
  '5.3-9': { level: 'should', text: 'The device verifies the authenticity and integrity of software updates.' },
  '5.3-10': { level: 'shall', text: 'Updates over a network interface are verified via a trust relationship.' },
  '5.3-13': { level: 'shall', text: 'The defined support period is published.' },
  '5.3-16': { level: 'shall', text: 'The model designation is clearly recognizable.' },
  '5.4-1': { level: 'shall', text: 'Sensitive security parameters in persistent storage are stored securely.' },
  '5.4-2': { level: 'shall', text: 'A hard-coded unique per-device identity resists tampering.' },
  '5.4-3': { level: 'shall not', text: 'No hard-coded critical security parameters in device software source code.' },
  '5.4-4': { level: 'shall', text: 'Critical security parameters for updates and communication are unique per device.' },
  '5.5-1': { level: 'shall', text: 'Best practice cryptography to communicate securely.' },
  '5.5-4': { level: 'should', text: 'Network access to device functionality only after authentication.' },
  '5.5-5': { level: 'shall', text: 'Security-relevant configuration changes over the network only after authentication.' },
  '5.5-6': { level: 'should', text: 'Critical security parameters are encrypted in transit.' },
  '5.5-7': { level: 'shall', text: 'Confidentiality of critical security parameters over remote interfaces.' },
  '5.5-8': { level: 'shall', text: 'Secure management processes for critical security parameters.' },
  '5.6-1': { level: 'shall', text: 'All unused network and logical interfaces are disabled.' },
  '5.6-2': { level: 'shall', text: 'Network interfaces minimize unauthenticated disclosure of security-relevant information.' },
  '5.6-3': { level: 'should', text: 'Hardware does not unnecessarily expose physical interfaces.' },
  '5.6-4': { level: 'shall', text: 'A physically accessible debug interface is disabled in software.' },
  '5.6-5': { level: 'should', text: 'Only software services required for the intended use are enabled.' },
  '5.6-7': { level: 'should', text: 'Software runs with least necessary privileges.' },
  '5.7-1': { level: 'should', text: 'The device verifies its software using secure boot.' },
  '5.7-2': { level: 'should', text: 'Unauthorized software changes alert the user/administrator.' },
  '5.8-1': { level: 'should', text: 'Personal data in transit protected with best practice cryptography.' },
  '5.8-2': { level: 'shall', text: 'Sensitive personal data in transit protected with appropriate cryptography.' },
  '5.9-1': { level: 'should', text: 'Resilience to outages of data networks and power.' },
  '5.9-2': { level: 'should', text: 'Devices remain locally functional and recover cleanly.' },
  '5.9-3': { level: 'should', text: 'Devices connect to networks in an expected, stable and orderly fashion.' },
  '5.10-1': { level: 'should', text: 'Collected telemetry is examined for security anomalies.' },
};

/** §G: OWASP IoT Top 10 (2018). */
export const OWASP_IOT: Readonly<Record<string, string>> = {
  I1: 'Weak, Guessable, or Hardcoded Passwords', I2: 'Insecure Network Services', I3: 'Insecure Ecosystem Interfaces',
  I4: 'Lack of Secure Update Mechanism', I5: 'Use of Insecure or Outdated Components', I6: 'Insufficient Privacy Protection',
  I7: 'Insecure Data Transfer and Storage', I8: 'Lack of Device Management', I9: 'Insecure Default Settings', I10: 'Lack of Physical Hardening',
};

/** §H: deprecated/revoked ATT&CK ids and non-weakness CWEs that must never be emitted. */
export const FORBIDDEN_IDS: Readonly<Record<string, string>> = {
  T0808: 'deprecated (ICS)', T0810: 'deprecated (ICS)', T0818: 'deprecated (ICS)', T0824: 'deprecated (ICS)', T0825: 'deprecated (ICS)',
  T0833: 'deprecated (ICS)', T0841: 'deprecated (ICS): use T0846 or T1046', T0844: 'deprecated (ICS)', T0850: 'deprecated (ICS)',
  T0854: 'deprecated (ICS)', T0870: 'deprecated (ICS)', T0875: 'deprecated (ICS)',
  T1043: 'deprecated (Enterprise)', T1065: 'revoked (Enterprise)', T1032: 'revoked (Enterprise)', T1089: 'revoked (Enterprise)',
  'CWE-1008': 'a CWE view, not a weakness', 'CWE-16': 'an obsolete CWE category', 'CWE-1324': 'deprecated CWE: use CWE-1191',
};

/** The finding row a category maps to by default (DESIGN.md categories → §B). */
export const CATEGORY_ROW: Readonly<Record<Category, FindingRowId>> = {
  'hardcoded-secret': 'F1',
  'plaintext-protocol': 'F3',
  'tls-verification-disabled': 'F4',
  'unsigned-update': 'F5',
  'unencrypted-storage': 'F7',
  'weak-crypto': 'F10',
  'permissive-policy': 'F9',
  'exposed-service': 'F8',
};

/** The category each row belongs to (inverse of CATEGORY_ROW plus the split rows). */
export const ROW_CATEGORY: Readonly<Record<FindingRowId, Category>> = {
  F1: 'hardcoded-secret', F2: 'hardcoded-secret', F3: 'plaintext-protocol', F4: 'tls-verification-disabled', F5: 'unsigned-update',
  F6: 'unsigned-update', F7: 'unencrypted-storage', F8: 'exposed-service', F9: 'permissive-policy', F10: 'weak-crypto', F11: 'hardcoded-secret',
};

const ROWS_BY_ID = new Map(FINDING_ROWS.map((r) => [r.id, r]));

/** The row for an id (always defined for a `FindingRowId`). */
export function findingRow(id: FindingRowId): FindingRow {
  return ROWS_BY_ID.get(id) as FindingRow;
}

/** The practice row for a number. */
export function practiceRow(n: Practice): PracticeRow {
  return PRACTICES[n - 1];
}

/**
 * The row of a finding: its category's row, refined by CWE / rule id where one category covers
 * several rows (default vs. hardcoded credentials, shared credentials, anti-rollback).
 */
export function rowForFinding(f: { ruleId: string; category: Category; cwe: readonly string[]; messageId?: string }): FindingRowId {
  const id = f.ruleId.toLowerCase();
  const message = (f.messageId ?? '').toLowerCase();
  const primary = f.cwe[0] ?? '';
  if (f.category === 'hardcoded-secret') {
    if (id.includes('shared') || primary === 'CWE-1394') return 'F11';
    if (id.includes('default') || primary === 'CWE-1392' || primary === 'CWE-1393') return 'F2';
  }
  // One rule may report both rows (linux-updater-unsigned: unsigned bundles vs. no min-bundle-version): its message id tells.
  const downgrade = (s: string): boolean => s.includes('rollback') || s.includes('downgrade') || s.includes('minversion');
  if (f.category === 'unsigned-update' && (primary === 'CWE-1328' || downgrade(id) || downgrade(message))) return 'F6';
  if (f.category === 'exposed-service' && (primary === 'CWE-1392' || primary === 'CWE-1393')) return 'F2';
  return CATEGORY_ROW[f.category];
}

/** Display name of a technique id (ICS or Enterprise), or undefined when it is not in the registries. */
export function techniqueName(id: string): string | undefined {
  return ICS_TECHNIQUES[id] ?? ENTERPRISE_TECHNIQUES[id];
}
