import type { Facts, Range } from './facts';

/**
 * Language ids iotsec reads. `cpp` covers Arduino `.ino`; `kconfig` covers sdkconfig/prj.conf/defconfig;
 * `libconfig` covers SWUpdate's `swupdate.cfg` / `sw-description`.
 */
export type LanguageId =
  | 'c' | 'cpp' | 'python' | 'javascript' | 'typescript'
  | 'yaml' | 'json' | 'ini' | 'kconfig' | 'dotenv' | 'pem' | 'libconfig';

export const ALL_LANGUAGE_IDS: readonly LanguageId[] = [
  'c', 'cpp', 'python', 'javascript', 'typescript', 'yaml', 'json', 'ini', 'kconfig', 'dotenv', 'pem', 'libconfig',
];

/** A syntax problem in the input; the document still yields facts from the parts that parsed. */
export interface ParseError {
  message: string;
  range: Range;
}

/** Result of extracting facts from one document. Never throws: problems are `errors`. */
export interface ExtractResult {
  facts: Facts;
  errors: ParseError[];
  /** Ranges of syntax-error regions; the engine drops findings that fall entirely inside them. */
  errorRanges?: Range[];
  /** True when parsing stopped at `ExtractOptions.deadline`: the facts are empty, the document unanalysed. */
  timedOut?: boolean;
  /** The parse kept for the next call (only with `ExtractOptions.retain`); the caller must dispose it. */
  retained?: RetainedParse;
}

/** A parse kept between two analyses of one document (e.g. a tree-sitter tree and its facts). */
export interface RetainedParse {
  /** Frees native/wasm memory; idempotent. */
  dispose(): void;
}

/** Optional knobs of `extract`; languages that cannot use one ignore it. */
export interface ExtractOptions {
  /** `performance.now()` time after which parsing is abandoned (`timedOut`). */
  deadline?: number;
  /** The previous parse of the same document; ownership passes to `extract` (it reuses or frees it). */
  previous?: RetainedParse;
  /** Keep this parse for the next call and return it as `retained`. */
  retain?: boolean;
  /**
   * Parse only these ranges (ascending, disjoint), each standalone; facts, errors and error ranges
   * are in whole-text offsets. Languages that cannot window parse the whole text.
   */
  windows?: readonly Range[];
}

/** Comment syntax of a language, for suppressions and for the "ignore" quick fix. */
export interface CommentSyntax {
  line?: string;                         // '//', '#', ';'
  block?: readonly [open: string, close: string];
}

/**
 * One input language: detects its files and turns text into facts.
 * Code languages load a tree-sitter grammar lazily through the injected loader.
 */
export interface LanguageSupport {
  id: LanguageId;
  /** Comment syntax used for suppressions in this language. */
  comments: CommentSyntax;
  /** True if `filePath` (forward slashes) is a file of this language. Cheap, name-based. */
  matches(filePath: string): boolean;
  /** Parse and extract facts. Must not throw; must free any native/wasm memory before returning. */
  extract(text: string, env: LanguageEnv, options?: ExtractOptions): Promise<ExtractResult>;
  /** True when `extract` honours `ExtractOptions.windows` (parsing is costly enough to window). */
  windowed?: boolean;
  /** Optional: release cached parsers/grammars. */
  dispose?(): void;
}

/** What the engine gives a language: a way to get grammar bytes (extension URI vs. CLI __dirname). */
export interface LanguageEnv {
  loadGrammar(name: GrammarName): Promise<Uint8Array>;
  /** Workspace-relative path of the document, when known (e.g. `mosquitto.conf` vs other INI). */
  filePath?: string;
}

/** Grammar `.wasm` files shipped in `dist/` (`tree-sitter.wasm` is the runtime). */
export type GrammarName =
  | 'tree-sitter' | 'tree-sitter-c' | 'tree-sitter-cpp' | 'tree-sitter-python'
  | 'tree-sitter-javascript' | 'tree-sitter-typescript' | 'tree-sitter-tsx';
