import type { CallFact, Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule } from '../core/rule';
import type { RuleContext } from '../core/rule';

const AUTHMODE_OFF = /^MBEDTLS_SSL_VERIFY_(NONE|OPTIONAL)$/;
const OPENSSL_VERIFY = new Set(['SSL_CTX_set_verify', 'SSL_set_verify', 'wolfSSL_CTX_set_verify', 'wolfSSL_set_verify']);
const OPENSSL_NONE = /\b((?:WOLF)?SSL_VERIFY_)NONE\b/;
const PEER_VERIFY_OFF = /\bTLS_PEER_VERIFY_(NONE|OPTIONAL)\b/;
const ADDRESS_OF = /^&\s*([A-Za-z_]\w*)$/;
const SOCKOPT = new Set(['zsock_setsockopt', 'setsockopt']);
const CLIENT_CALLS = new Set(['zsock_connect', 'connect', 'SSL_connect', 'wolfSSL_connect', 'mbedtls_net_connect']);
const SERVER_CALLS = new Set(['zsock_listen', 'listen', 'SSL_accept', 'wolfSSL_accept', 'mbedtls_net_bind', 'mbedtls_net_accept']);
const ROOT_CA_NOTE = '// TODO: root_ca = the server\'s CA certificate, e.g. static const char root_ca[] PROGMEM = R"EOF(-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----)EOF";';

/** Flags calls that switch TLS peer verification off: setInsecure(), VERIFY_NONE, tls_insecure_set(True)… */
export const tlsVerificationDisabledCall = defineRule({
  meta: {
    id: 'tls-verification-disabled-call',
    title: 'TLS verification disabled by a call',
    description: 'Reports calls that disable TLS certificate or host-name verification, such as setInsecure(), MBEDTLS_SSL_VERIFY_NONE and tls_insecure_set(True).',
    category: 'tls-verification-disabled',
    severity: 'error',
    cwe: ['CWE-295', 'CWE-297'],
    practice: 6,
    attack: { ics: ['T0830'], enterprise: ['T1557'] },
    languages: ['c', 'cpp', 'python'],
    messages: {
      setInsecure: "'{{call}}' turns off server certificate checks: anyone on the network path can impersonate the server (the library calls it \"VERY INSECURE!\").",
      selfSigned: "'{{call}}' accepts any self-signed certificate, so anyone can impersonate the server.",
      hostnameOff: "'{{call}}' turns off the host-name check: a certificate issued for any other host is accepted.",
      verifyOff: "'{{call}}' with {{mode}} does not reject an invalid server certificate.",
      unverifiedContext: "'{{call}}' builds a TLS context that checks neither the certificate nor the host name.",
    },
    docs: {
      what: 'A TLS client is told not to verify its peer: Arduino setInsecure()/allowSelfSignedCerts(), paho tls_insecure_set(True), mbedTLS/OpenSSL/wolfSSL VERIFY_NONE, Zephyr TLS_PEER_VERIFY_NONE/OPTIONAL, Python ssl._create_unverified_context().',
      why: 'Encryption without authentication: an adversary in the middle presents its own certificate and reads or changes telemetry, commands and OTA images.',
      fix: 'Give the client the server CA (setCACert, setCACertBundle, tls_set(ca_certs=…), mbedtls_ssl_conf_ca_chain) and require verification (MBEDTLS_SSL_VERIFY_REQUIRED, TLS_PEER_VERIFY_REQUIRED).',
      references: ['ARD-08', 'TLS-01', 'TLS-04', 'TLS-08', 'ZEP-14', 'espressif/arduino-esp32 libraries/NetworkClientSecure/src/NetworkClientSecure.h', 'Mbed-TLS/mbedtls include/mbedtls/ssl.h'],
    },
  },
  keywords: ['setinsecure', 'allowselfsignedcerts', 'tls_insecure_set', 'verify_none', 'verify_optional', 'tls_peer_verify', '_create_unverified_context'],
  check(ctx) {
    const names = new Set(ctx.facts.calls.map((c) => c.name));
    const serverOnly = [...SERVER_CALLS].some((n) => names.has(n)) && ![...CLIENT_CALLS].some((n) => names.has(n));
    for (const c of ctx.facts.calls) {
      const call = `${c.callee}()`;
      if (c.name === 'setInsecure' && c.receiver) {
        ctx.report({ messageId: 'setInsecure', data: { call }, range: c.range, suggestions: [caCertSuggestion(ctx, c)] });
      } else if (c.name === 'allowSelfSignedCerts' && c.receiver) {
        ctx.report({ messageId: 'selfSigned', data: { call }, range: c.range });
      } else if (c.name === 'tls_insecure_set' && c.args[0]?.value.text === 'True') {
        const v = c.args[0].value;
        ctx.report({ messageId: 'hostnameOff', data: { call: `${c.callee}(True)` }, range: c.range, severity: 'warning', suggestions: [{ title: 'Use tls_insecure_set(False)', edits: [{ range: v.range, text: 'False' }] }] });
      } else if (c.name === '_create_unverified_context') {
        const nameStart = c.calleeRange[1] - c.name.length;
        ctx.report({ messageId: 'unverifiedContext', data: { call }, range: c.range, suggestions: [{ title: 'Use ssl.create_default_context()', edits: [{ range: [nameStart, c.calleeRange[1]], text: 'create_default_context' }] }] });
      } else if (c.name === 'mbedtls_ssl_conf_authmode' && !serverOnly) {
        checkAuthmode(ctx, c, names);
      } else if (OPENSSL_VERIFY.has(c.name) && !serverOnly) {
        const v = c.args[1]?.value;
        const m = v && OPENSSL_NONE.exec(v.text);
        if (v && m) {
          const at = v.range[0] + m.index + m[1].length;
          ctx.report({ messageId: 'verifyOff', data: { call, mode: m[0] }, range: c.range, suggestions: [{ title: `Use ${m[1]}PEER`, edits: [{ range: [at, at + 4], text: 'PEER' }] }] });
        }
      } else if (SOCKOPT.has(c.name) && !serverOnly && c.args.some((a) => a.value.text === 'TLS_PEER_VERIFY')) {
        checkPeerVerify(ctx, c);
      }
    }
    for (const a of ctx.facts.assignments) {
      // ssl._create_default_https_context = ssl._create_unverified_context: a process-wide kill switch.
      if (a.value.kind === 'identifier' && a.value.text.endsWith('_create_unverified_context')) {
        ctx.report({ messageId: 'unverifiedContext', data: { call: a.value.text }, range: a.range });
      }
    }
  },
});

