import type { CallFact } from '../core/facts';
import { stringValue } from '../core/fact-helpers';
import { defineRule, type RuleContext } from '../core/rule';
import { isLocalOrTrustedHost } from '../core/text';
import { PLAINTEXT_ATTACK } from './data/transport-schemes';

// Python standard-library clients without TLS (ftplib.FTP_TLS and telnet-over-SSH alternatives are fine).
const PY_CLIENTS: ReadonlyArray<{ module: string; ctor: string; protocol: string }> = [
  { module: 'telnetlib', ctor: 'Telnet', protocol: 'Telnet' },
  { module: 'telnetlib3', ctor: 'open_connection', protocol: 'Telnet' },
  { module: 'ftplib', ctor: 'FTP', protocol: 'FTP' },
];
// Node.js packages: telnet-client, basic-ftp (`access()` without `secure`), ftp / promise-ftp (`connect()` without `secure`), jsftp.
const JS_TELNET = new Set(['telnet-client', 'telnet-stream']);
const JS_FTP_ACCESS = new Set(['basic-ftp']);
const JS_FTP_CONNECT = new Set(['ftp', 'promise-ftp']);
const JS_FTP_CTOR = new Set(['jsftp']);
const SECURE_OPTION = /\bsecure\s{0,4}:\s{0,4}(?:true|['"](?:implicit|control)['"])/;

/** Flags Telnet and FTP client sessions (Python telnetlib/ftplib, Node telnet/FTP packages): logins and data cross the network in clear text. */
export const plaintextSessionClient = defineRule({
  meta: {
    id: 'plaintext-session-client',
    title: 'Telnet / FTP client session',
    description: 'Reports scripts that open Telnet or FTP client sessions (Python telnetlib/ftplib, Node telnet-client/basic-ftp/ftp), which send logins and data without encryption.',
    category: 'plaintext-protocol',
    severity: 'warning',
    cwe: ['CWE-319', 'CWE-523'],
    practice: 6,
    attack: PLAINTEXT_ATTACK,
    languages: ['python', 'javascript', 'typescript'],
    messages: {
      session: '{{callee}}() opens a {{protocol}} session to {{host}}: the login and everything sent travel unencrypted, readable and alterable by anyone on the path. {{alternative}}',
    },
    docs: {
      what: 'A Python `telnetlib.Telnet(…)` / `telnetlib3.open_connection(…)` / `ftplib.FTP(…)` client, or a Node.js telnet-client `new Telnet()`, basic-ftp `access()` / ftp `connect()` without `secure: true`, or jsftp client.',
      why: 'Telnet and FTP send the password and all commands and files in clear text (CWE-319, CWE-523): a fleet tool that logs in to devices this way hands their credentials to anyone on the network path.',
      fix: 'Use SSH (paramiko / ssh2) instead of Telnet, and FTPS (`ftplib.FTP_TLS` + `prot_p()`, basic-ftp `secure: true`) or SFTP/HTTPS uploads instead of FTP. Loopback hosts are reported as info.',
      references: ['F3', 'T-01', 'python/cpython Lib/ftplib.py', 'python/cpython Lib/telnetlib.py'],
    },
  },
  keywords: ['telnet', 'ftp'],
  check(ctx) {
    if (ctx.languageId === 'python') checkPython(ctx);
    else checkNode(ctx);
  },
});

function hostOf(call: CallFact): string | undefined {
  const named = call.args.find((a) => a.name === 'host');
  const v = named?.value ?? call.args.find((a) => a.name === undefined)?.value;
  return v ? stringValue(v) : undefined;
}

function report(ctx: RuleContext, call: CallFact, protocol: string, host: string | undefined): void {
  const known = host !== undefined && host.trim() !== '';
  const local = known && isLocalOrTrustedHost(host.trim(), ctx.settings.trustedHosts);
  ctx.report({
    messageId: 'session',
    data: {
      callee: call.callee, protocol, host: known ? `'${host.trim()}'` : 'the remote host',
      alternative: protocol === 'FTP' ? 'Use FTPS (TLS) or SFTP.' : 'Use SSH.',
    },
    range: call.range,
    severity: local ? 'info' : undefined,
  });
}

function checkPython(ctx: RuleContext): void {
  const modules = new Set(ctx.facts.imports.map((i) => i.module.split('.')[0]));
  for (const c of ctx.facts.calls) {
    for (const client of PY_CLIENTS) {
      if (!modules.has(client.module) || c.name !== client.ctor) continue;
      if (c.receiver !== undefined && c.receiver !== client.module) continue;
      report(ctx, c, client.protocol, hostOf(c));
    }
  }
}

function checkNode(ctx: RuleContext): void {
  const modules = new Set(ctx.facts.imports.map((i) => i.module));
  const has = (set: ReadonlySet<string>): boolean => [...set].some((m) => modules.has(m));
  for (const c of ctx.facts.calls) {
    const text = ctx.text.slice(c.range[0], c.range[1]);
    if (has(JS_TELNET) && c.name === 'Telnet' && !c.receiver) report(ctx, c, 'Telnet', undefined);
    else if (has(JS_FTP_ACCESS) && c.name === 'access' && c.receiver && !SECURE_OPTION.test(text)) report(ctx, c, 'FTP', objectHost(text));
    else if (has(JS_FTP_CONNECT) && c.name === 'connect' && c.receiver && c.args.length > 0 && !SECURE_OPTION.test(text)) report(ctx, c, 'FTP', objectHost(text));
    else if (has(JS_FTP_CTOR) && /^(?:JSFtp|Ftp|FTP)$/.test(c.name) && !c.receiver) report(ctx, c, 'FTP', objectHost(text));
  }
}

/** `host: '…'` inside an options object literal. */
function objectHost(text: string): string | undefined {
  return /\bhost\s{0,4}:\s{0,4}['"]([^'"]{1,253})['"]/.exec(text)?.[1];
}
