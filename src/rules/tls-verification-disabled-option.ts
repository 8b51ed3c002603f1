import type { Range, ValueFact } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';
import { NODE_TLS_IN_TEXT, normalizeOption, UNVERIFIED_CERT_MODES, VERIFY_OPTIONS } from './data/transport-tls';
import type { VerifyOption } from './data/transport-tls';

const NODE_TLS = 'NODE_TLS_REJECT_UNAUTHORIZED';
// mender-cli's global `--skip-verify` (alias `--skipverify`) flag: the server certificate is not checked.
// Found in two steps (the command, then the flag on the rest of its line within 400 characters):
// one regex spanning both backtracks polynomially on repeated `mender-cli` text.
const MENDER_CLI_FLAG = /(\s)(--skip-?verify)(?![\w-])/;
const MENDER_CLI_SPAN = 400;
const MENDER_CLI_FLAG_ALONE = /^--skip-?verify$/;
const MENDER_CLI_NEAR = /\bmender-cli\b/;
const SESSION_VERIFY: VerifyOption = { insecureWhen: false };
const CERT_MODE_KEYS = new Set(['cert_reqs', 'verify_mode']);
const KWARG_BEFORE = /(,\s*)?\b(?:verify(?:_ssl)?|ssl)\s*=\s*$/;
// aiohttp client calls whose `ssl=False` disables certificate verification.
const AIOHTTP_SSL_CALLS = /^(?:get|post|put|patch|delete|head|options|request|ws_connect|TCPConnector)$/;
const KWARG_AFTER = /^\s*,\s*/;
// ESPHome platforms whose HTTP client cannot verify TLS at all (schema requires verify_ssl: false, T-14).
const NO_VERIFY_PLATFORMS = new Set(['esp8266', 'rp2040']);

