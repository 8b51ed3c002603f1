/**
 * Every command id the extension contributes, in one table (rust-analyzer). package.json
 * `contributes.commands` must list exactly these (test/meta/manifest.test.ts). Pure: no `vscode`.
 */
export const CommandId = {
  /** {@link WorkspaceScanner.scanWithProgress} */
  scanWorkspace: 'iotsec.scanWorkspace',
  /** Applies every safe fix in the active editor ({@link fixAllEdit}). */
  fixAll: 'iotsec.fixAll',
  /** Opens the rendered rule documentation (`iotsec-docs:` virtual document). */
  showRuleDocs: 'iotsec.showRuleDocs',
  /** Reveals the log output channel. */
  showOutput: 'iotsec.showOutput',
  /** Writes `.iotsec/threat-model.yaml` + THREAT_MODEL.md; registered by the threat-model module. */
  generateThreatModel: 'iotsec.generateThreatModel',
} as const;

export type CommandName = keyof typeof CommandId;

/** Titles shown in the palette (category "IoT Security"). */
export const COMMAND_TITLES: Readonly<Record<CommandName, string>> = {
  scanWorkspace: 'Scan Workspace',
  fixAll: 'Fix All Auto-Fixable Problems',
  showRuleDocs: 'Show Rule Documentation',
  showOutput: 'Show Output',
  generateThreatModel: 'Generate Threat Model',
};

/** Commands registered elsewhere (another module owns the handler); the glue only declares them. */
export const EXTERNAL_COMMANDS: ReadonlySet<CommandName> = new Set(['generateThreatModel']);
