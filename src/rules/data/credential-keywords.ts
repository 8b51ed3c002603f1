/**
 * Prefilter keywords of `hardcoded-credential`, derived from the tables `judgeCredential` uses: a
 * document can hold a finding only if one of them occurs. A strong name (password, token, api_key…)
 * needs just a binding; a weak one (key, auth, pin, pop, sas) also needs a value that can pass
 * `looksRandom` (8+ characters without spaces, not a plain word) or, for a PIN / PoP, a well-known default.
 */
import { DEFAULT_VALUES, KEY_QUALIFIERS, PROV_QUALIFIERS, WEAK_WORDS } from './secret-names';

const alt = (words: Iterable<string>): string => [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/**
 * From the end of a credential word to a value: the rest of the name (`_PASSWORD[]`, `"]`), up to three
 * qualifiers (`PROGMEM`, `__attribute__((…))`), then `=` / `:`, a `#define`'s quote, or a constructor's `("`.
 */
const BINDS = String.raw`[\w.\-[\]'"]{0,40}(?:\s+[A-Za-z_]\w*(?:\s*\(\([^;\n]{0,80}?\)\))?){0,3}\s*(?:[:="]|\(\s*(?:u8|[lubrf]){0,2}["'\`])`;
/** A weak name's operator: anything but a statement or call boundary up to `=` / `:` / `(`, or a `#define`'s blank. */
const WEAK_BINDS = String.raw`(?:[^\n;{}(),]{0,60}?[:=(]\s*(?:\(\s*)?|\w{0,40}[ \t]+)(?:u8|[lubrf]){0,2}`;
/** A quoted literal of 8+ characters (escapes and adjacent-literal concatenation count) that is not `word_word.word`. */
const RANDOM_QUOTED = ['"', "'", '`'].map((q) => {
  const concat = q === '`' ? '' : `|${q}\\s*${q}`;
  return String.raw`${q}\s*(?![A-Za-z]+(?:[_./:-][A-Za-z]+)*\s*${q}(?!\s*${q}))(?:[^\s${q}\\]|\\\S${concat}){8}`;
}).join('|');
/** An unquoted value up to its last character: 8+ non-blank characters that are not `word_word.word`. */
const UNQUOTED_RANDOM = String.raw`(?![A-Za-z]+(?:[_./:-][A-Za-z]+)*[ \t]*(?:[#;]|\r?\n|$))[^\s"'\`#;]\S{6,200}`;
const WEAK = alt([...WEAK_WORDS].filter((w) => !w.startsWith('pass'))); // passcode: the strong `pass` covers it

export const CREDENTIAL_KEYWORDS: readonly RegExp[] = [
  new RegExp(`(?:pass|pwd|psk|secret|token|credential)${BINDS}`, 'i'),
  // `pw` as a word of its own (`WIFI_PW`, `mqttPw`, `pwValue`), not `PWM`: case decides.
  new RegExp(`(?:[pP]w(?![a-z])|PW(?![A-Za-z])|PW(?=[A-Z][a-z]))${BINDS}`),
  // Weak words that a qualifier makes strong: `api_key`, `SharedAccessKey`, `prov_pop`, `proof_of_possession`.
  // The qualifier is a lookbehind, so the match starts at `key` / `pop`: the prefilter tries it where
  // those occur, not at every `read`, `device`, `client` or `app` of a C file.
  new RegExp(`(?:(?<=(?:${alt(KEY_QUALIFIERS)})[^A-Za-z0-9\\n]{0,3})key|(?<=(?:${alt(PROV_QUALIFIERS)})[^A-Za-z0-9\\n]{0,3})pop|possession)${BINDS}`, 'i'),
  new RegExp(`(?:${WEAK})${WEAK_BINDS}(?:${RANDOM_QUOTED})`, 'i'),
  // A PIN / PoP set to a default (`pin = "1234"`, `pin: admin`); the name must end in the word.
  new RegExp(String.raw`(?:pin|pop)\d{0,4}(?![a-z0-9])${WEAK_BINDS}(?:["'\`]\s*)?(?:${alt(DEFAULT_VALUES)})\s*(?:["'\`]|[ \t]*(?:[#;][^\n]*)?(?:\r?\n|$))`, 'i'),
  // Manifests (YAML, INI, .env, Kconfig): a weak key at the start of a line with an unquoted 8+ character
  // value; indented, the value must not end like a statement (`  pin = GPIO_NUM_4;`, `pin: cfg.pin,`).
  // The line-start context is checked last, in a lookbehind over the whole name, once `=` / `:` has
  // been found: most occurrences of `pin` or `key` in code fail before it.
  ...[String.raw`[ \t]{0,64}(?:-[ \t]{1,4})?`, ''].map((indent) => {
    const name = String.raw`(?:${WEAK})[\w.\-]{0,40}["']?[ \t]*[:=]`;
    return new RegExp(String.raw`${name}(?<=(?:^|\n)${indent}(?:export[ \t]{1,4})?["']?[\w.\-]{0,40}${name})[ \t]*(?:[|>][-+]?[ \t]*)?(?:\r?\n[ \t]+)?${UNQUOTED_RANDOM}${indent ? '[^\\s;,({[]' : '\\S'}[ \t]*(?:[#;][^\n]*)?(?:\r?\n|$)`, 'i');
  }),
  // Kconfig source: `config WIFI_PASSWORD … default "…"` binds the value to the symbol.
  new RegExp(String.raw`(?<=(?:^|\n)[ \t]{0,16})(?:(?:menu)?config|choice)[ \t][ \t]{0,7}\w{0,80}(?:pass|pwd|psk|secret|token|credential|possession|pw|${WEAK})`, 'i'),
];