/** Flags options, keyword arguments and manifest keys that switch TLS peer verification off. */
export const tlsVerificationDisabledOption = defineRule({
  meta: {
    id: 'tls-verification-disabled-option',
    title: 'TLS verification disabled by an option',
    description: 'Reports options and configuration keys that turn off TLS certificate or host-name verification, such as verify=False, rejectUnauthorized: false and SkipVerify: true.',
    category: 'tls-verification-disabled',
    severity: 'error',
    cwe: ['CWE-295', 'CWE-297'],
    practice: 6,
    attack: { ics: ['T0830'], enterprise: ['T1557'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'dotenv', 'libconfig'],
    messages: {
      verifyOff: "'{{option}}' turns off server certificate verification: anyone on the network path can impersonate the server.",
      hostnameOff: "'{{option}}' turns off the host-name check: a valid certificate issued for any other host is accepted.",
      nodeTlsOff: "NODE_TLS_REJECT_UNAUTHORIZED=0 disables certificate verification for every TLS connection of the Node process.",
      menderCliSkipVerify: "mender-cli '{{option}}' accepts any server certificate: the session token and the uploaded artifacts go to whoever answers on the network path.",
      platformCannotVerify: "'{{option}}' is required on ESP8266/RP2040, which cannot verify TLS: the download is unauthenticated, so sign what you fetch.",
    },
    docs: {
      what: 'A TLS client option disables verification: Python verify=False / CERT_NONE / check_hostname=False / aiohttp ssl=False, Node rejectUnauthorized: false / NODE_TLS_REJECT_UNAUTHORIZED=0, ESP-IDF skip_cert_common_name_check, Mender SkipVerify / `mender-cli --skip-verify`, rauc-hawkbit-updater ssl_verify=false, SWUpdate nocheckcert, Zigbee2MQTT reject_unauthorized: false, ESPHome verify_ssl: false / skip_cert_cn_check: true.',
      why: 'Without verification TLS only encrypts; an adversary in the middle presents its own certificate and reads or rewrites data, commands and updates.',
      fix: 'Remove the option (verification is the default everywhere) and, for a private CA, configure the CA certificate instead (verify="/path/ca.pem", ca:, ServerCertificate, cafile, certificate_authority).',
      references: ['TLS-02', 'TLS-04', 'TLS-05', 'TLS-07', 'IDF-TLS-02', 'IDF-TLS-03', 'MEN-01', 'RHU-01', 'SWU-05', 'Z2M-04', 'EH-04', 'EH-06', 'nodejs/node doc/api/cli.md'],
    },
  },
  keywords: ['verify', 'reject', 'unauthorized', 'strictssl', 'check_hostname', 'cert_none', 'cert_optional', 'skip', 'nocheckcert', 'insecure', 'aiohttp'],
  check(ctx) {
    const reported = new Set<number>();
    const report = (messageId: string, option: string, range: Range, suggestions: Fix[], severity?: 'warning' | 'info'): void => {
      if (reported.has(range[0])) return;
      reported.add(range[0]);
      ctx.report({ messageId, data: { option }, range, suggestions, severity });
    };
    const noVerifyPlatform = ctx.languageId === 'yaml' && ctx.facts.keyValues.some((kv) => kv.path.length === 1 && NO_VERIFY_PLATFORMS.has(kv.key));
    const bindings = [
      ...ctx.facts.assignments.map((a) => ({ name: a.name, target: a.target, value: a.value, range: a.range, code: true })),
      ...ctx.facts.keyValues.map((kv) => ({ name: kv.key, target: kv.path.join('.'), value: kv.value, range: kv.range, code: false })),
    ];
    for (const b of bindings) {
      if (b.name === NODE_TLS) {
        if (String(b.value.value ?? b.value.text).trim() === '0') report('nodeTlsOff', NODE_TLS, b.range, [deleteLine(ctx, b.range)].filter(isFix));
        continue;
      }
      // requests `session.verify = False`; a bare `verify` variable or key is too generic to judge.
      const opt = b.code && b.name === 'verify' && b.target.includes('.') ? SESSION_VERIFY : VERIFY_OPTIONS.get(normalizeOption(b.name));
      if (opt && b.value.kind === 'boolean' && b.value.value === opt.insecureWhen) {
        const option = `${b.name}${ctx.languageId === 'python' ? ' = ' : ': '}${b.value.text}`;
        const platform = noVerifyPlatform && normalizeOption(b.name) === 'verifyssl';
        const messageId = platform ? 'platformCannotVerify' : opt.hostnameOnly ? 'hostnameOff' : 'verifyOff';
        report(messageId, option, b.range, platform ? [] : [flip(b.value)], platform ? 'info' : opt.hostnameOnly ? 'warning' : undefined);
      } else if (CERT_MODE_KEYS.has(b.name) && UNVERIFIED_CERT_MODES.test(b.value.text)) {
        report('verifyOff', `${b.name} = ${b.value.text}`, b.range, [certRequired(b.value)]);
      }
    }
    const aiohttp = ctx.languageId === 'python' && ctx.facts.imports.some((i) => i.module === 'aiohttp' || i.module.startsWith('aiohttp.'));
    for (const c of ctx.facts.calls) {
      for (const arg of c.args) {
        if (!arg.name) continue;
        if ((arg.name === 'verify' || arg.name === 'verify_ssl') && arg.value.kind === 'boolean' && arg.value.value === false) {
          report('verifyOff', `${arg.name}=False`, arg.value.range, [removeKwarg(ctx, arg.value, arg.name)]);
        } else if (aiohttp && arg.name === 'ssl' && arg.value.kind === 'boolean' && arg.value.value === false && AIOHTTP_SSL_CALLS.test(c.name)) {
          // aiohttp: `ssl=False` keeps TLS for https:// URLs but skips certificate verification (elsewhere, e.g. umqtt, ssl=False means no TLS).
          report('verifyOff', 'ssl=False', arg.value.range, [removeKwarg(ctx, arg.value, arg.name)]);
        } else if (arg.name === 'cert_reqs' && (UNVERIFIED_CERT_MODES.test(arg.value.text) || arg.value.value === 'CERT_NONE')) {
          report('verifyOff', `cert_reqs=${arg.value.text}`, arg.value.range, [certRequired(arg.value)]);
        }
      }
    }
    checkMenderCli(ctx, report);
    for (const s of ctx.facts.strings) {
      const m = s.kind !== 'comment' ? NODE_TLS_IN_TEXT.exec(ctx.text.slice(s.innerRange[0], s.innerRange[1])) : null;
      if (!m || reported.has(s.range[0])) continue;
      const at = s.innerRange[0] + m.index;
      report('nodeTlsOff', NODE_TLS, [at, at + m[0].trimEnd().length], [{ title: 'Remove NODE_TLS_REJECT_UNAUTHORIZED=0', edits: [{ range: [at, at + m[0].length], text: '' }] }]);
    }
  },
});

type Reporter = (messageId: string, option: string, range: Range, suggestions: Fix[], severity?: 'warning' | 'info') => void;

/** `mender-cli … --skip-verify` in a command string (YAML/JSON values, code strings), or `'--skip-verify'` in a mender-cli argument list. */
function checkMenderCli(ctx: RuleContext, report: Reporter): void {
  if (!ctx.text.includes('mender-cli')) return;
  const seen = new Set<number>();
  const values = [
    ...ctx.facts.strings.filter((s) => s.kind !== 'comment').map((s) => ({ range: s.range, inner: s.innerRange })),
    ...ctx.facts.keyValues.filter((kv) => kv.value.kind !== 'env').map((kv) => ({ range: kv.value.range, inner: kv.value.innerRange ?? kv.value.range })),
  ];
  for (const v of values) {
    if (seen.has(v.inner[0])) continue;
    seen.add(v.inner[0]);
    const raw = ctx.text.slice(v.inner[0], v.inner[1]);
    const m = menderCliFlag(raw);
    if (m) {
      const at = v.inner[0] + m.index + m[0].length - m[2].length;
      report('menderCliSkipVerify', m[2], [at, at + m[2].length], [{ title: `Remove ${m[2]} (verify the server certificate)`, edits: [{ range: [at - m[1].length, at + m[2].length], text: '' }] }]);
    } else if (MENDER_CLI_FLAG_ALONE.test(raw) && MENDER_CLI_NEAR.test(ctx.text.slice(Math.max(0, v.range[0] - 200), v.range[0]))) {
      report('menderCliSkipVerify', raw, v.range, []);
    }
  }
}

/** The `--skip-verify` flag after a `mender-cli` command word on the same line, if any. */
function menderCliFlag(raw: string): RegExpExecArray | undefined {
  const cmd = MENDER_CLI_NEAR.exec(raw);
  if (!cmd) return undefined;
  const from = cmd.index + cmd[0].length;
  const lineEnd = raw.indexOf('\n', from);
  const rest = raw.slice(from, Math.min(lineEnd < 0 ? raw.length : lineEnd, from + MENDER_CLI_SPAN + 1));
  const m = MENDER_CLI_FLAG.exec(rest);
  if (!m) return undefined;
  m.index += from;
  return m;
}

function isFix(f: Fix | undefined): f is Fix {
  return f !== undefined;
}

// Every edit below is a suggestion, not a fix: turning verification back on breaks connections to
// servers with self-signed or private-CA certificates until their CA is configured, so the user decides.

function flip(v: ValueFact): Fix {
  const text = v.text === 'False' ? 'True' : v.text === 'True' ? 'False' : v.text === 'false' ? 'true' : v.text === 'true' ? 'false' : v.text === 'y' ? 'n' : String(!v.value);
  return { title: `Set it to ${text}`, edits: [{ range: v.range, text }] };
}

function certRequired(v: ValueFact): Fix {
  const range: Range = v.kind === 'string' ? v.innerRange ?? v.range : [v.range[0] + v.text.lastIndexOf('CERT_'), v.range[1]];
  return { title: 'Use CERT_REQUIRED', edits: [{ range, text: 'CERT_REQUIRED' }] };
}

/** Removes `, verify=False` (or `verify=False, ` when it is the first argument). */
function removeKwarg(ctx: RuleContext, v: ValueFact, name: string): Fix {
  const lineStart = ctx.text.lastIndexOf('\n', v.range[0] - 1) + 1;
  const m = KWARG_BEFORE.exec(ctx.text.slice(lineStart, v.range[0]));
  const start = v.range[0] - (m ? m[0].length : 0);
  const end = m && !m[1] ? v.range[1] + (KWARG_AFTER.exec(ctx.text.slice(v.range[1]))?.[0].length ?? 0) : v.range[1];
  return { title: `Remove ${name}=False (verify against the system CA bundle)`, edits: [{ range: [start, end], text: '' }] };
}

/** Deletes a whole line (statement, .env entry) including its newline, when it holds nothing else. */
function deleteLine(ctx: RuleContext, range: Range): Fix | undefined {
  const lineStart = ctx.text.lastIndexOf('\n', range[0] - 1) + 1;
  const nl = ctx.text.indexOf('\n', range[1]);
  const lineEnd = nl < 0 ? ctx.text.length : nl + 1;
  const rest = ctx.text.slice(range[1], nl < 0 ? ctx.text.length : nl).trim();
  if (ctx.text.slice(lineStart, range[0]).trim() !== '' || (rest !== '' && rest !== ';')) return undefined;
  return { title: 'Remove NODE_TLS_REJECT_UNAUTHORIZED=0', edits: [{ range: [lineStart, lineEnd], text: '' }] };
}
