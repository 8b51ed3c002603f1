/**
 * A conservative, dependency-free ReDoS screen for user patterns: rejects nested quantifiers
 * (`(a+)+`, `(\w*)*`, `(a|ab)*` …) and back-references. Hosts that can run `recheck` (the CLI)
 * use it as the authority; this screen is the fallback where it is unavailable (the .vsix).
 */
export function screenRegex(pattern: string): { safe: boolean; reason?: string } {
  if (/\\[1-9]|\\k</.test(pattern)) return { safe: false, reason: 'back-references are not allowed' };
  // Walk groups; a quantified group whose body itself contains a quantifier or alternation is unsafe.
  const stack: Array<{ quantified: boolean; alternation: boolean }> = [];
  let escaped = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (escaped) { escaped = false; continue; }
    if (ch === '\\') { escaped = true; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') { inClass = true; continue; }
    if (ch === '(') { stack.push({ quantified: false, alternation: false }); continue; }
    if (ch === '|' && stack.length) { stack[stack.length - 1].alternation = true; continue; }
    if (ch === ')') {
      const group = stack.pop();
      const next = pattern[i + 1];
      const groupQuantified = next === '*' || next === '+' || next === '{';
      if (group && groupQuantified && (group.quantified || group.alternation)) {
        return { safe: false, reason: 'a repeated group contains a quantifier or alternation (nested repetition)' };
      }
      if (group && stack.length && (group.quantified || groupQuantified)) stack[stack.length - 1].quantified = true;
      continue;
    }
    if ((ch === '*' || ch === '+' || ch === '{') && stack.length) stack[stack.length - 1].quantified = true;
  }
  return { safe: true };
}
