import type { Range } from '../core/facts';
import { defineRule, type RuleContext } from '../core/rule';

interface Literal {
  value: string;
  range: Range;
  innerRange: Range;
}

function literals(ctx: RuleContext): Literal[] {
  const out: Literal[] = [];
  const seen = new Set<number>();
  for (const s of ctx.facts.strings) {
    if (s.kind === 'comment' || seen.has(s.range[0])) continue;
    seen.add(s.range[0]);
    out.push(s);
  }
  for (const kv of ctx.facts.keyValues) {
    const v = kv.value;
    if (v.kind !== 'string' || typeof v.value !== 'string' || seen.has(v.range[0])) continue;
    seen.add(v.range[0]);
    out.push({ value: v.value, range: v.range, innerRange: v.innerRange ?? v.range });
  }
  return out;
}

/** Flags strings matching the user's own secret formats (`secretPatterns` in .iotsec.yaml). */
export const customSecretPattern = defineRule({
  meta: {
    id: 'custom-secret-pattern',
    title: 'Project-specific secret format',
    description: 'Reports string literals and manifest values that match a secret pattern configured in .iotsec.yaml.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-798'],
    practice: 3,
    attack: { ics: ['T0891'], enterprise: ['T1552.001'] },
    languages: ['c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'kconfig', 'dotenv'],
    messages: {
      match: "This string matches the secret pattern '{{id}}' configured for this project (CWE-798).",
    },
    docs: {
      what: 'A string matches one of the `secretPatterns` of `.iotsec.yaml` (e.g. your fleet\'s device token or internal API key format).',
      why: 'Organisation-specific credentials have no public format; only the project knows what its tokens look like.',
      fix: 'Remove the credential from the source, rotate it, and load it at run time from protected storage or the environment.',
      references: ['.iotsec.yaml secretPatterns'],
    },
  },
  // No keywords: the patterns are the user's, so no fixed substring can prefilter them; the rule
  // only makes the engine parse files when the user configured patterns at all.
  isActive: (settings) => (settings.secretPatterns?.length ?? 0) > 0,
  check(ctx) {
    const patterns = ctx.settings.secretPatterns ?? [];
    if (!patterns.length) return;
    for (const lit of literals(ctx)) {
      for (const p of patterns) {
        const re = new RegExp(p.regex.source, p.regex.flags.replace(/[gy]/g, ''));
        const m = re.exec(lit.value);
        if (!m || !m[0]) continue;
        const exact = ctx.text.slice(lit.innerRange[0], lit.innerRange[1]) === lit.value;
        const range: Range = exact ? [lit.innerRange[0] + m.index, lit.innerRange[0] + m.index + m[0].length] : lit.range;
        ctx.report({ messageId: 'match', data: { id: p.id }, range, secret: m[0] });
      }
    }
  },
});
