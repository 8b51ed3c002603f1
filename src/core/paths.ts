/** Path helpers shared by hosts; paths in the core are workspace-relative with forward slashes. */

const TEST_DIR = /(^|\/)(tests?|__tests__|spec|specs|fixtures?|testdata|test_data|mocks?|examples?|samples?)\//i;
const TEST_FILE = /(^|\/)(test_[^/]*|[^/]*_test\.[a-z0-9]+|[^/]*\.(test|spec)\.[a-z0-9]+|conftest\.py)$/i;

/** True when a path looks like a test, example or fixture: findings there are lowered, not silenced. */
export function isTestPath(filePath: string): boolean {
  return TEST_DIR.test(filePath) || TEST_FILE.test(filePath);
}

/** Converts OS separators to forward slashes. */
export function toPosix(filePath: string): string {
  return filePath.replace(/\\/g, '/');
}

/** The base name of a forward-slash path. */
export function baseName(filePath: string): string {
  const i = filePath.lastIndexOf('/');
  return i < 0 ? filePath : filePath.slice(i + 1);
}
