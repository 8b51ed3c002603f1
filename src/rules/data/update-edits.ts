/**
 * Small text and path helpers for the unsigned-update rules: whole-line ranges for Kconfig
 * suggestions, ESP-IDF CI config variants (trap T-07) and project grouping for absence rules.
 * Pure functions over strings; no imports.
 */

/** `[start, end)` of the whole line holding `offset`, including its line break (for "remove line"). */
export function wholeLineRange(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  if (nl >= 0) return [start, nl + 1];
  // Last line without a trailing newline: take the newline before it instead.
  return [start > 0 ? start - 1 : start, text.length];
}

/** `[start, end)` of the line content holding `offset` (no line break). */
export function lineContentRange(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
  return [start, end];
}

/** Leading spaces/tabs of the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(start, i);
}

/** The line break style of a document. */
export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Last path segment of a forward-slash path. */
export function baseNameOf(filePath: string): string {
  return filePath.slice(filePath.lastIndexOf('/') + 1);
}

/**
 * The project folder of a source file when no sdkconfig locates it: the part before the ESP-IDF
 * `main/` / `components/` or the PlatformIO / Arduino `src/` / `lib/` folder, else the file's folder.
 */
export function sourceProjectOf(filePath: string): string {
  const m = /(?:^|\/)(?:main|components|src|lib)\//.exec(filePath);
  if (!m) return dirNameOf(filePath);
  return filePath.slice(0, m.index);
}

/** Folder of a forward-slash path ('' at the root). */
export function dirNameOf(filePath: string): string {
  const i = filePath.lastIndexOf('/');
  return i < 0 ? '' : filePath.slice(0, i);
}

/** True for an ESP-IDF `sdkconfig*` file (full config, defaults or CI variant). */
export function isSdkconfig(filePath: string): boolean {
  return baseNameOf(filePath).toLowerCase().startsWith('sdkconfig');
}

/**
 * ESP-IDF CI / emulator variants (`sdkconfig.ci`, `sdkconfig.ci.*`, `sdkconfig.defaults.qemu`,
 * anything under `test_apps/`): they legitimately switch protections off (trap T-07).
 */
export function isCiSdkconfig(filePath: string): boolean {
  const name = baseNameOf(filePath).toLowerCase();
  return name.startsWith('sdkconfig.ci') || name.endsWith('.qemu') || /(^|\/)test_apps\//i.test(filePath);
}

/** True when `filePath` lies in folder `dir` or below ('' = the workspace root). */
export function isUnder(filePath: string, dir: string): boolean {
  return dir === '' || filePath.startsWith(dir + '/');
}

/** The deepest of `roots` that contains `filePath`, else undefined. */
export function nearestRoot(filePath: string, roots: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const r of roots) {
    if (isUnder(filePath, r) && (best === undefined || r.length > best.length)) best = r;
  }
  return best;
}

/** Relative path from folder `fromDir` to `toPath` (forward slashes; both workspace-relative). */
export function relativePath(fromDir: string, toPath: string): string {
  const from = fromDir ? fromDir.split('/') : [];
  const to = toPath.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** Path segments of image configs that belong to MCUboot rather than the application. */
const MCUBOOT_IMAGE_DIR = /(^|\/)(?:sysbuild|child_image|mcuboot)\//i;

/** A Kconfig fragment for the MCUboot image: `mcuboot.conf`, `sysbuild/mcuboot/prj.conf`, `child_image/mcuboot/…`. */
export function isMcubootImageConfig(filePath: string): boolean {
  return baseNameOf(filePath).toLowerCase() === 'mcuboot.conf' || MCUBOOT_IMAGE_DIR.test(filePath);
}

/** The `prj.conf` / `sysbuild.conf` that marks a Zephyr application folder (not an image sub-config). */
export function isZephyrAppConfig(filePath: string): boolean {
  const name = baseNameOf(filePath).toLowerCase();
  return (name === 'prj.conf' || name === 'sysbuild.conf') && !MCUBOOT_IMAGE_DIR.test(filePath);
}
