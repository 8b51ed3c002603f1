import type { CallFact, ValueFact } from '../core/facts';
import { stringValue } from '../core/fact-helpers';
import type { RuleContext } from '../core/rule';
import { defineRule } from '../core/rule';
import {
  isLoopbackBind, JS_TELNET_SERVER_MODULES, PY_SERVER_CALLS, PY_TELNET_SERVER_MODULES, SERVER_TYPES, TELNET_LIBRARIES, TELNET_PORT, TELNET_WITH_PASSWORD,
} from './data/device-services';

const DECLARED_TYPE = /^(?:(?:static|const)\s+)*([A-Za-z_]\w*)(?:\s+|\s*\*\s*)[A-Za-z_]\w*\s*[(={]/;
const HTONS = new Set(['htons', 'lwip_htons', 'PP_HTONS']);
const LISTEN_CALLS = new Set(['listen', 'lwip_listen', 'zsock_listen']);
const NEW_CALL = /^new\s+([A-Za-z_]\w*)\s*\(\s*([A-Za-z_0-9]+)\s*\)$/;

function moduleBase(module: string): string {
  return module.slice(module.lastIndexOf('/') + 1).toLowerCase();
}

/** Flags telnet consoles started by firmware, scripts or Node services (port 23 listeners and telnet server libraries). */
export const telnetServer = defineRule({
  meta: {
    id: 'telnet-server',
    title: 'Telnet console exposed',
    description: 'Firmware or a gateway script starts a telnet server (port 23 listener or telnet console library), which has no authentication and no encryption.',
    category: 'exposed-service',
    severity: 'warning',
    cwe: ['CWE-306', 'CWE-1188', 'CWE-489'],
    practice: 7,
    attack: { ics: ['T0886', 'T0883', 'T0807'], enterprise: ['T1021', 'T1133', 'T1046'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript'],
    messages: {
      port23: '{{what}} listens on the telnet port 23: anyone who can reach the device gets an unauthenticated, unencrypted console.',
      library: '{{library}} serves a telnet console without authentication or encryption: anyone on the network can read the debug output and send commands.',
    },
    docs: {
      what: 'Arduino `WiFiServer`/`EthernetServer` on port 23, telnet console libraries (TelnetStream, ESPTelnet, TelnetSpy, RemoteDebug without `setPassword`), Python `socketserver`/`socket.bind`/`asyncio.start_server` on port 23 and `telnetlib3` / MicroPython `utelnetserver` servers, Node `listen(23)` and telnet server packages.',
      why: 'Telnet has neither authentication nor encryption: a debug console left in a product gives anyone on the LAN (or the internet, behind port forwarding) a command interface and its output (CWE-306, CWE-489).',
      fix: 'Remove the telnet console from release builds (guard it with a debug build flag), or replace it with an authenticated, encrypted channel (SSH, MQTT over TLS with per-device credentials). Bind development consoles to 127.0.0.1.',
      references: ['F8', 'F3', 'T-01'],
    },
  },
  // Exactly what check() can report, each with a distinctive literal (a bare `, 23)` is in every C file):
  keywords: [
    // `WiFiServer t(23)`, `new AsyncServer(TELNET_PORT)` (an identifier may be a define of 23), not `WiFiServer s(80)`
    /\b(?:WiFiServer|EthernetServer|AsyncServer|NetworkServer|EthernetWebServer)\b[\s*&]*(?:[A-Za-z_]\w*\s*)?[({=][\s(]*(?:new\s+\w+\s*\([\s(]*)?(?:23\b|[A-Za-z_])/,
    /\b(?:htons|lwip_htons|PP_HTONS)\s*\([\s(]*(?:23\b|[A-Za-z_])/,
    /(?:TelnetStream|ESPTelnet|TelnetSpy|RemoteDebug)\.h/i,
    /\b(?:telnetlib3|utelnet)/i,
    /["'`]telnet(?:2|lib|-server)?["'`]/i,
    // A Python/Node listener call with a literal port 23 among its arguments (any spelling of the number).
    /\b(?:bind|TCPServer|ThreadingTCPServer|ForkingTCPServer|start_server|create_server|serve|StreamServer|listen)\s*\([\s\S]{0,400}?(?<![\w.])(?:23|0[xX]0*17|0[oO]?0*27)(?![\w.])/,
  ],
  check(ctx) {
    if (ctx.languageId === 'c' || ctx.languageId === 'cpp') checkArduino(ctx);
    else checkScripts(ctx);
  },
});

function checkArduino(ctx: RuleContext): void {
  const port23 = new Set<string>(['23']);
  for (const a of ctx.facts.assignments) if (a.kind === 'define' && a.value.kind === 'number' && a.value.value === TELNET_PORT) port23.add(a.name);
  for (const a of ctx.facts.assignments) {
    if (a.kind !== 'variable') continue;
    // `WiFiServer telnet(23);` (value = the constructor argument) or `WiFiServer *t = new WiFiServer(23);`
    const declared = DECLARED_TYPE.exec(ctx.text.slice(a.range[0], a.range[1]))?.[1];
    const created = NEW_CALL.exec(a.value.text);
    const type = created?.[1] ?? declared;
    const port = created?.[2] ?? a.value.text;
    if (!type || !SERVER_TYPES.has(type) || !port23.has(port)) continue;
    ctx.report({ messageId: 'port23', data: { what: `${type} ${a.name}` }, range: a.range });
  }
  // ESP-IDF / lwIP sockets: `addr.sin_port = htons(23)` in a file that also listens.
  if (ctx.facts.calls.some((c) => LISTEN_CALLS.has(c.name))) {
    for (const c of ctx.facts.calls) {
      if (HTONS.has(c.name) && c.args.length === 1 && port23.has(c.args[0].value.text)) ctx.report({ messageId: 'port23', data: { what: 'A socket server (htons(23))' }, range: c.range });
    }
  }
  const hasPassword = ctx.facts.calls.some((c) => c.name === 'setPassword' && c.receiver !== undefined);
  for (const imp of ctx.facts.imports) {
    const library = TELNET_LIBRARIES.get(moduleBase(imp.module));
    if (!library || (TELNET_WITH_PASSWORD.has(library) && hasPassword)) continue;
    ctx.report({ messageId: 'library', data: { library }, range: imp.range });
  }
}

function portOf(call: CallFact): { port: ValueFact; host?: string } | undefined {
  for (const arg of call.args) {
    const v = arg.value;
    if (arg.name === 'port' && v.kind === 'number') return { port: v, host: hostArg(call) };
    // (host, port) tuples: socket.bind(("0.0.0.0", 23)), TCPServer(("", 23), Handler)
    const els = v.kind === 'array' ? v.elements ?? [] : [];
    if (els.length === 2 && els[1].kind === 'number') return { port: els[1], host: stringValue(els[0]) };
  }
  const positional = call.args.filter((a) => !a.name);
  const num = positional.find((a) => a.value.kind === 'number');
  return num ? { port: num.value, host: hostArg(call) } : undefined;
}

function hostArg(call: CallFact): string | undefined {
  const named = call.args.find((a) => a.name === 'host');
  return (named && stringValue(named.value)) ?? call.args.map((a) => (a.name ? undefined : stringValue(a.value))).find((s) => s !== undefined);
}

function checkScripts(ctx: RuleContext): void {
  const modules = new Set(ctx.facts.imports.map((i) => i.module.toLowerCase()));
  const python = ctx.languageId === 'python';
  for (const call of ctx.facts.calls) {
    const root = call.callee.split('.')[0].toLowerCase();
    if (python && PY_TELNET_SERVER_MODULES.has(root) && (call.name === 'create_server' || call.name === 'start')) {
      ctx.report({ messageId: 'library', data: { library: call.callee.split('.')[0] }, range: call.range, severity: severityFor(hostArg(call)) });
      continue;
    }
    if (!python && call.name === 'createServer' && [...modules].some((m) => JS_TELNET_SERVER_MODULES.has(m)) && JS_TELNET_SERVER_MODULES.has(root)) {
      ctx.report({ messageId: 'library', data: { library: root }, range: call.range });
      continue;
    }
    const listens = python ? PY_SERVER_CALLS.has(call.name) : call.name === 'listen';
    const bound = listens ? portOf(call) : undefined;
    if (!bound || bound.port.value !== TELNET_PORT) continue;
    ctx.report({ messageId: 'port23', data: { what: `${call.callee}()` }, range: call.range, severity: severityFor(bound.host) });
  }
}

/** A console bound to loopback is only reachable from the machine itself. */
function severityFor(host: string | undefined): 'info' | undefined {
  return host !== undefined && isLoopbackBind(host) ? 'info' : undefined;
}
