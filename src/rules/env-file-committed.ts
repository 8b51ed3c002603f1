import { defineRule } from '../core/rule';
import { isEnvTemplate } from './data/secret-moves';
import { isScalarWord, judgeCredential } from './data/secret-names';

/** Flags a dotenv file that holds real secrets and is not git-ignored. */
export const envFileCommitted = defineRule({
  meta: {
    id: 'env-file-committed',
    title: 'Committed .env file with secrets',
    description: 'Reports a dotenv file that holds non-placeholder secrets and is not covered by .gitignore.',
    category: 'hardcoded-secret',
    severity: 'error',
    cwe: ['CWE-798'],
    practice: 3,
    attack: { ics: ['T0891'], enterprise: ['T1552.001'] },
    languages: ['dotenv'],
    messages: {
      committed: '{{file}} holds {{count}} secret value(s) and is not git-ignored: it will be committed with them (CWE-798).',
    },
    docs: {
      what: 'A `.env` file with real passwords, tokens or keys that `.gitignore` does not cover. `.env.example`, `.env.sample` and `.env.template` are exempt; when the host cannot tell whether the file is ignored, nothing is reported.',
      why: 'A .env file exists to keep secrets out of the repository; committed, it publishes every secret at once.',
      fix: 'Add the file to .gitignore, remove it from the index (`git rm --cached`), rotate the secrets, and commit a `.env.example` with placeholders instead.',
      references: ['F1 (attack-mapping.md §B)', 'ENV (iot-config-reference.md §0)'],
    },
  },
  keywords: ['=', ':'],
  check(ctx) {
    if (isEnvTemplate(ctx.filePath) || ctx.workspace.isGitIgnored(ctx.filePath) !== false) return;
    const secrets = ctx.facts.keyValues.filter((kv) => {
      const v = kv.value.value;
      return kv.value.kind === 'string' && typeof v === 'string' && !isScalarWord(v)
        && (judgeCredential(kv.key, v, ctx.settings.placeholderWords) !== undefined || v.includes('PRIVATE KEY-----'));
    });
    if (!secrets.length) return;
    const file = ctx.filePath.slice(ctx.filePath.lastIndexOf('/') + 1) || '.env';
    ctx.report({
      messageId: 'committed',
      data: { file, count: secrets.length },
      range: secrets[0].keyRange,
      suggestions: [{ title: `Add ${file} to .gitignore (then git rm --cached it and rotate the secrets)`, edits: [], fileEdits: [{ path: '.gitignore', append: `${file}\n`, unlessContains: file }] }],
    });
  },
});
