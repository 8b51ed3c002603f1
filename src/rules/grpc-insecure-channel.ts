import type { CallFact, Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { stringValue } from '../core/fact-helpers';
import { defineRule, type RuleContext } from '../core/rule';
import { isLocalOrTrustedHost } from '../core/text';
import { PLAINTEXT_ATTACK } from './data/transport-schemes';

// Python grpcio: `grpc.insecure_channel(target)` / `grpc.aio.insecure_channel(target)` (or the name imported from them).
const PY_RECEIVERS = new Set(['grpc', 'grpc.aio', 'aio']);
// Node @grpc/grpc-js / grpc: `grpc.credentials.createInsecure()`, `ChannelCredentials.createInsecure()`.
const JS_RECEIVER = /(?:^|\.)(?:credentials|ChannelCredentials)$/;
// gRPC name-resolver prefixes (`dns:///host:443`, `ipv4:10.0.0.1:50051`); `unix:` targets never leave the host.
const RESOLVER_PREFIX = /^(?:dns:(?:\/\/[^/]{0,253})?\/{0,3}|ipv4:|ipv6:)/;
const UNIX_TARGET = /^unix(?:-abstract)?:/;

/** Flags gRPC channels created without TLS (Python insecure_channel, Node credentials.createInsecure()). */
export const grpcInsecureChannel = defineRule({
  meta: {
    id: 'grpc-insecure-channel',
    title: 'gRPC channel without TLS',
    description: 'Reports gRPC client channels opened with insecure (plaintext) credentials to a host that is not loopback.',
    category: 'plaintext-protocol',
    severity: 'warning',
    cwe: ['CWE-319', 'CWE-523'],
    practice: 6,
    attack: PLAINTEXT_ATTACK,
    languages: ['python', 'javascript', 'typescript'],
    messages: {
      insecure: '{{callee}}() opens a gRPC channel to {{host}} without TLS: API tokens in the metadata, requests and responses travel unencrypted and can be read or altered on the path. Use TLS channel credentials.',
    },
    docs: {
      what: 'A Python `grpc.insecure_channel(target)` / `grpc.aio.insecure_channel(target)`, or a Node `grpc.credentials.createInsecure()` passed to a client, for a target that is not loopback or a unix socket.',
      why: 'An insecure gRPC channel is plain HTTP/2: bearer tokens sent as call metadata (ChirpStack, cloud and fleet APIs), device data and commands cross the network in the clear (CWE-319, CWE-523).',
      fix: 'Use `grpc.secure_channel(target, grpc.ssl_channel_credentials())` (Python) or `grpc.credentials.createSsl()` (Node), with the server CA when it is private. Loopback targets are reported as info.',
      references: ['F3', 'T-01', 'grpc/grpc src/python/grpcio/grpc/__init__.py', 'grpc/grpc-node packages/grpc-js/src/channel-credentials.ts'],
    },
  },
  keywords: ['insecure_channel', 'createinsecure'],
  check(ctx) {
    const python = ctx.languageId === 'python';
    const pyNames = python ? importedInsecureChannel(ctx) : false;
    for (const c of ctx.facts.calls) {
      if (python) {
        if (c.name !== 'insecure_channel' || (c.receiver ? !PY_RECEIVERS.has(c.receiver) : !pyNames)) continue;
        const target = c.args.find((a) => a.name === 'target') ?? c.args.find((a) => a.name === undefined);
        report(ctx, c, target ? stringValue(target.value) : undefined, pythonFix(c));
      } else if (c.name === 'createInsecure' && c.receiver && JS_RECEIVER.test(c.receiver)) {
        report(ctx, c, jsTarget(ctx, c), [{ title: 'Use createSsl() (TLS channel credentials)', edits: [{ range: [c.calleeRange[1] - 'createInsecure'.length, c.calleeRange[1]], text: 'createSsl' }] }]);
      }
    }
  },
});

function importedInsecureChannel(ctx: RuleContext): boolean {
  return ctx.facts.imports.some((i) => i.module === 'grpc' || i.module.startsWith('grpc.'))
    && /\bimport\b[^\n]{0,200}\binsecure_channel\b/.test(ctx.text);
}

function report(ctx: RuleContext, c: CallFact, target: string | undefined, suggestions: Fix[]): void {
  const host = target === undefined ? undefined : hostOf(target.trim());
  if (host === null) return; // unix socket
  const local = host !== undefined && host !== '' && isLocalOrTrustedHost(host, ctx.settings.trustedHosts);
  ctx.report({
    messageId: 'insecure',
    data: { callee: c.callee, host: host ? `'${host}'` : 'a host chosen at run time' },
    range: c.range,
    severity: local ? 'info' : undefined,
    suggestions,
  });
}

/** Host of a gRPC target (`host:port`, `dns:///host:port`, `[::1]:50051`); null for unix sockets. */
function hostOf(target: string): string | null {
  if (UNIX_TARGET.test(target)) return null;
  const t = target.replace(RESOLVER_PREFIX, '');
  if (t.startsWith('[')) return t.slice(1, Math.max(1, t.indexOf(']'))).toLowerCase();
  const colon = t.lastIndexOf(':');
  return (colon > 0 && t.indexOf(':') === colon ? t.slice(0, colon) : t).toLowerCase();
}

/** Node: the target is the first string argument of the call that receives the credentials (`new Client(target, creds)`). */
function jsTarget(ctx: RuleContext, creds: CallFact): string | undefined {
  let owner: CallFact | undefined;
  for (const c of ctx.facts.calls) {
    if (c === creds || !c.args.some((a) => a.value.range[0] <= creds.range[0] && a.value.range[1] >= creds.range[1])) continue;
    if (!owner || c.range[0] >= owner.range[0]) owner = c;
  }
  const first = owner?.args[0];
  return first && first.value.range[0] !== creds.range[0] ? stringValue(first.value) : undefined;
}

/** `grpc.insecure_channel(t)` → `grpc.secure_channel(t, grpc.ssl_channel_credentials())`; a suggestion (the server must speak TLS). */
function pythonFix(c: CallFact): Fix[] {
  const first = c.args[0];
  if (!c.receiver?.startsWith('grpc') || !first || first.name !== undefined) return [];
  const nameStart = c.calleeRange[1] - 'insecure_channel'.length;
  const edits: Array<{ range: Range; text: string }> = [
    { range: [nameStart, c.calleeRange[1]], text: 'secure_channel' },
    { range: [first.value.range[1], first.value.range[1]], text: ', grpc.ssl_channel_credentials()' },
  ];
  return c.args.length === 1 ? [{ title: 'Use secure_channel() with ssl_channel_credentials()', edits }] : [];
}
