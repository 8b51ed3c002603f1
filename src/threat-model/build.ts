/**
 * `buildThreatModel(scan)`: components, data flows, trust boundaries, assets, threats (one per
 * weakness × component/flow, with cause and mitigation locations and a status computed from them)
 * and practice coverage. Pure: the same scan gives the same model.
 */
import type { Finding, Practice } from '../core/finding';
import { stableHash } from '../core/fingerprint';
import type { LanguageId } from '../core/language';
import { CHANNEL_AUTH_ONLY, MITIGATION_ROWS, ROWS_CREATED_BY_MITIGATION, ROW_DESCRIPTION, ROW_SEVERITY } from './evidence';
import { TRUST_BOUNDARIES, boundaryOfHost, kindOfHost } from './network';
import { buildPracticeCoverage } from './practices';
import { isLoopbackHost, parseUrl } from '../core/text';
import { isWeakSignature } from './collectors/certificates';
import { SCHEMES } from './collectors/common';
import { hostPortEndpoint } from './collectors/endpoints';
import type { CertificateValue, CredentialValue, EndpointRefValue, EndpointValue, PolicyValue, TlsScopeValue, TlsTarget, WeaknessValue } from './signals';
import { SIG, isOwnOutput, parseSignalValue } from './signals';
import type { FindingRowId } from './taxonomy';
import { ATTACK_VERSION, CWES, ROW_CATEGORY, findingRow, rowForFinding } from './taxonomy';
import type {
  Assets, CauseLocation, Component, DataFlow, MitigationLocation, ScanOutput, SourceLocation, Threat, ThreatModel, ThreatModelSummary,
  ThreatSeverity, ThreatStatus,
} from './types';

export interface BuildOptions {
  /** Reference time for certificate expiry and `generatedOn` (default: now). */
  now?: Date;
  /** Project name (default: the root folder's name). */
  projectName?: string;
}

/** A signal with its file, flattened. */
interface Sig extends SourceLocation {
  languageId: LanguageId;
  kind: string;
  key: string;
  value?: string;
}

interface Draft {
  row: FindingRowId;
  targetKey: string;
  target: { component?: string; flow?: string };
  causes: Array<CauseLocation & { severity: ThreatSeverity }>;
  /** CWE ids of the findings behind the causes. */
  cwe: string[];
  mitigations: MitigationLocation[];
  /** Title suffix when the target's name does not say it (shared credentials: every component). */
  label?: string;
}

type LocalKind = 'device' | 'gateway' | 'tool';

/** Firmware languages (C/C++ incl. Arduino `.ino`, Kconfig). */
const DEVICE_LANGS: ReadonlySet<LanguageId> = new Set(['c', 'cpp', 'kconfig']);
/** Host languages: Node.js/TypeScript/CPython code is a gateway or a tool, never firmware (MicroPython aside). */
const HOST_LANGS: ReadonlySet<LanguageId> = new Set(['python', 'javascript', 'typescript']);
/** Folder names of developer / factory tooling. */
const TOOL_DIRS = new Set(['tool', 'tools', 'script', 'scripts', 'util', 'utils', 'bin', 'ci', 'dev', 'devtools', 'provision', 'provisioning', 'factory', 'manufacturing', 'test', 'tests', 'support']);
/** File names of developer / factory tooling. */
const TOOL_FILES = /^(provision|flash|burn|sign|gen|generate|build|deploy|release|upload|make|extra_script|pre_|post_)/i;
const EXPIRING_DAYS = 90;
const BARE_LITERAL = /^(false|true|none|null|n|y|\d{1,5})$/i;
const VERIFICATION_LABEL: Readonly<Record<DataFlow['verification'], string>> = {
  verified: 'TLS verified', disabled: 'TLS unverified', unknown: 'TLS verification unknown', default: 'TLS', none: 'PLAINTEXT',
};
const SEVERITY_OF: Readonly<Record<Finding['severity'], ThreatSeverity>> = { error: 'high', warning: 'medium', info: 'low' };
const SEVERITY_RANK: Readonly<Record<ThreatSeverity, number>> = { low: 0, medium: 1, high: 2 };

