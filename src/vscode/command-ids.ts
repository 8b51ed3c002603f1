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
  /** Threat-model module: data-flow diagram webview ({@link DiagramPanel}). */
  showThreatModelDiagram: 'iotsec.showThreatModelDiagram',
  /** Threat-model tree: re-reads `.iotsec/threat-model.yaml`. */
  tmRefresh: 'iotsec.tm.refresh',
  /** Threat-model tree: group by practice, STRIDE, component, file or status (persisted). */
  tmGroupBy: 'iotsec.tm.groupBy',
  /** Threat-model tree: `decision: accepted` + justification, written to the YAML. */
  tmAccept: 'iotsec.tm.accept',
  /** Threat-model tree: `decision: false-positive` + justification, written to the YAML. */
  tmMarkFalsePositive: 'iotsec.tm.markFalsePositive',
  /** Threat-model tree: removes the decision. */
  tmReopen: 'iotsec.tm.reopen',
  /** Threat-model tree: sets or clears `owner`. */
  tmAssignOwner: 'iotsec.tm.assignOwner',
  /** Opens THREAT_MODEL.md (at the threat's section when given one). */
  tmOpenReport: 'iotsec.tm.openReport',
  /** Copies a threat's ATT&CK technique ids to the clipboard. */
  tmCopyAttackIds: 'iotsec.tm.copyAttackIds',
} as const;

export type CommandName = keyof typeof CommandId;

/** Titles shown in the palette (category "IoT Security"). */
export const COMMAND_TITLES: Readonly<Record<CommandName, string>> = {
  scanWorkspace: 'Scan Workspace',
  fixAll: 'Fix All Auto-Fixable Problems',
  showRuleDocs: 'Show Rule Documentation',
  showOutput: 'Show Output',
  generateThreatModel: 'Generate Threat Model',
  showThreatModelDiagram: 'Show Threat Model Diagram',
  tmRefresh: 'Refresh Threat Model',
  tmGroupBy: 'Group Threats By…',
  tmAccept: 'Accept Risk…',
  tmMarkFalsePositive: 'Mark as False Positive…',
  tmReopen: 'Reopen Threat',
  tmAssignOwner: 'Assign Owner…',
  tmOpenReport: 'Open Threat Model Report',
  tmCopyAttackIds: 'Copy ATT&CK Technique Ids',
};

/** Commands registered elsewhere (another module owns the handler); the glue only declares them. */
export const THREAT_MODEL_COMMANDS = [
  'generateThreatModel', 'showThreatModelDiagram', 'tmRefresh', 'tmGroupBy', 'tmAccept', 'tmMarkFalsePositive', 'tmReopen', 'tmAssignOwner', 'tmOpenReport', 'tmCopyAttackIds',
] as const satisfies readonly CommandName[];
export type ExternalCommandName = (typeof THREAT_MODEL_COMMANDS)[number];
export const EXTERNAL_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>(THREAT_MODEL_COMMANDS);
