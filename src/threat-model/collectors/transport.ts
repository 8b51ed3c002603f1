/**
 * TLS verification state in code and manifests: disabled verification (setInsecure, CERT_NONE,
 * verify=False, rejectUnauthorized: false, MBEDTLS_SSL_VERIFY_NONE, tls_insecure_set(True)) and
 * its mitigation evidence (setCACert, crt_bundle_attach, tls_set(ca_certs=…), `ca:` options). Each
 * also gets a `tm:tls-scope` signal naming the connection(s) it applies to (see `connections.ts`).
 */
import type { Range, ValueFact } from '../../core/facts';
import type { Collector } from '../../core/rule';
import type { TlsScopeValue } from '../signals';
import { isOwnOutput, signalMitigation, signalTlsScope, signalWeakness } from '../signals';
import { CODE_LANGUAGES } from './common';
import { callScope, contextScope, keyValueScope, objectScope, receiverScope } from './connections';

const CA_CALLS = new Set(['setCACert', 'setCACertBundle', 'useBuiltinCACertBundle', 'setTrustAnchors', 'setCACertStore', 'load_verify_locations', 'setCertStore']);

function isFalse(v: ValueFact): boolean {
  return v.kind === 'boolean' ? v.value === false : /^(false|0)$/i.test(v.text.trim());
}
function isTrue(v: ValueFact): boolean {
  return v.kind === 'boolean' ? v.value === true : /^(true|1)$/i.test(v.text.trim());
}

type Scoped = (state: 'disabled' | 'verified', scope: TlsScopeValue, range: Range) => void;

export const transportCollector: Collector = {
  id: 'tm-transport',
  languages: [...CODE_LANGUAGES, 'yaml', 'json', 'dotenv'],
  keywords: ['insecure', 'cacert', 'ca_cert', 'crt_bundle', 'verify', 'reject', 'cert_none', 'cert_pem', 'tls_set', 'ca:', '"ca"', 'trustanchors', 'cert_reqs', 'check_hostname', 'skipverify', 'skip_verify'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    const f = ctx.facts;
    const scoped: Scoped = (state, scope, range) => signalTlsScope(ctx, state, scope, range);
    const weak = (id: string, evidence: string, range: Range, scope: TlsScopeValue): void => {
      signalWeakness(ctx, 'F4', id, evidence, range);
      scoped('disabled', scope, range);
    };
    const ca = (kind: string, evidence: string, range: Range, scope: TlsScopeValue): void => {
      signalMitigation(ctx, kind, evidence, range);
      scoped('verified', scope, range);
    };
    for (const call of f.calls) {
      if (call.name === 'setInsecure') weak('set-insecure', `${call.callee}()`, call.range, receiverScope(call, f));
      else if (CA_CALLS.has(call.name)) ca('ca-cert', `${call.callee}(…)`, call.range, call.receiver ? receiverScope(call, f) : { targets: [] });
      else if (call.name === 'tls_insecure_set' && call.args[0] && isTrue(call.args[0].value)) weak('tls-insecure-set', `${call.callee}(True)`, call.range, receiverScope(call, f));
      else if (call.name === 'tls_set') {
        const caArg = call.args.find((a) => a.name === 'ca_certs' || a.name === 'cafile' || !a.name);
        const none = call.args.find((a) => a.name === 'cert_reqs' && /CERT_NONE/.test(a.value.text));
        if (none) weak('cert-none', `${call.callee}(cert_reqs=ssl.CERT_NONE)`, call.range, receiverScope(call, f));
        else if (caArg) ca('ca-cert', `${call.callee}(ca_certs=…)`, call.range, receiverScope(call, f));
      } else if (call.name === 'mbedtls_ssl_conf_authmode' && call.args[1]) {
        // The ssl config is bound to a socket elsewhere: no connection to attribute it to.
        if (/VERIFY_NONE/.test(call.args[1].value.text)) weak('verify-none', 'mbedtls_ssl_conf_authmode(…, MBEDTLS_SSL_VERIFY_NONE)', call.range, { targets: [] });
        else if (/VERIFY_REQUIRED/.test(call.args[1].value.text)) ca('ca-cert', 'mbedtls_ssl_conf_authmode(…, MBEDTLS_SSL_VERIFY_REQUIRED)', call.range, { targets: [] });
      }
      for (const a of call.args) {
        if (a.name === 'verify' && isFalse(a.value)) weak('verify-false', `${call.callee}(verify=False)`, call.range, callScope(call, f));
      }
    }
    for (const a of f.assignments) {
      if (a.name === 'rejectUnauthorized' && isFalse(a.value)) weak('reject-unauthorized-false', 'rejectUnauthorized: false', a.range, objectScope(a.range, f));
      else if (a.name === 'crt_bundle_attach' && a.value.kind !== 'null') ca('crt-bundle', `.crt_bundle_attach = ${a.value.text.slice(0, 60)}`, a.range, objectScope(a.range, f));
      else if ((a.name === 'cert_pem' || a.name === 'server_cert_pem' || a.name === 'ca' || a.name === 'caCert' || a.name === 'ca_certs' || a.name === 'certificate') && a.value.kind !== 'null' && a.value.text.length > 0 && (a.name !== 'certificate' || a.path.includes('verification'))) {
        ca('ca-cert', `${a.name} = …`, a.range, objectScope(a.range, f));
      } else if ((a.name === 'skip_cert_common_name_check' || a.name === 'check_hostname') && (a.name === 'check_hostname' ? isFalse(a.value) : isTrue(a.value))) {
        weak('hostname-check-off', `${a.name} = ${a.value.text}`, a.range, a.kind === 'variable' ? contextScope(a.target, f) : objectScope(a.range, f));
      } else if (a.name === 'verify_mode' && /CERT_NONE/.test(a.value.text)) {
        weak('cert-none', `${a.target} = ssl.CERT_NONE`, a.range, contextScope(a.target, f));
      }
    }
    for (const kv of f.keyValues) {
      if (kv.key === 'NODE_TLS_REJECT_UNAUTHORIZED' && /^0$/.test(String(kv.value.value ?? kv.value.text).trim())) {
        // Process-wide: every TLS connection of the Node.js process skips verification.
        weak('node-tls-reject-unauthorized', 'NODE_TLS_REJECT_UNAUTHORIZED=0', kv.range, { targets: [], global: true });
      } else if ((kv.key === 'verify' || kv.key === 'verify_ssl' || kv.key === 'rejectUnauthorized') && isFalse(kv.value)) {
        weak('verify-false', `${kv.path.join('.')}: false`, kv.range, keyValueScope(kv, f.keyValues, f));
      } else if ((kv.key === 'SkipVerify' || kv.key === 'skip_verify' || kv.key === 'insecure') && isTrue(kv.value)) {
        // mender.conf `SkipVerify: true`, YAML `insecure: true`: the server certificate is not checked.
        weak('skip-verify', `${kv.path.join('.')}: true`, kv.range, keyValueScope(kv, f.keyValues, f));
      } else if ((kv.key === 'certificate_authority' || kv.key === 'ca_certs' || kv.key === 'cafile' || kv.key === 'ca') && kv.value.text.length > 0) {
        ca('ca-cert', `${kv.path.join('.')}: …`, kv.range, keyValueScope(kv, f.keyValues, f));
      }
    }
  },
};