/** Builds the model from one scan. */
export function buildThreatModel(scan: ScanOutput, opts: BuildOptions = {}): ThreatModel {
  const now = opts.now ?? new Date();
  const projectName = opts.projectName ?? (scan.root.split(/[\\/]/).filter(Boolean).pop() || 'project');
  const summaries = scan.summaries.filter((s) => !isOwnOutput(s.filePath));
  const findings = scan.findings.filter((f) => !isOwnOutput(f.filePath));
  const sigs: Sig[] = summaries.flatMap((s) => s.signals.map((g) => ({
    file: s.filePath, languageId: s.languageId, kind: g.kind, key: g.key ?? '', value: g.value,
    line: g.start.line, column: g.start.column, endLine: g.end.line, endColumn: g.end.column,
  })));
  const langOf = new Map<string, LanguageId>(summaries.map((s) => [s.filePath, s.languageId]));
  for (const f of findings) if (f.languageId && !langOf.has(f.filePath)) langOf.set(f.filePath, f.languageId);

  // --- components: project roots (device / gateway / tool), then remote hosts --------------------
  const components = new Map<string, Component>();
  const microFiles = new Set(sigs.filter((s) => s.kind === SIG.platform && s.key === 'micropython').map((s) => s.file));
  const roots = projectRoots(sigs);
  const placeOf = new Map<string, { kind: LocalKind; root: string }>();
  const place = (file: string): { kind: LocalKind; root: string } => {
    let p = placeOf.get(file);
    if (!p) {
      p = classifyFile(file, langOf.get(file), microFiles.has(file), roots);
      placeOf.set(file, p);
    }
    return p;
  };
  // A dotenv file belongs to the component whose code reads its variables (the gateway reading
  // LOCAL_BROKER_PASSWORD), not to the firmware project it happens to sit in.
  const envReaders = new Map<string, Set<string>>();
  for (const s of sigs) if (s.kind === SIG.envRead) (envReaders.get(s.key) ?? envReaders.set(s.key, new Set()).get(s.key)!).add(s.file);
  for (const file of new Set(sigs.filter((s) => s.kind === SIG.envDefine).map((s) => s.file))) {
    const votes = new Map<string, { n: number; p: { kind: LocalKind; root: string } }>();
    for (const s of sigs) {
      if (s.file !== file || s.kind !== SIG.envDefine) continue;
      for (const reader of envReaders.get(s.key) ?? []) {
        if (langOf.get(reader) === 'dotenv') continue;
        const p = place(reader);
        const k = `${p.kind}:${p.root}`;
        const v = votes.get(k) ?? { n: 0, p };
        v.n++;
        votes.set(k, v);
      }
    }
    const best = [...votes].sort(([a, x], [b, y]) => y.n - x.n || a.localeCompare(b))[0];
    if (best) placeOf.set(file, best[1].p);
  }
  const componentOfFile = (file: string): Component => {
    const { kind, root } = place(file);
    const id = `${kind}:${root}`;
    let c = components.get(id);
    if (!c) {
      const name = root === '.' ? (kind === 'tool' ? `${projectName} tools` : projectName) : root.split('/').pop()!;
      c = { id, name, kind, boundary: kind === 'device' ? 'device' : 'local-network', root, properties: {}, locations: [] };
      components.set(id, c);
    }
    return c;
  };
  for (const f of new Set([...summaries.map((s) => s.filePath), ...findings.map((f) => f.filePath)])) {
    const lang = langOf.get(f);
    // Firmware sources and gateway code are inventory even without findings; tools only when they carry evidence.
    const inventory = lang && (DEVICE_LANGS.has(lang) || (HOST_LANGS.has(lang) && place(f).kind === 'gateway'));
    if (inventory || sigs.some((s) => s.file === f) || findings.some((x) => x.filePath === f)) componentOfFile(f);
  }
  for (const s of sigs.filter((x) => x.kind === SIG.platform)) {
    const c = componentOfFile(s.file);
    const key = s.key === 'idf-target' ? 'target' : s.key === 'gateway-dep' ? 'packages' : s.key;
    if (!s.value) continue;
    if (key === 'micropython') c.properties.framework ??= 'micropython';
    else if (key === 'esphome-name' || key === 'package-name') c.name = s.value;
    else if (key === 'packages') c.properties.packages = [c.properties.packages, s.value].filter(Boolean).join(', ');
    else if (key === 'zephyr') c.properties.os = 'zephyr';
    else c.properties[key] ??= s.value;
    addLocation(c.locations, s);
  }

  // Cloud policy component.
  const policySigs = sigs.filter((s) => s.kind === SIG.policy);
  const cloudPolicyId = 'cloud:aws-iot';
  if (policySigs.length || findings.some((f) => f.category === 'permissive-policy')) {
    components.set(cloudPolicyId, { id: cloudPolicyId, name: 'AWS IoT Core', kind: 'cloud', boundary: 'cloud', properties: { provider: 'aws-iot' }, locations: [] });
    for (const s of policySigs) addLocation(components.get(cloudPolicyId)!.locations, s);
  }

  // Connections whose host/port are constants defined in another file (`setServer(MQTT_BROKER_HOST,
  // MQTT_BROKER_PORT)` with both in config.h): resolve them, preferring the same component's definition.
  const constants = sigs.filter((s) => s.kind === SIG.constant);
  const constantValue = (name: string, file: string): string | undefined => {
    const all = constants.filter((c) => c.key === name);
    const comp = componentOfFile(file).id;
    return (all.find((c) => componentOfFile(c.file).id === comp) ?? all[0])?.value;
  };
  for (const s of sigs.filter((x) => x.kind === SIG.endpointRef)) {
    const v = parseSignalValue<EndpointRefValue>(s.value);
    if (!v) continue;
    const host = v.host ?? (v.hostRef ? constantValue(v.hostRef, s.file) : undefined);
    const port = Number(v.port ?? (v.portRef ? constantValue(v.portRef, s.file) : undefined));
    if (!host || !/^[A-Za-z0-9.-]{1,253}$/.test(host) || !host.includes('.') || !Number.isInteger(port) || port < 1 || port > 65535) continue;
    const ep: EndpointValue = { ...hostPortEndpoint(host, port, v.via.endsWith('setServer()')), via: v.via };
    sigs.push({ ...s, kind: SIG.endpoint, key: ep.scheme, value: JSON.stringify(ep) });
    if (ep.tls) sigs.push({ ...s, kind: SIG.mitigation, key: 'tls-endpoint', value: `${ep.scheme}://${ep.host}:${ep.port}` });
    else if (!isLoopbackHost(ep.host)) {
      sigs.push({ ...s, kind: SIG.weakness, key: 'F3', value: JSON.stringify({ id: 'plaintext-endpoint', evidence: `${v.via} → ${ep.scheme}://${ep.host}:${ep.port}` } satisfies WeaknessValue) });
    }
  }

  // Remote hosts and flows.
  const endpoints = sigs.filter((s) => s.kind === SIG.endpoint).map((s) => ({ s, v: parseSignalValue<EndpointValue>(s.value) })).filter((e): e is { s: Sig; v: EndpointValue } => !!e.v);
  const rolesByHost = new Map<string, Set<string>>();
  for (const { v } of endpoints) (rolesByHost.get(v.host) ?? rolesByHost.set(v.host, new Set()).get(v.host)!).add(v.role);
  const flows = new Map<string, DataFlow>();
  const flowHost = new Map<string, string>();
  const flowAt = new Map<string, DataFlow>();
  for (const { s, v } of endpoints) {
    const from = componentOfFile(s.file);
    const kind = kindOfHost(v.host, rolesByHost.get(v.host)!);
    const toId = `${kind}:${v.host}`;
    if (!components.has(toId)) {
      // Loopback is the calling machine itself: same trust boundary as the caller.
      const boundary = isLoopbackHost(v.host) ? from.boundary : boundaryOfHost(v.host);
      components.set(toId, { id: toId, name: v.host, kind, boundary, host: v.host, properties: {}, locations: [] });
    }
    const to = components.get(toId)!;
    addLocation(to.locations, s);
    const protocol = v.scheme.toUpperCase();
    const fid = `DF-${stableHash('flow', from.id, to.id, protocol, String(v.port ?? '')).slice(0, 10)}`;
    let flow = flows.get(fid);
    if (!flow) {
      flow = { id: fid, from: from.id, to: to.id, protocol, port: v.port, tls: v.tls, verification: v.tls ? 'default' : 'none', label: '', crossesBoundary: true, locations: [] };
      flows.set(fid, flow);
      flowHost.set(fid, v.host);
    }
    addLocation(flow.locations, s);
    flowAt.set(`${s.file}:${s.line}`, flow);
  }
  if (components.has(cloudPolicyId)) {
    // Gateways/devices that talk to AWS IoT hosts are governed by the policy: link them.
    for (const c of components.values()) if (c.kind === 'cloud' && c.id !== cloudPolicyId && /amazonaws/.test(c.host ?? '')) c.properties.policy = cloudPolicyId;
  }

  // --- threats ------------------------------------------------------------------------------------
  const drafts = new Map<string, Draft>();
  const draftFor = (row: FindingRowId, target: { component?: string; flow?: string }): Draft => {
    const targetKey = target.flow ? `flow:${flowKey(flows.get(target.flow)!)}` : `component:${target.component}`;
    const k = `${row}|${targetKey}`;
    let d = drafts.get(k);
    if (!d) { d = { row, targetKey, target, causes: [], cwe: [], mitigations: [] }; drafts.set(k, d); }
    return d;
  };
  // TLS verification settings and the connection(s) they belong to (see collectors/connections.ts).
  const scopes = sigs.filter((s) => s.kind === SIG.tlsScope).map((s) => ({ s, v: parseSignalValue<TlsScopeValue>(s.value) })).filter((x): x is { s: Sig; v: TlsScopeValue } => !!x.v);
  const resolveTarget = (t: TlsTarget, file: string): { host: string; port?: number } | undefined => {
    if (t.host) return { host: t.host, port: t.port };
    const text = t.ref ? constantValue(t.ref, file) : undefined;
    if (!text) return undefined;
    const u = text.includes('://') ? parseUrl(text) : undefined;
    if (u) return { host: u.host, port: u.port ?? t.port ?? SCHEMES[u.scheme]?.port };
    return /^[A-Za-z0-9.-]{1,253}$/.test(text) ? { host: text.toLowerCase(), port: t.port } : undefined;
  };
  /** What a TLS setting at a location applies to: TLS flows it names, every flow of the component, or nothing known. */
  const tlsScopeAt = (state: 'disabled' | 'verified', file: string, line: number, endLine: number): { flows: DataFlow[]; global: boolean; attributed: boolean; anchor?: string } => {
    const scope = scopes.find(({ s }) => s.key === state && s.file === file && s.line <= endLine && line <= (s.endLine ?? s.line));
    if (!scope) return { flows: [], global: false, attributed: false };
    if (scope.v.global) return { flows: [], global: true, attributed: true, anchor: scope.v.anchor };
    const from = componentOfFile(file).id;
    const targets = scope.v.targets.map((t) => resolveTarget(t, file)).filter((t): t is { host: string; port?: number } => !!t);
    const matched = [...flows.values()].filter((f) => f.from === from && f.tls && targets.some((t) => flowHost.get(f.id) === t.host && (t.port === undefined || t.port === f.port)));
    return { flows: matched, global: false, attributed: targets.length > 0, anchor: scope.v.anchor ? `${file}#${scope.v.anchor}` : undefined };
  };
  /** Per-flow verification evidence, filled while causes and mitigations are attributed. */
  const tlsState = {
    disabledFlows: new Set<string>(), verifiedFlows: new Set<string>(), disabledComponents: new Set<string>(), verifiedComponents: new Set<string>(),
    unattributedDisabledFiles: new Set<string>(), unattributedVerifiedFiles: new Set<string>(), disabledAnchors: new Set<string>(),
  };

  const targetsFor = (row: FindingRowId, file: string, line: number, endLine: number, evidence: string, ruleId = ''): Array<{ component?: string; flow?: string }> => {
    if (row === 'F9' && components.has(cloudPolicyId)) return [{ component: cloudPolicyId }];
    const comp = componentOfFile(file);
    if (row === 'F3') {
      const at = flowAt.get(`${file}:${line}`);
      if (at) return [{ flow: at.id }];
      // A plaintext client (e.g. `PubSubClient mqtt(plainClient)`) names no host: match by host, port, then protocol.
      const lower = `${evidence} ${ruleId}`.toLowerCase();
      const plain = [...flows.values()].filter((f) => f.from === comp.id && !f.tls);
      const match = plain.find((f) => lower.includes(flowHost.get(f.id)!)) ?? plain.find((f) => f.port !== undefined && evidence.trim() === String(f.port))
        ?? plain.find((f) => lower.includes(f.protocol.toLowerCase())) ?? (plain.length === 1 ? plain[0] : undefined);
      if (match) return [{ flow: match.id }];
    }
    if (row === 'F4') {
      const scope = tlsScopeAt('disabled', file, line, endLine);
      if (scope.anchor) tlsState.disabledAnchors.add(scope.anchor);
      if (scope.global) tlsState.disabledComponents.add(comp.id);
      else if (!scope.attributed) tlsState.unattributedDisabledFiles.add(file);
      for (const f of scope.flows) tlsState.disabledFlows.add(f.id);
      if (scope.flows.length) return scope.flows.map((f) => ({ flow: f.id }));
    }
    return [{ component: comp.id }];
  };

  // Credentials shared across files (rule shared-credential, row F11): one threat listing every location.
  const sharedFindings = findings.filter((f) => f.ruleId === 'shared-credential').sort((a, b) => a.filePath.localeCompare(b.filePath) || a.start.line - b.start.line);
  if (sharedFindings.length) {
    const d: Draft = { row: 'F11', targetKey: 'shared-credentials', target: { component: componentOfFile(sharedFindings[0].filePath).id }, causes: [], cwe: [], mitigations: [] };
    drafts.set('F11|shared-credentials', d);
    for (const f of sharedFindings) {
      d.causes.push({
        file: f.filePath, line: f.start.line, column: f.start.column, endLine: f.end.line, endColumn: f.end.column,
        ruleId: f.ruleId, evidence: f.evidence, message: f.message, fingerprint: f.fingerprint, severity: SEVERITY_OF[f.severity],
      });
      for (const r of f.related ?? []) {
        if (!r.start) continue;
        const file = r.filePath ?? f.filePath;
        if (d.causes.some((c) => c.file === file && c.line === r.start!.line)) continue;
        d.causes.push({ file, line: r.start.line, column: r.start.column, endLine: r.end?.line, endColumn: r.end?.column, ruleId: f.ruleId, evidence: `same credential as ${f.filePath}:${f.start.line}`, message: r.message, severity: SEVERITY_OF[f.severity] });
      }
      d.cwe.push(...f.cwe);
    }
    d.label = [...new Set(d.causes.map((c) => componentOfFile(c.file).name))].sort().join(', ');
  }

  for (const f of findings) {
    if (f.ruleId === 'shared-credential') continue;
    const row = rowForFinding(f);
    for (const target of targetsFor(row, f.filePath, f.start.line, f.end.line, f.evidence, f.ruleId)) {
      const d = draftFor(row, target);
      d.causes.push({
        file: f.filePath, line: f.start.line, column: f.start.column, endLine: f.end.line, endColumn: f.end.column,
        ruleId: f.ruleId, evidence: f.evidence, message: f.message, fingerprint: f.fingerprint, severity: SEVERITY_OF[f.severity],
      });
      d.cwe.push(...f.cwe);
    }
  }
  /** True when the draft already has a cause on any line of [line, endLine] in the file (a rule reported it). */
  const hasCauseAt = (d: Draft, file: string, line: number, endLine = line): boolean => d.causes.some((c) => c.file === file && c.line <= endLine && line <= (c.endLine ?? c.line));
  for (const s of sigs.filter((x) => x.kind === SIG.weakness)) {
    const v = parseSignalValue<WeaknessValue>(s.value);
    const row = s.key as FindingRowId;
    if (!v || !(row in ROW_SEVERITY)) continue;
    for (const target of targetsFor(row, s.file, s.line, s.endLine ?? s.line, v.evidence)) {
      const d = draftFor(row, target);
      const flow = d.target.flow ? flows.get(d.target.flow) : undefined;
      const internet = row === 'F3' && !!flow && !['local-network', 'device'].includes(components.get(flow.to)?.boundary ?? '');
      const same = d.causes.find((c) => c.file === s.file && c.line <= (s.endLine ?? s.line) && s.line <= (c.endLine ?? c.line));
      if (same) {
        // The rule's evidence is a bare literal (`False`, `0`): say what it belongs to.
        if (BARE_LITERAL.test(same.evidence.trim())) same.evidence = `${v.evidence} (${same.evidence.trim()})`;
        if (internet) same.severity = 'high';
        continue;
      }
      d.causes.push({ ...loc(s), ruleId: `iotsec/${v.id}`, evidence: v.evidence, severity: internet ? 'high' : ROW_SEVERITY[row] });
    }
  }

  // Certificates (F10).
  const certificates: Assets['certificates'] = [];
  for (const s of sigs.filter((x) => x.kind === SIG.certificate)) {
    const v = parseSignalValue<CertificateValue>(s.value);
    if (!v) continue;
    const comp = componentOfFile(s.file);
    const expiry = expiryState(v.notAfter, now);
    const weaknesses = certificateWeaknesses(v);
    certificates.push(stripUndefined({
      ...loc(s), subject: v.subject, issuer: v.issuer, notBefore: v.notBefore, notAfter: v.notAfter, keyType: v.keyType, keySize: v.keySize,
      selfSigned: v.selfSigned, ca: v.ca, expiry, signatureAlgorithm: v.signatureAlgorithm, weaknesses: weaknesses.length ? weaknesses : undefined, component: comp.id,
    }));
    const problems: string[] = [];
    if (expiry === 'expired') problems.push(`expired on ${v.notAfter}`);
    if (expiry === 'expiring') problems.push(`expires on ${v.notAfter}`);
    problems.push(...weaknesses);
    if (v.selfSigned && !v.ca) problems.push('self-signed end-entity certificate');
    if (!problems.length) continue;
    const d = draftFor('F10', { component: comp.id });
    const evidence = `certificate "${v.subject}": ${problems.join(', ')}`;
    const same = d.causes.filter((c) => c.file === s.file && c.line >= s.line && c.line <= (s.endLine ?? s.line));
    // A rule's evidence for a certificate is its PEM header line: say what is wrong with it instead.
    for (const c of same) if (c.evidence.startsWith('-----BEGIN')) c.evidence = evidence;
    if (!same.length) d.causes.push({ ...loc(s), ruleId: 'iotsec/certificate', evidence, severity: expiry === 'expired' ? 'high' : 'medium' });
  }

  // Mitigations.
  const mitigationSigs = sigs.filter((x) => x.kind === SIG.mitigation);
  const mitigationsOf = (compId: string): Sig[] => mitigationSigs.filter((m) => componentOfFile(m.file).id === compId);
  for (const m of mitigationSigs) {
    const rows = MITIGATION_ROWS[m.key] ?? [];
    for (const row of rows) {
      const ml: MitigationLocation = { ...loc(m), kind: m.key, evidence: m.value ?? m.key };
      if (row === 'F3') {
        // TLS from the same component to the same host (the host speaks TLS) partly mitigates that plaintext flow; TLS elsewhere does not.
        const host = /:\/\/([^:/]+)/.exec(m.value ?? '')?.[1];
        const from = componentOfFile(m.file).id;
        for (const d of drafts.values()) {
          if (d.row === 'F3' && d.target.flow && flowHost.get(d.target.flow) === host && flows.get(d.target.flow)!.from === from) pushUnique(d.mitigations, ml);
        }
        continue;
      }
      if (row === 'F4') {
        const scope = tlsScopeAt('verified', m.file, m.line, m.endLine ?? m.line);
        // A CA on the same options object / client as a disabled check is never used: no mitigation.
        if (scope.anchor && tlsState.disabledAnchors.has(scope.anchor)) continue;
        const from = componentOfFile(m.file).id;
        if (scope.global) tlsState.verifiedComponents.add(from);
        else if (!scope.attributed) tlsState.unattributedVerifiedFiles.add(m.file);
        for (const f of scope.flows) {
          tlsState.verifiedFlows.add(f.id);
          pushUnique(draftFor('F4', { flow: f.id }).mitigations, ml);
        }
        if (scope.flows.length) continue;
      }
      const target = row === 'F9' && components.has(cloudPolicyId) ? { component: cloudPolicyId } : { component: componentOfFile(m.file).id };
      const key = `${row}|component:${target.component}`;
      if (!drafts.has(key) && !ROWS_CREATED_BY_MITIGATION.has(row)) continue;
      pushUnique(draftFor(row, target).mitigations, ml);
    }
  }

  // Absent protections where they matter: update channels without signing / anti-rollback; IDF without flash encryption.
  const updates = sigs.filter((s) => s.kind === SIG.update);
  const updateChannels: Assets['updateChannels'] = [];
  for (const comp of components.values()) {
    if (comp.kind !== 'device' && comp.kind !== 'gateway') continue;
    const ups = updates.filter((u) => componentOfFile(u.file).id === comp.id);
    const mits = new Set(mitigationsOf(comp.id).map((m) => m.key));
    const signed = [...mits].some((k) => MITIGATION_ROWS[k]?.includes('F5') && !CHANNEL_AUTH_ONLY.has(k));
    const authenticated = [...mits].some((k) => CHANNEL_AUTH_ONLY.has(k)) || signed;
    const antiRollback = mits.has('anti-rollback');
    const hasKconfig = [...langOf].some(([f, l]) => l === 'kconfig' && componentOfFile(f).id === comp.id);
    // One row per mechanism and component (prj.conf and sysbuild.conf both enable MCUboot): the first place it shows.
    for (const u of ups) {
      if (!updateChannels.some((x) => x.component === comp.id && x.mechanism === u.key)) updateChannels.push({ ...loc(u), mechanism: u.key, signed, antiRollback, authenticated, component: comp.id });
    }
    if (ups.length) {
      const anchor = ups[0];
      if (!signed) {
        const d = draftFor('F5', { component: comp.id });
        // A rule already reported the weakness (with its own anchor): the absence adds nothing.
        if (!d.causes.length) {
          d.causes.push({ ...loc(anchor), ruleId: 'iotsec/absence', absence: true, severity: 'high',
            evidence: `${ups.map((u) => u.key).join(', ')}: no image signature verification or secure boot found${authenticated ? ' (channel password only)' : ''}` });
        }
      }
      if (!antiRollback && hasKconfig) {
        const d = draftFor('F6', { component: comp.id });
        if (!d.causes.length) {
          d.causes.push({ ...loc(anchor), ruleId: 'iotsec/absence', absence: true, severity: 'medium', evidence: `${anchor.key}: no anti-rollback / downgrade prevention enabled` });
        }
      }
    }
    const idf = sigs.find((s) => s.kind === SIG.platform && s.key === 'idf-target' && componentOfFile(s.file).id === comp.id);
    if (idf && !mits.has('flash-encryption')) {
      const d = draftFor('F7', { component: comp.id });
      if (!hasCauseAt(d, idf.file, idf.line)) d.causes.push({ ...loc(idf), ruleId: 'iotsec/absence', absence: true, severity: 'medium', evidence: 'CONFIG_SECURE_FLASH_ENC_ENABLED is not set' });
    }
  }

  // Verification state of TLS flows, per connection: disabled / verified where a setting is tied to
  // the flow (or holds for the whole component); `unknown` where a file of the flow turns verification
  // off but nothing ties it to a connection; verified where such a file pins a CA and nothing is off.
  for (const flow of flows.values()) {
    if (!flow.tls) continue;
    const files = flow.locations.map((l) => l.file);
    if (tlsState.disabledFlows.has(flow.id) || tlsState.disabledComponents.has(flow.from)) flow.verification = 'disabled';
    else if (tlsState.verifiedFlows.has(flow.id)) flow.verification = 'verified';
    else if (files.some((f) => tlsState.unattributedDisabledFiles.has(f))) flow.verification = 'unknown';
    else if (tlsState.verifiedComponents.has(flow.from) || files.some((f) => tlsState.unattributedVerifiedFiles.has(f))) flow.verification = 'verified';
  }
  for (const flow of flows.values()) {
    const to = components.get(flow.to)!;
    flow.crossesBoundary = to.boundary !== components.get(flow.from)!.boundary;
    const state = !flow.tls ? 'PLAINTEXT' : VERIFICATION_LABEL[flow.verification];
    flow.label = `${flow.protocol}${flow.port ? ` ${flow.port}` : ''} ${state}`;
  }

  const threats = [...drafts.values()].map((d) => finishThreat(d, components, flows)).sort(compareThreats);

  const assets: Assets = {
    platforms: sigs.filter((s) => s.kind === SIG.platform && s.key !== 'package-name' && s.key !== 'esphome-name').map((s) => ({ ...loc(s), kind: s.key, value: s.value ?? '', component: componentOfFile(s.file).id })),
    endpoints: endpoints.map(({ s, v }) => ({ ...loc(s), scheme: v.scheme, host: v.host, port: v.port, tls: v.tls, role: v.role, component: componentOfFile(s.file).id })),
    credentials: credentialAssets(sigs, findings, componentOfFile),
    certificates,
    updateChannels,
    policies: policySigs.map((s) => ({ s, v: parseSignalValue<PolicyValue>(s.value) })).filter((p) => p.v).map(({ s, v }) => ({ ...loc(s), provider: s.key, ...v!, component: cloudPolicyId })),
  };

  const componentList = [...components.values()].sort((a, b) => boundaryRank(a.boundary) - boundaryRank(b.boundary) || a.id.localeCompare(b.id));
  for (const c of componentList) c.locations = c.locations.slice(0, 5);
  const flowList = [...flows.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.protocol.localeCompare(b.protocol));
  return {
    version: 1,
    generator: 'iotsec',
    attackVersion: ATTACK_VERSION,
    generatedOn: now.toISOString().slice(0, 10),
    project: { name: projectName },
    summary: summarize(threats),
    trustBoundaries: TRUST_BOUNDARIES.filter((b) => b.id === 'device' || componentList.some((c) => c.boundary === b.id)).map((b) => ({ ...b })),
    components: componentList,
    dataFlows: flowList,
    assets,
    threats,
    practices: buildPracticeCoverage({ threats, assets, components: componentList, mitigations: mitigationSigs.map((m) => ({ ...loc(m), kind: m.key, evidence: m.value ?? m.key })) }),
  };
}