/** A suggestion, not a fix: the sketch must provide the real CA certificate (placeholder `root_ca`). */
function caCertSuggestion(ctx: RuleContext, c: CallFact): Fix {
  const nameStart = c.calleeRange[1] - c.name.length;
  const lineStart = ctx.text.lastIndexOf('\n', c.range[0] - 1) + 1;
  const indent = /^[ \t]*/.exec(ctx.text.slice(lineStart, c.range[0]))![0];
  return {
    title: 'Verify the server: replace setInsecure() with setCACert(root_ca)',
    edits: [{ range: [lineStart, lineStart], text: `${indent}${ROOT_CA_NOTE.replace(/\n/g, `\n${indent}// `)}\n` }, { range: [nameStart, c.range[1]], text: 'setCACert(root_ca)' }],
  };
}

function checkAuthmode(ctx: RuleContext, c: CallFact, names: ReadonlySet<string>): void {
  const v = c.args[1]?.value;
  const m = v && AUTHMODE_OFF.exec(v.text);
  if (!v || !m) return;
  // OPTIONAL is safe when the code checks the result itself (TLS-08).
  if (m[1] === 'OPTIONAL' && names.has('mbedtls_ssl_get_verify_result')) return;
  ctx.report({
    messageId: 'verifyOff', data: { call: `${c.callee}()`, mode: v.text }, range: c.range,
    suggestions: [{ title: 'Use MBEDTLS_SSL_VERIFY_REQUIRED', edits: [{ range: v.range, text: 'MBEDTLS_SSL_VERIFY_REQUIRED' }] }],
  });
}

/** Zephyr `zsock_setsockopt(fd, SOL_TLS, TLS_PEER_VERIFY, &verify, …)` with verify NONE (0) / OPTIONAL (1). */
function checkPeerVerify(ctx: RuleContext, c: CallFact): void {
  const v = c.args[3]?.value;
  if (!v) return;
  const direct = PEER_VERIFY_OFF.exec(v.text);
  if (direct) {
    const at = v.range[0] + direct.index;
    ctx.report({ messageId: 'verifyOff', data: { call: `${c.callee}()`, mode: direct[0] }, range: c.range, suggestions: [{ title: 'Use TLS_PEER_VERIFY_REQUIRED', edits: [{ range: [at, at + direct[0].length], text: 'TLS_PEER_VERIFY_REQUIRED' }] }] });
    return;
  }
  const name = ADDRESS_OF.exec(v.text)?.[1];
  let decl: { range: Range; value: { text: string; range: Range } } | undefined;
  for (const a of ctx.facts.assignments) if (a.name === name && a.range[0] < c.range[0]) decl = a;
  if (!decl) return;
  const off = PEER_VERIFY_OFF.exec(decl.value.text);
  const mode = off ? off[0] : decl.value.text === '0' ? 'TLS_PEER_VERIFY_NONE (0)' : decl.value.text === '1' ? 'TLS_PEER_VERIFY_OPTIONAL (1)' : undefined;
  if (!mode) return;
  ctx.report({
    messageId: 'verifyOff', data: { call: `${c.callee}()`, mode }, range: c.range,
    related: [{ range: decl.range, message: `'${name}' is set to ${mode} here.` }],
    suggestions: [{ title: 'Use TLS_PEER_VERIFY_REQUIRED', edits: [{ range: decl.value.range, text: 'TLS_PEER_VERIFY_REQUIRED' }] }],
  });
}
