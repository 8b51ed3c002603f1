import { isTruthy, stringValue } from '../core/fact-helpers';
import type { Fix } from '../core/finding';
import type { RuleContext } from '../core/rule';
import { defineRule } from '../core/rule';
import { eol, lineContentRange, lineIndent } from './data/update-edits';
import { UNSIGNED_UPDATE_ATTACK } from './data/update-triggers';

/** Top-level keys only a Mender client config has ([MD-P] config_parser.cpp). */
const MENDER_KEYS: readonly string[] = ['ServerURL', 'Servers', 'TenantToken'];
const MENDER_VERIFY_KEYS: readonly string[] = ['ArtifactVerifyKey', 'ArtifactVerifyKeys'];
const MENDER_KEY_PATH = '"/etc/mender/artifact-verify-key.pem"';
const MENDER_INSERT = `"ArtifactVerifyKeys": [${MENDER_KEY_PATH}],`;

/** SWUpdate-only Kconfig symbols (sbabic/swupdate Kconfig, configs/*_defconfig); two are needed to call a file SWUpdate's. */
const SWUPDATE_MARKER = /^CONFIG_(?:SURICATTA\w*|MONGOOSE\w*|WEBSERVER|SHELLSCRIPTHANDLER|LUASCRIPTHANDLER|SWUFORWARDER_HANDLER|HW_COMPATIBILITY\w*|SW_VERSIONS_FILE|LUAPKG|HASH_VERIFY|BOOTLOADERHANDLER|REMOTE_HANDLER|ENCRYPTED_IMAGES|ENCRYPTED_SW_DESCRIPTION)$/;
const SIGNED_IMAGES = 'CONFIG_SIGNED_IMAGES';

