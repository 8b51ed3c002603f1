/**
 * How the CLI has V8 compile WebAssembly. A CLI run is short, and V8's optimizing compiler
 * (TurboFan) re-compiling the tree-sitter grammars' large lexer functions once they get hot took
 * ~2 s of CPU per scan of the bench workspace: more than the parsing it sped up, on the same two
 * cores. The keyword scan, small and run over every byte, is the one module worth optimizing: it
 * is compiled with TurboFan up front, and everything compiled after it (grammars, the tree-sitter
 * runtime) stays on the baseline compiler, Liftoff (parsing ~1.5x slower, the scan ~15% faster
 * overall). Scan workers are handed the compiled module. The extension host runs for hours and
 * keeps V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';
import { keywordScanModule } from '../core/byte-automaton';

/**
 * Where the flags below were measured (V8 11.3, Node 20). V8 prints an error for a flag it does not
 * know, and what a flag does changes between versions: other engines keep their defaults.
 */
export const TUNED_V8 = /^11\./;

/** Call once, before anything else compiles WebAssembly. Only speed depends on it. */
export function compileWebAssemblyForOneRun(): void {
  if (!TUNED_V8.test(process.versions.v8)) return;
  try {
    // Eagerly, with TurboFan: lazily compiled functions would be compiled after the switch below.
    setFlagsFromString('--no-liftoff');
    setFlagsFromString('--no-wasm-lazy-compilation');
    const compiled = keywordScanModule();
    setFlagsFromString('--liftoff');
    setFlagsFromString('--wasm-lazy-compilation');
    // Read when a module is compiled: the kernel above keeps its optimized code.
    if (compiled) setFlagsFromString('--liftoff-only');
  } catch {
    // flags this V8 does not take: its defaults, only slower
  }
}
