/**
 * The extension's settings as one typed shape (`ExtensionConfig`), mirrored by
 * `contributes.configuration` in package.json (test/meta/manifest.test.ts keeps them equal).
 * Pure: no `vscode` import, so plain-node tests and the benchmark can use it.
 */
import type { ResolvedConfig, RuleSetting } from '../core/config';

export type RunMode = 'onType' | 'onSave';
export type RuleLevel = 'off' | 'error' | 'warning' | 'info';

/** Settings under the `iotsec.` prefix, read per resource. */
export interface ExtensionConfig {
  enable: boolean;
  run: RunMode;
  scanOnStartup: boolean;
  rules: Record<string, RuleLevel>;
  exclude: string[];
  trustedHosts: string[];
  placeholders: string[];
  maxFileSizeKb: number;
}

/** Defaults; equal to the `default` of each setting in package.json. */
export const CONFIG_DEFAULTS: Readonly<ExtensionConfig> = Object.freeze({
  enable: true,
  run: 'onType',
  scanOnStartup: false,
  rules: {},
  exclude: [],
  trustedHosts: [],
  placeholders: [],
  maxFileSizeKb: 1024,
});

/** Setting names (without the `iotsec.` prefix) in package.json `order`. */
export const SETTING_KEYS = Object.keys(CONFIG_DEFAULTS) as ReadonlyArray<keyof ExtensionConfig>;

/**
 * Settings a workspace cannot set while it is untrusted: a cloned repository must not be able
 * to silence findings through `.vscode/settings.json` (`capabilities.untrustedWorkspaces`).
 */
export const RESTRICTED_SETTINGS: ReadonlyArray<keyof ExtensionConfig> = ['enable', 'rules', 'exclude', 'trustedHosts', 'placeholders'];

/** Always skipped by the workspace scan (build output, vendored code, our own state). */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/node_modules/**', '**/.git/**', '**/.pio/**', '**/build/**', '**/managed_components/**', '**/.iotsec/**',
];

/** Settings as an override of the `.iotsec.yaml` config (settings win; lists are added). */
export function settingsOverride(cfg: ExtensionConfig): Partial<ResolvedConfig> {
  const rules: Record<string, RuleSetting> = {};
  for (const [id, level] of Object.entries(cfg.rules ?? {})) {
    if (level === 'off') rules[id] = { enabled: false };
    else if (level === 'error' || level === 'warning' || level === 'info') rules[id] = { enabled: true, severity: level };
  }
  return {
    rules,
    exclude: cfg.exclude,
    settings: {
      placeholderWords: cfg.placeholders.map((w) => w.toLowerCase()),
      trustedHosts: cfg.trustedHosts.map((h) => h.toLowerCase()),
    },
    ...(cfg.maxFileSizeKb !== CONFIG_DEFAULTS.maxFileSizeKb ? { maxFileSizeKb: cfg.maxFileSizeKb } : {}),
  };
}