/** Flags Mender, SWUpdate and RAUC configurations that accept unsigned or replayable update packages. */
export const linuxUpdaterUnsigned = defineRule({
  meta: {
    id: 'linux-updater-unsigned',
    title: 'Linux updater accepts unsigned or downgradable packages',
    description: 'Flags Mender configs without ArtifactVerifyKey(s), SWUpdate builds without CONFIG_SIGNED_IMAGES and RAUC system.conf files that allow plain bundles or have no version floor.',
    category: 'unsigned-update',
    severity: 'warning',
    cwe: ['CWE-347', 'CWE-494', 'CWE-1328'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['json', 'kconfig', 'ini'],
    messages: {
      menderNoVerifyKey: 'Mender client config without ArtifactVerifyKey(s): the client installs unsigned artifacts from the server (unless your build injects a verify key in another mender.conf fragment).',
      swupdateUnsigned: 'SWUpdate is built without CONFIG_SIGNED_IMAGES: sw-description, and with it every image hash, is not authenticated, so any .swu that reaches the device is installed.',
      raucPlain: 'RAUC [system] {{state}}: plain bundles are not protected against modification during installation (CVE-2020-25860 lineage); accept only verity/crypt bundles.',
      raucNoMinVersion: 'RAUC [system] has no min-bundle-version: older, correctly signed bundles can be installed again (downgrade).',
    },
    docs: {
      what: 'mender.conf JSON (with ServerURL/Servers/TenantToken) lacking ArtifactVerifyKey(s); SWUpdate .config / *_defconfig without CONFIG_SIGNED_IMAGES=y; RAUC system.conf whose [system] bundle-formats allows plain, or lacks min-bundle-version.',
      why: 'Mender enforces artifact signatures only when a verify key is configured; SWUpdate authenticates nothing without SIGNED_IMAGES; RAUC plain bundles re-open a verification/installation race, and without a version floor old vulnerable bundles stay installable.',
      fix: 'Mender: "ArtifactVerifyKeys": ["/etc/mender/artifact-verify-key.pem"]. SWUpdate: CONFIG_SIGNED_IMAGES=y and install with -k <public key>. RAUC: bundle-formats=-plain and min-bundle-version=<release floor>.',
      references: ['MEN-03', 'SWU-01', 'RAU-01', 'RAU-02', 'X-06', 'T-17', 'mendersoftware/mender src/client_shared/config_parser/config_parser.cpp', 'sbabic/swupdate crypto/Kconfig', 'rauc/rauc src/config_file.c', 'rauc/rauc docs/reference.rst'],
    },
  },
  // The anchor each check needs: a Mender key, an SWUpdate-only symbol, RAUC's `[system]` header.
  keywords: [
    /"(?:ServerURL|Servers|TenantToken)"/,
    /\bCONFIG_(?:SURICATTA|MONGOOSE|WEBSERVER|SHELLSCRIPTHANDLER|LUASCRIPTHANDLER|SWUFORWARDER_HANDLER|HW_COMPATIBILITY|SW_VERSIONS_FILE|LUAPKG|HASH_VERIFY|BOOTLOADERHANDLER|REMOTE_HANDLER|ENCRYPTED_IMAGES|ENCRYPTED_SW_DESCRIPTION)/,
    '[system]',
  ],
  check(ctx) {
    if (ctx.languageId === 'json') checkMender(ctx);
    else if (ctx.languageId === 'kconfig') checkSwupdate(ctx);
    else checkRauc(ctx);
  },
});

function checkMender(ctx: RuleContext): void {
  const top = ctx.facts.keyValues.filter((kv) => kv.path.length === 1);
  const anchor = top.find((kv) => MENDER_KEYS.includes(kv.key));
  if (!anchor) return;
  const hasKey = top.some((kv) => MENDER_VERIFY_KEYS.includes(kv.key)
    && (kv.value.kind === 'array' ? (kv.value.elements?.length ?? 0) > 0 : (stringValue(kv.value) ?? '').trim() !== ''));
  if (hasKey) return;
  const fix: Fix = { title: 'Require signed artifacts (ArtifactVerifyKeys)', edits: [] };
  const empty = top.find((kv) => MENDER_VERIFY_KEYS.includes(kv.key));
  if (empty) {
    // Fill the existing empty entry rather than adding a duplicate key.
    fix.edits.push({ range: empty.value.range, text: empty.key === 'ArtifactVerifyKeys' ? `[${MENDER_KEY_PATH}]` : MENDER_KEY_PATH });
  } else {
    const first = top.reduce((a, b) => (b.keyRange[0] < a.keyRange[0] ? b : a));
    const [lineStart] = lineContentRange(ctx.text, first.keyRange[0]);
    const ownLine = ctx.text.slice(lineStart, first.keyRange[0]).trim() === '';
    fix.edits.push(ownLine
      ? { range: [lineStart, lineStart], text: `${lineIndent(ctx.text, first.keyRange[0])}${MENDER_INSERT}${eol(ctx.text)}` }
      : { range: [first.keyRange[0], first.keyRange[0]], text: `${MENDER_INSERT} ` });
  }
  ctx.report({ messageId: 'menderNoVerifyKey', range: anchor.keyRange, suggestions: [fix] });
}

function checkSwupdate(ctx: RuleContext): void {
  const kvs = ctx.facts.keyValues;
  const markers = new Set(kvs.filter((kv) => SWUPDATE_MARKER.test(kv.key)).map((kv) => kv.key));
  if (markers.size < 2) return;
  const signed = kvs.filter((kv) => kv.key === SIGNED_IMAGES).pop();
  if (signed && isTruthy(signed.value)) return;
  const line = `${SIGNED_IMAGES}=y`;
  const nl = eol(ctx.text);
  const fix: Fix = signed
    ? { title: `Replace with ${line}`, edits: [{ range: lineContentRange(ctx.text, signed.range[0]), text: line }] }
    : { title: `Append ${line}`, edits: [{ range: [ctx.text.length, ctx.text.length], text: `${ctx.text.endsWith('\n') ? '' : nl}${line}${nl}` }] };
  ctx.report({ messageId: 'swupdateUnsigned', range: (signed ?? kvs[0]).range, suggestions: [fix] });
}

function checkRauc(ctx: RuleContext): void {
  const system = ctx.facts.keyValues.filter((kv) => kv.path.length === 2 && kv.path[0] === 'system');
  if (!system.some((kv) => kv.key === 'compatible')) return;
  const header = sectionHeader(ctx.text, 'system');
  if (!header) return;
  const nl = eol(ctx.text);
  const formats = system.find((kv) => kv.key === 'bundle-formats');
  if (!formats) {
    ctx.report({
      messageId: 'raucPlain', data: { state: 'has no bundle-formats' }, range: header,
      suggestions: [{ title: 'Add bundle-formats=-plain', edits: [{ range: [header[1], header[1]], text: `${nl}bundle-formats=-plain` }] }],
    });
  } else {
    const tokens = String(formats.value.value ?? formats.value.text).split(/\s+/).filter(Boolean);
    const relative = tokens.length > 0 && tokens.every((t) => t.startsWith('+') || t.startsWith('-'));
    const allowsPlain = relative ? !tokens.includes('-plain') : tokens.includes('plain');
    if (allowsPlain) {
      const rest = tokens.filter((t) => t.replace(/^[+-]/, '') !== 'plain');
      const value = relative ? [...rest, '-plain'].join(' ') : rest.join(' ') || 'verity';
      ctx.report({
        messageId: 'raucPlain', data: { state: 'bundle-formats allows plain' }, range: formats.range,
        suggestions: [{ title: `Set bundle-formats=${value}`, edits: [{ range: formats.value.range, text: value }] }],
      });
    }
  }
  if (!system.some((kv) => kv.key === 'min-bundle-version')) {
    ctx.report({ messageId: 'raucNoMinVersion', range: header, severity: 'info' });
  }
}

/** Range of a `[name]` section header line's content, if present. */
function sectionHeader(text: string, name: string): [number, number] | undefined {
  const needle = `[${name}]`;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const [start] = lineContentRange(text, i);
    if (text.slice(start, i).trim() === '') return [i, i + needle.length];
  }
  return undefined;
}