/** Counts by status and severity. */
export function summarize(threats: readonly Threat[]): ThreatModelSummary {
  const byStatus: Record<ThreatStatus, number> = { open: 0, 'partially-mitigated': 0, mitigated: 0, resolved: 0 };
  const bySeverity: Record<ThreatSeverity, number> = { high: 0, medium: 0, low: 0 };
  for (const t of threats) {
    byStatus[t.status]++;
    if (t.status !== 'resolved') bySeverity[t.severity]++;
  }
  return { threats: threats.length, byStatus, bySeverity };
}

function finishThreat(d: Draft, components: Map<string, Component>, flows: Map<string, DataFlow>): Threat {
  const row = findingRow(d.row);
  const causes = d.causes.sort(compareLoc);
  const mitigations = d.mitigations.sort(compareLoc);
  const authOnly = mitigations.length > 0 && mitigations.every((m) => CHANNEL_AUTH_ONLY.has(m.kind));
  const status: ThreatStatus = causes.length ? (mitigations.length ? 'partially-mitigated' : 'open') : authOnly ? 'partially-mitigated' : 'mitigated';
  const severity = causes.reduce<ThreatSeverity>((s, c) => (SEVERITY_RANK[c.severity] > SEVERITY_RANK[s] ? c.severity : s), causes.length ? 'low' : ROW_SEVERITY[d.row]);
  const flow = d.target.flow ? flows.get(d.target.flow) : undefined;
  const label = d.label ?? (flow
    ? `${components.get(flow.from)?.name} → ${components.get(flow.to)?.name} (${flow.protocol}${flow.port ? ` ${flow.port}` : ''})`
    : components.get(d.target.component ?? '')?.name ?? d.target.component ?? '');
  const extraCwe = d.cwe.filter((c) => c in CWES);
  return {
    id: `T-${stableHash('threat', d.row, d.targetKey).slice(0, 10)}`,
    origin: 'generated',
    title: `${row.title}: ${label}`,
    description: ROW_DESCRIPTION[d.row],
    row: d.row,
    category: ROW_CATEGORY[d.row],
    target: { ...d.target },
    status,
    severity,
    stride: [...row.stride],
    practices: [...row.practices] as Practice[],
    attack: { ics: [...row.ics], enterprise: [...row.enterprise] },
    cwe: [...new Set([...row.cwe, ...extraCwe])],
    owasp: [...row.owasp],
    etsi: [...row.etsi],
    causes: causes.map((c) => stripUndefined({ ...c, severity: undefined }) as CauseLocation),
    mitigations,
  };
}

