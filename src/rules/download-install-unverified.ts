import type { CallFact, Range } from '../core/facts';
import { defineRule, type RuleContext } from '../core/rule';
import { UNSIGNED_UPDATE_ATTACK } from './data/update-triggers';

// Calls that fetch something over the network (Python, MicroPython, Node.js).
const DOWNLOAD_CALLEE = /^(?:requests|urequests|httpx|session|client|http|https|axios|got|needle|superagent|wget|urllib\.request|urllib2|request)\.(?:get|request|stream|download|urlretrieve|urlopen)$|^(?:fetch|urlretrieve|urlopen)$/;
// Calls that run a program (Python subprocess / os, Node.js child_process).
const EXEC_CALLEE = /^(?:subprocess\.(?:run|call|check_call|check_output|Popen)|os\.(?:system|popen|exec[lv]p?e?)|execFileSync|execFile|execSync|exec|spawn|spawnSync|child_process\.(?:execFileSync|execFile|execSync|exec|spawn|spawnSync))$/;
// Flashers and image installers: what they get is installed on a device.
const FLASHER = /\b(?:esptool|write_flash|dfu-util|avrdude|stm32flash|st-flash|openocd|nrfjprog|picotool|bossac|flashrom|fwup|mcumgr|rauc|swupdate|mender)\b/;
// Package managers, when installing (`pip install`, `dpkg -i`, `apt-get install ./x.deb`).
const PACKAGE_MANAGER = /\b(?:pip3?|dpkg|apt-get|apt|opkg|rpm|yum|dnf|apk|npm)\b/;
const INSTALL_WORD = /\binstall\b|["'\s]-[iU]\b/;
// A package manager installs what was downloaded only when it is given a file: a variable, or a package / temp path
// (`pip install -r requirements.txt` or `npm install` next to an unrelated API call is not an update).
const PACKAGE_FILE = /\.(?:deb|rpm|ipk|apk|whl|tar\.gz|tgz|zip|swu|raucb)\b|\/tmp\//;
const NOT_A_DOWNLOAD = /^(?:sys\.executable|process\.execPath)$/;
// MicroPython / CPython: the device runs what was written (reboot into new .py files, exec).
const RUN_NEW_CODE = /^(?:machine\.(?:reset|soft_reset)|exec|os\.execv|os\.execl)$/;
const WRITTEN_RESPONSE = /^([A-Za-z_]\w*)(?:\.(?:text|content|raw|read\(\)|json\(\)))?$/;
// `curl … | sh` / `wget -O- … | bash` in any string (recipes, compose, scripts).
// Scanned by hand (pipeToShell): one regex spanning "tool … | sh" backtracks polynomially (recheck).
const FETCH_TOOL = /\b(?:curl|wget)\b/g;
const SHELL_AFTER_PIPE = /^\s{0,4}(?:sudo\s{1,4})?(?:ba|z|da)?sh\b/;
const PIPE_WINDOW = 400;
// Verification primitives: any of them in the (comment-free) file means the download is checked somewhere.
const VERIFY = /\b(?:hashlib|sha1|sha224|sha256|sha384|sha512|sha256sum|sha512sum|md5|md5sum|blake2b|blake2s|hmac|gpg|gnupg|pgp|signature|signatures|ed25519|ecdsa|cryptography|nacl|createVerify|createHash|minisign|cosign|checksum|digest|installSignature|mbedtls_pk_verify)\b|\bverify\w{0,30}\s{0,2}\(/i;

/** Flags code that downloads an image, package or script and installs, flashes or runs it without any hash or signature check. */
export const downloadInstallUnverified = defineRule({
  meta: {
    id: 'download-install-unverified',
    title: 'Downloaded code installed without verification',
    description: 'Reports files that download firmware, packages or scripts and flash, install or execute them with no hash or signature check anywhere in the file.',
    category: 'unsigned-update',
    severity: 'error',
    cwe: ['CWE-494', 'CWE-347'],
    practice: 4,
    attack: UNSIGNED_UPDATE_ATTACK,
    languages: ['python', 'javascript', 'typescript', 'yaml', 'json'],
    messages: {
      install: "'{{tool}}' {{action}} what {{download}}() downloaded, and nothing in this file checks a hash or signature: whoever controls the server or the network path chooses the code that runs.",
      runWritten: 'The response of {{download}}() is written to the device and run ({{run}}) without any hash or signature check: whoever controls the server or the network path chooses the code that runs.',
      pipeToShell: 'A script fetched with {{tool}} is piped straight into a shell: nothing checks its hash or signature, so whoever controls the server or the network path runs commands here.',
    },
    docs: {
      what: 'A file that downloads (requests, urequests, urllib, aiohttp/httpx sessions, fetch, axios, http(s).get) and then flashes (esptool, dfu-util, avrdude, openocd…), installs (pip/dpkg/apt/opkg install, rauc/swupdate) or runs the result (MicroPython writes .py files then machine.reset(), exec), with no hash or signature primitive anywhere in the file (hashlib, sha256, gpg, signature, cryptography, verify…(…)); and `curl … | sh` / `wget … | bash` in any string, e.g. Greengrass lifecycle scripts.',
      why: 'Without an integrity check the device or gateway installs whatever the URL serves: over http:// anyone on the path can substitute it, over https:// whoever controls or impersonates the server can (X-06, X-07).',
      fix: 'Publish a signature (or at least a SHA-256 from a trusted channel) with each artifact and verify it before flashing, installing or running; use the platform updater\'s signed bundles (RAUC, SWUpdate, Mender) or Greengrass artifacts instead of ad-hoc downloads.',
      references: ['X-06', 'X-07', 'AWS-07', 'T-06', 'T-13', 'espressif/esptool esptool/cmds.py', 'aws-greengrass/aws-greengrass-nucleus recipe lifecycle'],
    },
  },
  keywords: ['requests', 'urllib', 'urlopen', 'urlretrieve', 'aiohttp', 'httpx', 'fetch(', 'axios', 'http.get', 'https.get', 'curl', 'wget'],
  check(ctx) {
    const code = ctx.languageId === 'python' || ctx.languageId === 'javascript' || ctx.languageId === 'typescript';
    // Manifests: each string stands alone (a recipe's artifact `Digest` does not check a `curl | sh`).
    if (!code) return checkPipeToShell(ctx);
    if (VERIFY.test(withoutComments(ctx))) return;
    checkPipeToShell(ctx);
    const downloads = ctx.facts.calls.filter((c) => DOWNLOAD_CALLEE.test(c.callee));
    if (!downloads.length) return;
    const download = downloads[0].callee;
    let reported = false;
    for (const c of ctx.facts.calls) {
      if (!EXEC_CALLEE.test(c.callee)) continue;
      const text = ctx.text.slice(c.range[0], c.range[1]);
      const flasher = FLASHER.exec(text);
      const pkg = PACKAGE_MANAGER.exec(text);
      const installsFile = pkg !== null && INSTALL_WORD.test(text) && (PACKAGE_FILE.test(text) || hasVariableArg(c));
      const tool = flasher?.[0] ?? (installsFile ? `${pkg[0]} install` : undefined);
      if (!tool) continue;
      reported = true;
      ctx.report({ messageId: 'install', data: { tool, action: flasher ? 'flashes' : 'installs', download }, range: c.range });
    }
    if (!reported) checkRunWritten(ctx, downloads);
  },
});

/** A non-literal argument (or list element): the program is given something computed, e.g. the downloaded path. */
function hasVariableArg(c: CallFact): boolean {
  const values = c.args.flatMap((a) => (a.value.kind === 'array' ? a.value.elements ?? [] : [a.value]));
  return values.some((v) => (v.kind === 'identifier' || v.kind === 'template' || v.kind === 'other') && !NOT_A_DOWNLOAD.test(v.text));
}

/** The document text with comments blanked out (a comment saying "no signature" is not a check). */
function withoutComments(ctx: RuleContext): string {
  let out = '';
  let at = 0;
  for (const c of [...ctx.facts.comments].sort((a, b) => a.range[0] - b.range[0])) {
    if (c.range[0] < at) continue;
    out += ctx.text.slice(at, c.range[0]);
    at = c.range[1];
  }
  return out + ctx.text.slice(at);
}

/** MicroPython-style OTA: a download's response is written to a file and the device then runs new code. */
function checkRunWritten(ctx: RuleContext, downloads: readonly CallFact[]): void {
  const run = ctx.facts.calls.find((c) => RUN_NEW_CODE.test(c.callee));
  if (!run) return;
  const byVar = new Map<string, CallFact>();
  for (const a of ctx.facts.assignments) {
    const d = downloads.find((c) => c.range[0] === a.value.range[0]);
    if (d) byVar.set(a.target, d);
  }
  for (const c of ctx.facts.calls) {
    if (c.name !== 'write' || !c.receiver) continue;
    const m = WRITTEN_RESPONSE.exec(c.args[0]?.value.text ?? '');
    const d = m ? byVar.get(m[1]) : undefined;
    if (!d) continue;
    ctx.report({ messageId: 'runWritten', data: { download: d.callee, run: `${run.callee}()` }, range: d.range });
    return;
  }
}

/** The fetch tool of a `curl … | sh` / `wget … | bash` pipeline in `value` (same command: no `;`, `&`, newline). */
function pipeToShell(value: string): string | undefined {
  for (const m of value.matchAll(FETCH_TOOL)) {
    const from = (m.index ?? 0) + m[0].length;
    const segment = value.slice(from, from + PIPE_WINDOW);
    const end = segment.search(/[|;&\n]/);
    if (end < 0 || segment[end] !== '|') continue;
    if (SHELL_AFTER_PIPE.test(segment.slice(end + 1))) return m[0];
  }
  return undefined;
}

/** `curl … | sh` in string values (recipes, compose files, scripts embedded in code). */
function checkPipeToShell(ctx: RuleContext): void {
  const seen = new Set<number>();
  const consider = (value: string, range: Range): void => {
    if (seen.has(range[0])) return;
    seen.add(range[0]);
    const tool = pipeToShell(value);
    if (!tool || VERIFY.test(value)) return;
    ctx.report({ messageId: 'pipeToShell', data: { tool }, range });
  };
  for (const s of ctx.facts.strings) if (s.kind !== 'comment') consider(s.value, s.range);
  for (const kv of ctx.facts.keyValues) {
    const v = kv.value;
    if (v.kind === 'string' || v.kind === 'identifier' || v.kind === 'other') consider(String(v.value ?? v.text), v.range);
  }
}
