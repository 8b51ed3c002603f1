/** JSON schema of `.iotsec.yaml`; also written to dist/ for VS Code's yamlValidation. */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://iotsec.dev/schemas/iotsec-config.json',
  title: 'iotsec configuration (.iotsec.yaml)',
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: {
      description: 'Per rule id (or category id): "off", or a severity, or { enabled, severity }.',
      type: 'object',
      additionalProperties: {
        oneOf: [
          { enum: ['off', 'error', 'warning', 'info'] },
          {
            type: 'object',
            additionalProperties: false,
            properties: { enabled: { type: 'boolean' }, severity: { enum: ['error', 'warning', 'info'] } },
          },
        ],
      },
    },
    exclude: {
      description: 'Glob patterns (workspace-relative) of files not to scan.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    placeholders: {
      description: 'Extra values treated as placeholders, never as secrets (case-insensitive).',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    trustedHosts: {
      description: 'Hosts treated like localhost: plaintext findings for them are info only.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
    },
    maxFileSizeKb: {
      description: 'Files larger than this are skipped and reported as skipped.',
      type: 'integer',
      minimum: 1,
    },
    secretPatterns: {
      description: 'Extra secret formats: a regular expression each (checked for ReDoS at load time). Ignored in untrusted workspaces.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'pattern'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
          pattern: { type: 'string', minLength: 1 },
          description: { type: 'string' },
        },
      },
    },
  },
} as const;
