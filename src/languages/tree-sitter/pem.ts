/** PEM detection inside string facts (keys and certificates pasted into source as literals). */
import type { PemBlockFact, StringFact } from '../../core/facts';

const PEM = /-----BEGIN ([A-Z0-9 ]{1,64})-----([\s\S]*?)(?:-----END \1-----|$)/g;
const NOT_BASE64 = /[^A-Za-z0-9+/=]+/g;

/** Finds PEM blocks in the decoded values of `strings`; the block's range is its string's range. */
export function findPemBlocks(strings: readonly StringFact[], out: PemBlockFact[]): void {
  for (const s of strings) {
    if (s.value.indexOf('-----BEGIN ') < 0) continue; // cheap prefilter before the regex
    PEM.lastIndex = 0;
    for (let m = PEM.exec(s.value); m; m = PEM.exec(s.value)) {
      // Headers such as `Proc-Type:` in encrypted keys are not base64; drop lines containing ':'.
      const body = m[2].split('\n').filter((line) => !line.includes(':')).join('').replace(NOT_BASE64, '');
      out.push({ label: m[1], range: s.range, body });
      if (m[0].length === 0) break;
    }
  }
}
