import type { KeyValueFact, Range } from '../core/facts';
import type { Fix } from '../core/finding';
import { defineRule, type RuleContext } from '../core/rule';

/** Keys of a Mosquitto ACL file (`acl_file`); any other key means this is not one (e.g. a bridge's `topic` in mosquitto.conf). */
const ACL_KEYS = new Set(['user', 'topic', 'pattern']);
const ACCESS = new Set(['read', 'write', 'readwrite', 'deny']);
/** Hub / integration accounts that legitimately need every topic (discovery, bridges, rule engines): info only. */
const HUB_ACCOUNTS = new Set(['homeassistant', 'home-assistant', 'home_assistant', 'hass', 'nodered', 'node-red', 'node_red', 'openhab', 'iobroker', 'domoticz', 'fhem']);
const SPACES = /[ \t]+/;

/** Flags Mosquitto ACL entries that give write access to every topic (`#`). */
export const mosquittoAclWildcard = defineRule({
  meta: {
    id: 'mosquitto-acl-wildcard',
    title: 'Mosquitto ACL grants write access to every topic',
    description: 'Reports Mosquitto acl_file entries (topic / pattern) that let a user, every client or anonymous clients write to the # wildcard.',
    category: 'permissive-policy',
    severity: 'warning',
    cwe: ['CWE-732', 'CWE-269'],
    practice: 7,
    attack: { ics: ['T0859', 'T0855', 'T0856'], enterprise: ['T1078.004'] },
    languages: ['ini'],
    messages: {
      userWildcard: "ACL gives user '{{user}}' {{access}} access to every topic (#): with this one account's credentials anyone can publish commands to every device and spoof every report. Limit it to the account's own topics.",
      hubWildcard: "ACL gives the hub account '{{user}}' {{access}} access to every topic (#); usual for a home-automation hub, but keep its credentials off devices and limit it where you can.",
      anonymousWildcard: 'ACL gives anonymous clients {{access}} access to every topic (#): anyone who can connect can publish commands to every device and spoof every report.',
      patternWildcard: "ACL pattern gives every client {{access}} access to every topic (#): one device's credentials control the whole broker. Scope it with %c or %u (e.g. devices/%c/#).",
    },
    docs: {
      what: 'A Mosquitto ACL file (`acl_file`) line `topic readwrite #` / `topic write #` / `topic #` (read+write) for a user or before any `user` line (anonymous clients), or `pattern readwrite #` (every client). Read-only `#` and `deny` lines are not reported; well-known hub accounts (Home Assistant, Node-RED, openHAB, ioBroker, Domoticz, FHEM) are info.',
      why: 'MQTT topics carry device commands and telemetry. An account that may write to `#` can switch every relay, push configuration and spoof every sensor; when that account lives on a device (a smart plug, a sensor), extracting its password from one device compromises the fleet (CWE-732).',
      fix: 'Give each account only its own tree (`topic readwrite shellies/plug-1/#`) or use `pattern readwrite devices/%c/#`; keep broad `#` access for the hub account only.',
      references: ['F9', 'F2', 'eclipse/mosquitto man/mosquitto.conf.5.xml', 'eclipse/mosquitto aclfile.example'],
    },
  },
  keywords: ['write', 'topic #'],
  check(ctx) {
    const top = ctx.facts.keyValues.filter((kv) => kv.path.length === 2 && kv.path[0] === '');
    if (!top.some((kv) => kv.key === 'topic' || kv.key === 'pattern') || top.some((kv) => !ACL_KEYS.has(kv.key))) return;
    let user: string | undefined;
    for (const kv of top) {
      if (kv.key === 'user') {
        user = String(kv.value.value ?? kv.value.text).trim();
        continue;
      }
      const entry = readEntry(ctx, kv);
      if (!entry || entry.topic !== '#' || entry.access === 'read' || entry.access === 'deny') continue;
      const hub = user !== undefined && HUB_ACCOUNTS.has(user.toLowerCase());
      const messageId = kv.key === 'pattern' ? 'patternWildcard' : user === undefined ? 'anonymousWildcard' : hub ? 'hubWildcard' : 'userWildcard';
      const scope = kv.key === 'pattern' ? '%c/#' : user !== undefined && !hub && !/[\s#+]/.test(user) ? `${user}/#` : undefined;
      const suggestions: Fix[] = scope ? [{ title: `Limit to ${scope}`, edits: [{ range: entry.topicRange, text: scope }] }] : [];
      ctx.report({ messageId, data: { user: user ?? '', access: entry.access }, range: entry.range, severity: hub ? 'info' : undefined, suggestions });
    }
  },
});

/**
 * `topic [read|write|readwrite|deny] <topic>` from the source line: the INI reader treats ` #` as a
 * comment, but in an ACL a `#` after the access word is the multi-level wildcard.
 */
function readEntry(ctx: RuleContext, kv: KeyValueFact): { access: string; topic: string; topicRange: Range; range: Range } | undefined {
  const start = kv.keyRange[0];
  const nl = ctx.text.indexOf('\n', start);
  const line = ctx.text.slice(start, nl < 0 ? ctx.text.length : nl).trimEnd();
  const words = line.split(SPACES);
  if (words.length < 2) return undefined;
  const explicit = ACCESS.has(words[1]);
  const topic = words.slice(explicit ? 2 : 1).join(' ');
  if (!topic) return undefined;
  const topicStart = start + line.lastIndexOf(topic);
  return { access: explicit ? words[1] : 'readwrite', topic, topicRange: [topicStart, topicStart + topic.length], range: [start, start + line.length] };
}
