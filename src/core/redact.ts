/**
 * Secret redaction. Every output path (messages, evidence, SARIF, JSON, threat model, logs)
 * goes through these helpers: a secret keeps at most its first two characters.
 */

/** `Zq8#kd93` → `Zq******`; short values are fully masked. Length is capped so it reveals little. */
export function redact(secret: string): string {
  const shown = secret.length >= 8 ? 2 : 0;
  const masked = Math.min(Math.max(secret.length - shown, 4), 12);
  return secret.slice(0, shown) + '*'.repeat(masked);
}

/** Replaces every occurrence of each secret (length ≥ 4) in `text` with its redacted form. */
export function redactAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    out = out.split(s).join(redact(s));
  }
  return out;
}
