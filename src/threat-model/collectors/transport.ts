/**
 * TLS verification state in code and manifests: disabled verification (setInsecure, CERT_NONE,
 * verify=False, rejectUnauthorized: false, MBEDTLS_SSL_VERIFY_NONE, tls_insecure_set(True)) and
 * its mitigation evidence (setCACert, crt_bundle_attach, tls_set(ca_certs=…), `ca:` options).
 */
import type { ValueFact } from '../../core/facts';
import type { Collector } from '../../core/rule';
import { isOwnOutput, signalMitigation, signalWeakness } from '../signals';
import { CODE_LANGUAGES } from './common';

const CA_CALLS = new Set(['setCACert', 'setCACertBundle', 'useBuiltinCACertBundle', 'setTrustAnchors', 'setCACertStore', 'load_verify_locations', 'setCertStore']);

function isFalse(v: ValueFact): boolean {
  return v.kind === 'boolean' ? v.value === false : /^(false|0)$/i.test(v.text.trim());
}
function isTrue(v: ValueFact): boolean {
  return v.kind === 'boolean' ? v.value === true : /^(true|1)$/i.test(v.text.trim());
}

export const transportCollector: Collector = {
  id: 'tm-transport',
  languages: [...CODE_LANGUAGES, 'yaml', 'json', 'dotenv'],
  keywords: ['insecure', 'cacert', 'ca_cert', 'crt_bundle', 'verify', 'reject', 'cert_none', 'cert_pem', 'tls_set', 'ca:', '"ca"', 'trustanchors', 'cert_reqs'],
  collect(ctx) {
    if (isOwnOutput(ctx.filePath)) return;
    for (const call of ctx.facts.calls) {
      if (call.name === 'setInsecure') signalWeakness(ctx, 'F4', 'set-insecure', `${call.callee}()`, call.range);
      else if (CA_CALLS.has(call.name)) signalMitigation(ctx, 'ca-cert', `${call.callee}(…)`, call.range);
      else if (call.name === 'tls_insecure_set' && call.args[0] && isTrue(call.args[0].value)) signalWeakness(ctx, 'F4', 'tls-insecure-set', `${call.callee}(True)`, call.range);
      else if (call.name === 'tls_set') {
        const ca = call.args.find((a) => a.name === 'ca_certs' || a.name === 'cafile' || !a.name);
        const none = call.args.find((a) => a.name === 'cert_reqs' && /CERT_NONE/.test(a.value.text));
        if (none) signalWeakness(ctx, 'F4', 'cert-none', `${call.callee}(cert_reqs=ssl.CERT_NONE)`, call.range);
        else if (ca) signalMitigation(ctx, 'ca-cert', `${call.callee}(ca_certs=…)`, call.range);
      } else if (call.name === 'mbedtls_ssl_conf_authmode' && call.args[1]) {
        if (/VERIFY_NONE/.test(call.args[1].value.text)) signalWeakness(ctx, 'F4', 'verify-none', 'mbedtls_ssl_conf_authmode(…, MBEDTLS_SSL_VERIFY_NONE)', call.range);
        else if (/VERIFY_REQUIRED/.test(call.args[1].value.text)) signalMitigation(ctx, 'ca-cert', 'mbedtls_ssl_conf_authmode(…, MBEDTLS_SSL_VERIFY_REQUIRED)', call.range);
      }
      for (const a of call.args) {
        if (a.name === 'verify' && isFalse(a.value)) signalWeakness(ctx, 'F4', 'verify-false', `${call.callee}(verify=False)`, call.range);
      }
    }
    for (const a of ctx.facts.assignments) {
      if (a.name === 'rejectUnauthorized' && isFalse(a.value)) signalWeakness(ctx, 'F4', 'reject-unauthorized-false', 'rejectUnauthorized: false', a.range);
      else if (a.name === 'crt_bundle_attach' && a.value.kind !== 'null') signalMitigation(ctx, 'crt-bundle', `.crt_bundle_attach = ${a.value.text.slice(0, 60)}`, a.range);
      else if ((a.name === 'cert_pem' || a.name === 'server_cert_pem' || a.name === 'ca' || a.name === 'caCert' || a.name === 'ca_certs') && a.value.kind !== 'null' && a.value.text.length > 0) {
        signalMitigation(ctx, 'ca-cert', `${a.name} = …`, a.range);
      } else if ((a.name === 'skip_cert_common_name_check' || a.name === 'check_hostname') && (a.name === 'check_hostname' ? isFalse(a.value) : isTrue(a.value))) {
        signalWeakness(ctx, 'F4', 'hostname-check-off', `${a.name} = ${a.value.text}`, a.range);
      } else if (a.name === 'verify_mode' && /CERT_NONE/.test(a.value.text)) {
        signalWeakness(ctx, 'F4', 'cert-none', `${a.target} = ssl.CERT_NONE`, a.range);
      }
    }
    for (const kv of ctx.facts.keyValues) {
      if (kv.key === 'NODE_TLS_REJECT_UNAUTHORIZED' && /^0$/.test(String(kv.value.value ?? kv.value.text).trim())) {
        signalWeakness(ctx, 'F4', 'node-tls-reject-unauthorized', 'NODE_TLS_REJECT_UNAUTHORIZED=0', kv.range);
      } else if ((kv.key === 'verify' || kv.key === 'verify_ssl' || kv.key === 'rejectUnauthorized') && isFalse(kv.value)) {
        signalWeakness(ctx, 'F4', 'verify-false', `${kv.path.join('.')}: false`, kv.range);
      } else if ((kv.key === 'certificate_authority' || kv.key === 'ca_certs' || kv.key === 'cafile' || kv.key === 'ca') && kv.value.text.length > 0) {
        signalMitigation(ctx, 'ca-cert', `${kv.path.join('.')}: …`, kv.range);
      }
    }
  },
};
