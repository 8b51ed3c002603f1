import type { KeyValueFact } from '../../core/facts';
import type { Fix } from '../../core/finding';

/**
 * Network services that devices and hubs expose without authentication: telnet consoles in
 * firmware and scripts (F8), and the admin surfaces of common IoT configs (F2, Z2M-06, EH-03,
 * EH-07, HA-01, TAS-02, TAS-04).
 */

export const TELNET_PORT = 23;

/** Arduino / embedded TCP server classes whose constructor argument is the listening port. */
export const SERVER_TYPES: ReadonlySet<string> = new Set(['WiFiServer', 'EthernetServer', 'AsyncServer', 'NetworkServer', 'EthernetWebServer']);

/** Arduino telnet console libraries (header basename, lower-case) → display name; none authenticates except RemoteDebug with setPassword. */
export const TELNET_LIBRARIES: ReadonlyMap<string, string> = new Map([
  ['telnetstream.h', 'TelnetStream'],
  ['esptelnet.h', 'ESPTelnet'],
  ['telnetspy.h', 'TelnetSpy'],
  ['remotedebug.h', 'RemoteDebug'],
  ['esptelnetstream.h', 'ESPTelnetStream'],
]);
/** Libraries that can be given a password: silent when a `setPassword(...)` call is present. */
export const TELNET_WITH_PASSWORD: ReadonlySet<string> = new Set(['RemoteDebug']);

/** Python calls whose arguments carry a listening (host, port). */
export const PY_SERVER_CALLS: ReadonlySet<string> = new Set([
  'bind', 'TCPServer', 'ThreadingTCPServer', 'ForkingTCPServer', 'start_server', 'create_server', 'serve', 'StreamServer',
]);
/** Python / MicroPython modules that are telnet servers by definition. */
export const PY_TELNET_SERVER_MODULES: ReadonlySet<string> = new Set(['telnetlib3', 'utelnetserver', 'utelnet']);
/** Node modules that implement telnet servers. */
export const JS_TELNET_SERVER_MODULES: ReadonlySet<string> = new Set(['telnet', 'telnet2', 'telnetlib', 'telnet-server']);

/** Hosts a listener can bind to without being reachable from the network (plus unix sockets, checked by `/`). */
export function isLoopbackBind(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || h.startsWith('127.') || h.startsWith('/') || h.startsWith('unix:');
}

/** Trusted-network entries that mean "everyone". */
export const ANY_NETWORK: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0', '0.0.0.0', '::']);

/**
 * Inserts `lines` as the first children of a YAML block map entry (or under an empty `key:`) and
 * the secret placeholder into the secrets file. Flow maps (`key: {}`) get no suggestion.
 */
export function insertYamlChild(text: string, kvs: readonly KeyValueFact[], parent: KeyValueFact, lines: readonly string[], title: string, secret: string, secretsFile = 'secrets.yaml'): Fix[] | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fileEdits = [{ path: secretsFile, append: secret, unlessContains: secret.slice(0, secret.indexOf(':') + 1) }];
  const child = kvs.find((kv) => kv.path.length === parent.path.length + 1 && parent.path.every((p, i) => kv.path[i] === p));
  if (parent.value.kind === 'object' && child && !parent.value.text.trimStart().startsWith('{')) {
    const childStart = text.lastIndexOf('\n', child.keyRange[0] - 1) + 1;
    const indent = text.slice(childStart, child.keyRange[0]);
    return [{ title, edits: [{ range: [childStart, childStart], text: lines.map((l) => `${indent}${l}${eol}`).join('') }], fileEdits }];
  }
  if (parent.value.kind !== 'null') return undefined;
  const lineStart = text.lastIndexOf('\n', parent.keyRange[0] - 1) + 1;
  const indent = `${text.slice(lineStart, parent.keyRange[0]).replace(/[^\t]/g, ' ')}  `;
  let lineEnd = text.indexOf('\n', parent.keyRange[1]);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  return [{ title, edits: [{ range: [lineEnd, lineEnd], text: lines.map((l) => `${eol}${indent}${l}`).join('') }], fileEdits }];
}
