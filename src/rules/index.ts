import type { ProjectRuleDefinition, RuleDefinition } from '../core/rule';
// Each category's rules are imported and listed in their own block below (keep blocks separate so
// parallel edits do not collide).

// --- hardcoded-secret (imports) ---
// --- end hardcoded-secret (imports) ---
// --- transport: plaintext-protocol, tls-verification-disabled (imports) ---
// --- end transport (imports) ---
// --- firmware: unsigned-update, unencrypted-storage, exposed-service, permissive-policy, weak-crypto (imports) ---
// --- end firmware (imports) ---

/** Per-file rules, in reporting order. */
export const allRules: readonly RuleDefinition[] = [
  // --- hardcoded-secret ---
  // --- end hardcoded-secret ---
  // --- transport ---
  // --- end transport ---
  // --- firmware ---
  // --- end firmware ---
];

/** Rules that run once over a whole scan (absence rules, credentials shared across devices). */
export const allProjectRules: readonly ProjectRuleDefinition[] = [
  // --- hardcoded-secret ---
  // --- end hardcoded-secret ---
  // --- firmware ---
  // --- end firmware ---
];
