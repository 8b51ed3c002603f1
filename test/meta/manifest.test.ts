import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_TITLES, CommandId } from '../../src/vscode/command-ids';
import { CONFIG_DEFAULTS, RESTRICTED_SETTINGS, SETTING_KEYS } from '../../src/vscode/settings';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('package.json mirrors the extension code', () => {
  it('contributes exactly the CommandId commands, with their titles', () => {
    const declared = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(CommandId).sort());
    for (const [name, id] of Object.entries(CommandId)) {
      const c = contributes.commands.find((x: { command: string }) => x.command === id);
      assert.equal(c.title, COMMAND_TITLES[name as keyof typeof CommandId], id);
      assert.equal(c.category, 'IoT Security', id);
    }
  });

  it('contributes exactly the ExtensionConfig settings, with equal defaults and order', () => {
    const props = contributes.configuration.properties as Record<string, { default: unknown; order: number; markdownDescription?: string }>;
    assert.deepEqual(Object.keys(props).sort(), SETTING_KEYS.map((k) => `iotsec.${k}`).sort());
    SETTING_KEYS.forEach((key, i) => {
      const p = props[`iotsec.${key}`];
      assert.deepEqual(p.default, CONFIG_DEFAULTS[key], key);
      assert.equal(p.order, i, `order of ${key}`);
      assert.ok(p.markdownDescription && p.markdownDescription.length > 20, `${key} has a markdownDescription`);
    });
    assert.deepEqual(props['iotsec.run'] && (props['iotsec.run'] as unknown as { enum: string[] }).enum, ['onType', 'onSave']);
  });

  it('restricts in untrusted workspaces exactly the RESTRICTED_SETTINGS', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual([...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), RESTRICTED_SETTINGS.map((k) => `iotsec.${k}`).sort());
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  });

  it('activates lazily: languages and marker files, never *', () => {
    const events: string[] = pkg.activationEvents;
    assert.ok(!events.includes('*'));
    for (const l of ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'dotenv', 'kconfig']) assert.ok(events.includes(`onLanguage:${l}`), l);
    for (const f of ['**/platformio.ini', '**/sdkconfig*', '**/prj.conf', '**/.iotsec.yaml']) assert.ok(events.includes(`workspaceContains:${f}`), f);
  });

  it('walkthrough steps reference contributed commands or built-ins', () => {
    const [walk] = contributes.walkthroughs;
    assert.equal(walk.steps.length, 3);
    const known = new Set([...Object.values(CommandId), 'workbench.actions.view.problems']);
    for (const step of walk.steps) {
      for (const m of step.description.matchAll(/command:([\w.]+)/g)) assert.ok(known.has(m[1]), m[1]);
      assert.ok(readFileSync(join(ROOT, step.media.markdown), 'utf8').length > 100, step.media.markdown);
    }
    assert.ok(walk.steps.some((s: { description: string }) => s.description.includes('command:iotsec.generateThreatModel')));
  });
});

describe('grammars, snippets and language configurations', () => {
  it('every grammar is valid JSON with the contributed scopeName', () => {
    for (const g of contributes.grammars) {
      const grammar = JSON.parse(readFileSync(join(ROOT, g.path), 'utf8'));
      assert.equal(grammar.scopeName, g.scopeName, g.path);
      assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length, g.path);
      for (const re of collectRegexes(grammar)) assert.doesNotThrow(() => new RegExp(re.replace(/\(\?<=[^)]*\)/g, '')), `${g.path}: ${re}`);
    }
  });

  it('every snippet file parses and every snippet has prefix, body and description', () => {
    const files = new Set<string>(contributes.snippets.map((s: { path: string }) => s.path));
    assert.ok(files.size >= 7);
    for (const file of files) {
      const snippets = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, { prefix: unknown; body: unknown; description: unknown }>;
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok(s.prefix && Array.isArray(s.body) && typeof s.description === 'string', `${file}: ${name}`);
        // no unbalanced placeholders: every '${' opens a tabstop that closes
        const body = (s.body as string[]).join('\n');
        assert.equal(countUnescaped(body, '${'), [...body.matchAll(/(?<!\\)\$\{\d+[:|]/g)].length, `${file}: ${name} placeholders`);
      }
    }
  });

  it('language configurations parse', () => {
    for (const l of contributes.languages.filter((x: { configuration?: string }) => x.configuration)) {
      const conf = JSON.parse(readFileSync(join(ROOT, l.configuration), 'utf8'));
      assert.equal(conf.comments.lineComment, '#', l.id);
    }
  });

  it('snippets cover the secure patterns the issue lists', () => {
    const all = contributes.snippets.map((s: { path: string }) => readFileSync(join(ROOT, s.path), 'utf8')).join('\n');
    for (const needle of ['setCACert', '8883', 'setTrustAnchors', 'tls_set', 'mqtts://', 'setPasswordHash', '!secret', 'encryption', 'CONFIG_SECURE_BOOT_V2_ENABLED', 'CONFIG_BOOTLOADER_APP_ANTI_ROLLBACK', 'CONFIG_SECURE_FLASH_ENCRYPTION_MODE_RELEASE', 'CONFIG_MCUBOOT_DOWNGRADE_PREVENTION', 'iot:Connection.Thing.ThingName', 'iotsec-ignore-next-line']) {
      assert.ok(all.includes(needle), needle);
    }
  });
});

function collectRegexes(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRegexes(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') out.push(v);
      else collectRegexes(v, out);
    }
  }
  return out;
}

function countUnescaped(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) if (text[i - 1] !== '\\') n++;
  return n;
}
