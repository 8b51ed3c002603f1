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
