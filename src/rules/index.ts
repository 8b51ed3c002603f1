import type { ProjectRuleDefinition, RuleDefinition } from '../core/rule';
// Each category's rules are imported and listed in their own block below (keep blocks separate so
// parallel edits do not collide).

// --- hardcoded-secret (imports) ---
// --- end hardcoded-secret (imports) ---
// --- transport: plaintext-protocol, tls-verification-disabled (imports) ---
// --- end transport (imports) ---
// --- update: unsigned-update (imports) ---
// --- end update (imports) ---
// --- device: unencrypted-storage, exposed-service, permissive-policy, weak-crypto (imports) ---
// --- end device (imports) ---

/** Per-file rules, in reporting order. */
export const allRules: readonly RuleDefinition[] = [
  // --- hardcoded-secret ---
  // --- end hardcoded-secret ---
  // --- transport ---
  // --- end transport ---
  // --- update ---
  // --- end update ---
  // --- device ---
  // --- end device ---
];

/** Rules that run once over a whole scan (absence rules, credentials shared across devices). */
export const allProjectRules: readonly ProjectRuleDefinition[] = [
  // --- hardcoded-secret ---
  // --- end hardcoded-secret ---
  // --- update ---
  // --- end update ---
  // --- device ---
  // --- end device ---
];
