/**
 * Language-neutral facts. Every language front end (tree-sitter for code, small range-keeping
 * parsers for manifests) turns its parse into these, so one rule can serve C, Python, YAML and
 * sdkconfig alike. All ranges are UTF-16 offsets `[start, end)` into the document text.
 */

/** Half-open UTF-16 offset range into the document text. */
export type Range = readonly [start: number, end: number];

/** What a value syntactically is; rules decide meaning from this plus `text`. */
export type ValueKind =
  | 'string'      // a string literal (quotes stripped in `value`), incl. C adjacent-literal concatenation
  | 'template'    // JS template / Python f-string with interpolations (value = literal parts joined, `${}` removed)
  | 'number'      // numeric literal; `value` holds the parsed number when finite
  | 'boolean'     // true/false/True/False, Kconfig y/n, INI/YAML booleans
  | 'null'        // NULL, None, null, nullptr, YAML ~
  | 'identifier'  // a bare name or member path (`OTA_PASSWORD`, `ssl.CERT_NONE`, `secrets.wifi`)
  | 'env'         // an environment / secret lookup: os.environ[...], os.getenv(), process.env.X, getenv(), ${sysenv.X}, !secret, !env_var
  | 'call'        // any other call expression
  | 'array'       // array / list / brace initializer; see `elements`
  | 'object'      // object / dict / struct initializer / YAML map
  | 'other';      // anything else (binary expressions, casts…)

/** A value as it appears in source. */
export interface ValueFact {
  kind: ValueKind;
  /** Exact source text of the value expression. */
  text: string;
  /** Decoded value: string contents (escapes resolved where cheap), number, boolean. */
  value?: string | number | boolean;
  /** Range of the whole value expression (for strings: including the quotes). */
  range: Range;
  /** For strings: range of the contents without quotes. Equals `range` for unquoted manifest values. */
  innerRange?: Range;
  /** For arrays: the elements, in order. */
  elements?: ValueFact[];
  /** For `env` values: the variable / secret name looked up, when known. */
  envName?: string;
  /** YAML tag such as `!secret`, `!env_var`, `!include`. */
  tag?: string;
}

/** A string literal anywhere in the document (code) or any scalar string value (manifests). */
export interface StringFact {
  /** Decoded contents. */
  value: string;
  /** Range including quotes. */
  range: Range;
  /** Range of the contents without quotes. */
  innerRange: Range;
  /** True for raw strings (C++ R"(...)", Python r'...'), template literals and f-strings are 'template'. */
  kind: 'string' | 'raw' | 'template' | 'comment';
}

/**
 * A name bound to a value: variable declarations and assignments, `#define NAME value`,
 * struct designated initializers `.password = "…"`, object properties `password: '…'`,
 * Python dict entries `'password': '…'`, keyword arguments are NOT here (see CallFact.args).
 */
export interface AssignmentFact {
  kind: 'variable' | 'define' | 'field' | 'property' | 'key';
  /** The bound name's last segment (`password` for `cfg.password`, `WIFI_PASS` for `#define WIFI_PASS`). */
  name: string;
  /** Full target text (`cfg.credentials.password`, `self.password`, `WIFI_PASS`). */
  target: string;
  /** Enclosing names for nested initializers/objects, outermost first (`['broker','verification']` for esp-mqtt). */
  path: string[];
  nameRange: Range;
  value: ValueFact;
  /** Range of the whole statement / entry. */
  range: Range;
}

/** One argument of a call, positional or named (Python keyword argument / JS options-object property is NOT flattened). */
export interface ArgFact {
  /** Keyword argument name (Python `verify=False` → `verify`); undefined for positional. */
  name?: string;
  value: ValueFact;
}

/** A call expression `receiver.name(args…)`. */
export interface CallFact {
  /** Full callee text without whitespace: `WiFi.begin`, `client.tls_insecure_set`, `esp_https_ota`, `mqtt.connect`. */
  callee: string;
  /** Last segment of the callee: `begin`, `tls_insecure_set`. */
  name: string;
  /** Callee text before the last segment (`WiFi`, `client`, `this.client`), undefined for plain functions. */
  receiver?: string;
  args: ArgFact[];
  calleeRange: Range;
  range: Range;
}

/**
 * A key/value entry of a manifest: YAML/JSON (path = map keys and array indices as strings),
 * INI (`[section, key]`, keys before any section use `''`), Kconfig (`['CONFIG_X']`),
 * dotenv (`['KEY']`). Also used for `ENV`-style lines.
 */
export interface KeyValueFact {
  /** Key path, outermost first; the last element is `key`. */
  path: string[];
  key: string;
  keyRange: Range;
  value: ValueFact;
  /** Whole entry (key through value). */
  range: Range;
}

/** A PEM block (`-----BEGIN X-----` … `-----END X-----`), in a key file or inside a string literal. */
export interface PemBlockFact {
  /** The label, e.g. `RSA PRIVATE KEY`, `PRIVATE KEY`, `EC PRIVATE KEY`, `CERTIFICATE`, `PUBLIC KEY`. */
  label: string;
  /** Range from the BEGIN line start to the END line end. */
  range: Range;
  /** Base64 body with whitespace and C/JS string quoting removed (may be empty for placeholders). */
  body: string;
}

/** A comment, used for suppressions and annotations. */
export interface CommentFact {
  text: string;
  range: Range;
}

/** An `#include "x"` / `import x` / `require('x')` style dependency. */
export interface ImportFact {
  module: string;
  range: Range;
}

/** Everything a language front end extracts from one document. Absent arrays are empty. */
export interface Facts {
  strings: StringFact[];
  assignments: AssignmentFact[];
  calls: CallFact[];
  keyValues: KeyValueFact[];
  pemBlocks: PemBlockFact[];
  comments: CommentFact[];
  imports: ImportFact[];
}

/** An empty facts object, for languages that produce only some kinds. */
export function emptyFacts(): Facts {
  return { strings: [], assignments: [], calls: [], keyValues: [], pemBlocks: [], comments: [], imports: [] };
}

/**
 * Facts of a slice `text.slice(delta)` moved into the coordinates of the whole text: a copy in
 * which every range-like field (`range`, `*Range`) is shifted by `delta`, at any depth.
 */
export function shiftFacts(facts: Facts, delta: number): Facts {
  return shiftDeep(facts, delta) as Facts;
}

function shiftDeep(v: unknown, delta: number): unknown {
  if (!v || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => shiftDeep(x, delta));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    out[k] = (k === 'range' || k.endsWith('Range')) && Array.isArray(x) && x.length === 2 && typeof x[0] === 'number' ? [x[0] + delta, (x[1] as number) + delta] : shiftDeep(x, delta);
  }
  return out;
}

/** Appends every fact list of `from` to `into`, in place. */
export function appendFacts(into: Facts, from: Facts): void {
  for (const key of Object.keys(into) as Array<keyof Facts>) (into[key] as unknown[]).push(...(from[key] as unknown[]));
}
