import * as vscode from 'vscode';
import { CONFIG_DEFAULTS, RESTRICTED_SETTINGS } from './settings';
import type { ExtensionConfig } from './settings';

export const SECTION = 'iotsec';

/**
 * Reads `iotsec.*` for a resource. In an untrusted workspace the restricted settings fall back to
 * user/default values (VS Code does this too for `restrictedConfigurations`; we repeat it so the
 * rule holds in hosts that lack it).
 */
export function readConfig(scope?: vscode.ConfigurationScope): ExtensionConfig {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const out = { ...CONFIG_DEFAULTS } as Record<keyof ExtensionConfig, unknown>;
  const trusted = vscode.workspace.isTrusted;
  for (const key of Object.keys(CONFIG_DEFAULTS) as Array<keyof ExtensionConfig>) {
    if (!trusted && RESTRICTED_SETTINGS.includes(key)) {
      const i = c.inspect(key);
      out[key] = i?.globalValue ?? i?.defaultValue ?? CONFIG_DEFAULTS[key];
    } else {
      out[key] = c.get(key, CONFIG_DEFAULTS[key]);
    }
  }
  return sanitize(out as unknown as ExtensionConfig);
}

/** Settings come from hand-edited JSON: coerce wrong types to defaults instead of crashing. */
function sanitize(c: ExtensionConfig): ExtensionConfig {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    enable: c.enable !== false,
    run: c.run === 'onSave' ? 'onSave' : 'onType',
    rules: c.rules && typeof c.rules === 'object' ? { ...c.rules } : {},
    exclude: list(c.exclude),
    maxFileSizeKb: typeof c.maxFileSizeKb === 'number' && c.maxFileSizeKb > 0 ? c.maxFileSizeKb : CONFIG_DEFAULTS.maxFileSizeKb,
    scanOnStartup: c.scanOnStartup === true,
    trustedHosts: list(c.trustedHosts),
    placeholders: list(c.placeholders),
  };
}
