// Lint = layering. Each layer's import arrows (STYLE.md §3) are enforced, not just documented.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const banned = (groups, { vscode = true, allowTypeImports = false } = {}) => ['error', {
  paths: vscode ? [{ name: 'vscode', message: 'Only src/vscode may import vscode.' }] : [],
  patterns: [{ group: groups, message: 'Layering: see STYLE.md section 3.', allowTypeImports }],
}];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'test/fixtures/**', 'test/corpus/**', 'test/corpus-holdout/**', 'samples/**', 'bench/.workspace/**', 'bench/results/**', '.iotsec-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', URL: 'readonly', performance: 'readonly', fetch: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  { files: ['src/core/**'], rules: { 'no-restricted-imports': banned(['**/rules/**', '**/languages/**', '**/vscode/**', '**/cli/**', '**/threat-model/**', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process']) } },
  { files: ['src/languages/**'], rules: { 'no-restricted-imports': banned(['**/rules/**', '**/vscode/**', '**/cli/**', '**/threat-model/**', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises']) } },
  { files: ['src/rules/**'], rules: { 'no-restricted-imports': banned(['**/languages/**', '**/vscode/**', '**/cli/**', '**/threat-model/**', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'web-tree-sitter'], { allowTypeImports: true }) } },
  { files: ['src/threat-model/**'], rules: { 'no-restricted-imports': banned(['**/vscode/**', '**/cli/**', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process']) } },
  { files: ['src/cli/**'], rules: { 'no-restricted-imports': banned(['**/vscode/**']) } },
  { files: ['src/vscode/**'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**'], message: 'cli and vscode never import each other.' }] }] } },
  // The workspace-scan worker runs the CLI's engine in a thread of the extension host: it (and its message types) may use src/cli, never vscode.
  { files: ['src/vscode/scan-worker.ts', 'src/vscode/scan-protocol.ts'], rules: { 'no-restricted-imports': banned(['**/vscode/**']) } },
  { files: ['test/**', 'scripts/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