function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

function compareThreats(a: Threat, b: Threat): number {
  return (a.practices[0] ?? 11) - (b.practices[0] ?? 11) || rowNum(a) - rowNum(b) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

function rowNum(t: Threat): number {
  return t.row ? Number(t.row.slice(1)) : 99;
}

function compareLoc(a: SourceLocation, b: SourceLocation): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

function boundaryRank(b: string): number {
  return ['device', 'local-network', 'internet', 'cloud'].indexOf(b);
}

function flowKey(f: DataFlow): string {
  return `${f.from}->${f.to}:${f.protocol}:${f.port ?? ''}`;
}

function loc(s: SourceLocation): SourceLocation {
  return { file: s.file, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

function addLocation(list: SourceLocation[], s: SourceLocation): void {
  if (!list.some((l) => l.file === s.file && l.line === s.line)) list.push(loc(s));
}

function pushUnique(list: MitigationLocation[], m: MitigationLocation): void {
  if (!list.some((x) => x.file === m.file && x.line === m.line && x.kind === m.kind)) list.push(m);
}

/** Weak signature (MD2/MD5/SHA-1, except on a self-signed root whose signature nobody checks) and weak keys. */
export function certificateWeaknesses(v: CertificateValue): string[] {
  const out: string[] = [];
  const root = v.selfSigned && v.ca;
  if (!root && isWeakSignature(v.signatureAlgorithm)) out.push(`weak ${v.signatureAlgorithm} signature`);
  if (v.keyType === 'rsa' && v.keySize !== undefined && v.keySize < 2048) out.push(`RSA key of ${v.keySize} bits`);
  if (v.keyType === 'dsa') out.push(`DSA key${v.keySize ? ` of ${v.keySize} bits` : ''}`);
  if (v.keyType === 'ec' && v.keySize !== undefined && v.keySize < 256) out.push(`EC key of ${v.keySize} bits`);
  return out;
}

function expiryState(notAfter: string | undefined, now: Date): 'valid' | 'expiring' | 'expired' | 'unknown' {
  if (!notAfter) return 'unknown';
  const end = Date.parse(`${notAfter}T23:59:59Z`);
  if (Number.isNaN(end)) return 'unknown';
  const days = (end - now.getTime()) / 86_400_000;
  return days < 0 ? 'expired' : days <= EXPIRING_DAYS ? 'expiring' : 'valid';
}

/** Folders holding a device project (platformio.ini, sdkconfig, prj.conf, ESPHome YAML, MicroPython code) or a gateway (package.json). */
function projectRoots(sigs: readonly Sig[]): Map<string, 'device' | 'gateway'> {
  const roots = new Map<string, 'device' | 'gateway'>();
  for (const s of sigs) {
    if (s.kind !== SIG.platform) continue;
    const dir = s.file.includes('/') ? s.file.slice(0, s.file.lastIndexOf('/')) : '.';
    const kind = s.key === 'package-name' || s.key === 'gateway-dep' ? 'gateway' : 'device';
    // ESP-IDF keeps sdkconfig at the project root; Zephyr keeps prj.conf there too.
    if (roots.get(dir) !== 'device') roots.set(dir, kind);
  }
  return roots;
}

/**
 * Where a file belongs. Firmware (C/C++/Kconfig, MicroPython) and manifests: the deepest project
 * root holding them (the repository root's device otherwise). Host code (Node.js, TypeScript,
 * CPython): its gateway root (package.json), else its own top folder below the enclosing project
 * (`gateway/`, `tools/`) — a tool when the folder or file name says so, or when it sits directly in
 * a firmware project (build scripts); a gateway otherwise. Ids derive from paths, never counters.
 */
export function classifyFile(file: string, lang: LanguageId | undefined, micro: boolean, roots: ReadonlyMap<string, 'device' | 'gateway'>): { kind: LocalKind; root: string } {
  const dir = deepestRoot(file, roots);
  const fileName = file.slice(file.lastIndexOf('/') + 1);
  if (lang && HOST_LANGS.has(lang) && !micro) {
    if (dir !== undefined && roots.get(dir) === 'gateway') return { kind: TOOL_DIRS.has(lastSegment(dir).toLowerCase()) ? 'tool' : 'gateway', root: dir };
    const base = dir ?? '.';
    const rel = base === '.' ? file : file.slice(base.length + 1);
    const parts = rel.split('/');
    if (parts.length > 1) {
      const root = base === '.' ? parts[0] : `${base}/${parts[0]}`;
      return { kind: TOOL_DIRS.has(parts[0].toLowerCase()) || TOOL_FILES.test(fileName) ? 'tool' : 'gateway', root };
    }
    return { kind: dir !== undefined || TOOL_FILES.test(fileName) ? 'tool' : 'gateway', root: base };
  }
  if (dir !== undefined) return { kind: roots.get(dir)!, root: dir };
  if (micro || (lang && DEVICE_LANGS.has(lang)) || roots.size !== 1) return { kind: 'device', root: '.' };
  const [[root, kind]] = [...roots];
  return { kind, root };
}

function lastSegment(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function deepestRoot(file: string, roots: ReadonlyMap<string, string>): string | undefined {
  // Walk up the file's directories (depth lookups) instead of testing every root (files × roots).
  for (let cut = file.lastIndexOf('/'); cut > 0; cut = file.lastIndexOf('/', cut - 1)) {
    const dir = file.slice(0, cut);
    if (roots.has(dir)) return dir;
  }
  return roots.has('.') ? '.' : undefined;
}

function credentialAssets(sigs: readonly Sig[], findings: readonly Finding[], componentOfFile: (f: string) => Component): Assets['credentials'] {
  const out: Assets['credentials'] = [];
  for (const s of sigs.filter((x) => x.kind === SIG.credential)) {
    const v = parseSignalValue<CredentialValue>(s.value);
    if (!v) continue;
    out.push({ ...loc(s), kind: s.key, name: v.name, source: v.source, component: componentOfFile(s.file).id });
  }
  for (const f of findings) {
    if (f.category !== 'hardcoded-secret') continue;
    const same = out.find((c) => c.file === f.filePath && c.line === f.start.line);
    if (same) { same.ruleId = f.ruleId; continue; }
    out.push({ file: f.filePath, line: f.start.line, column: f.start.column, kind: 'secret', source: 'literal', ruleId: f.ruleId, component: componentOfFile(f.filePath).id });
  }
  return out.sort(compareLoc);
}
