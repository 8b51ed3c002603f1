/**
 * PEM key and certificate files (`*.pem`, `*.key`, `*.crt`, `id_rsa`, …): one `pemBlocks` fact per
 * BEGIN/END block, so a rule can flag committed private keys and placeholder certificates.
 * DER (binary) files are skipped by the CLI; if one arrives anyway it simply yields no blocks.
 */
import { emptyFacts } from '../../core/facts';
import type { ExtractResult, LanguageSupport, ParseError } from '../../core/language';
import { baseName, isBlank, lineContentEnd, nextLineStart, scanPemBlocks } from '../text-utils';

const PEM_EXTENSIONS = ['.pem', '.key', '.crt', '.cer', '.csr'];
const KEY_FILE_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk']);

/** True for PEM-style key / certificate file names (public `*.pub` keys are not secrets and are left out). */
export function isPemFile(filePath: string): boolean {
  const name = baseName(filePath);
  return KEY_FILE_NAMES.has(name) || PEM_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** Extracts PEM blocks and `#` comment lines outside them. Never throws. */
export function extractPem(text: string): ExtractResult {
  const facts = emptyFacts();
  const errors: ParseError[] = [];
  const { blocks, unterminated } = scanPemBlocks(text);
  facts.pemBlocks = blocks;
  for (const range of unterminated) {
    errors.push({ message: 'PEM block has no matching END line; it is read to the end of the file.', range });
  }
  // Comments outside the blocks (some tools prepend `# subject=…` / bag attributes).
  let b = 0;
  for (let i = 0; i < text.length; i = nextLineStart(text, i)) {
    while (b < blocks.length && blocks[b].range[1] <= i) b++;
    if (b < blocks.length && blocks[b].range[0] <= i) continue;
    let s = i;
    while (s < text.length && isBlank(text.charCodeAt(s))) s++;
    if (text.charCodeAt(s) === 0x23 /* # */) {
      const e = lineContentEnd(text, s);
      facts.comments.push({ text: text.slice(s, e), range: [s, e] });
    }
  }
  // No errorRanges: a key with a missing END line is still a committed key.
  return { facts, errors };
}

/** PEM key / certificate files. */
export const pemLanguage: LanguageSupport = {
  id: 'pem',
  comments: { line: '#' },
  matches: isPemFile,
  extract: (text) => Promise.resolve(extractPem(text)),
};
