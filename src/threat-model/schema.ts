/**
 * JSON schema of `.iotsec/threat-model.yaml` (the build also writes it to
 * `dist/threat-model.schema.json`). Strict where people edit (threats: a typo such as `decison:`
 * is an error with file:line), lenient on generated inventory sections.
 */
const location = {
  type: 'object',
  required: ['file', 'line'],
  properties: {
    file: { type: 'string', minLength: 1 },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
  },
} as const;

const stringArray = { type: 'array', items: { type: 'string' } } as const;

export const THREAT_MODEL_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://iotsec.dev/schema/threat-model.schema.json',
  title: 'iotsec threat model (.iotsec/threat-model.yaml)',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'threats'],
  properties: {
    version: { const: 1 },
    generator: { type: 'string' },
    attackVersion: { type: 'string' },
    generatedOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    project: { type: 'object', properties: { name: { type: 'string' } } },
    summary: { type: 'object' },
    trustBoundaries: { type: 'array', items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } } },
    components: {
      type: 'array',
      items: { type: 'object', required: ['id', 'name', 'kind', 'boundary'], properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, boundary: { type: 'string' } } },
    },
    dataFlows: {
      type: 'array',
      items: { type: 'object', required: ['id', 'from', 'to', 'protocol'], properties: { id: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, protocol: { type: 'string' } } },
    },
    assets: { type: 'object' },
    practices: { type: 'array', items: { type: 'object', required: ['practice'], properties: { practice: { type: 'integer', minimum: 1, maximum: 10 } } } },
    threats: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title'],
        properties: {
          id: { type: 'string', minLength: 1 },
          origin: { enum: ['generated', 'manual'], description: 'manual = added by a person; kept as written on regeneration.' },
          title: { type: 'string', minLength: 1 },
          description: { type: 'string' },
          row: { type: 'string', pattern: '^F(1[01]|[1-9])$' },
          category: { type: 'string' },
          target: { type: 'object', additionalProperties: false, properties: { component: { type: 'string' }, flow: { type: 'string' } } },
          status: { enum: ['open', 'partially-mitigated', 'mitigated', 'resolved'] },
          severity: { enum: ['high', 'medium', 'low'] },
          stride: { type: 'array', items: { enum: ['S', 'T', 'R', 'I', 'D', 'E'] } },
          practices: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 10 } },
          attack: { type: 'object', additionalProperties: false, properties: { ics: stringArray, enterprise: stringArray } },
          cwe: { type: 'array', items: { type: 'string', pattern: '^CWE-\\d+$' } },
          owasp: stringArray,
          etsi: stringArray,
          causes: {
            type: 'array',
            items: { ...location, properties: { ...location.properties, ruleId: { type: 'string' }, evidence: { type: 'string' }, message: { type: 'string' }, fingerprint: { type: 'string' }, absence: { type: 'boolean' } } },
          },
          mitigations: {
            type: 'array',
            items: { ...location, properties: { ...location.properties, kind: { type: 'string' }, evidence: { type: 'string' } } },
          },
          decision: { enum: ['accepted', 'false-positive'], description: 'A person\'s decision; kept on regeneration.' },
          justification: { type: 'string' },
          owner: { type: 'string' },
          notes: { type: 'string' },
          resolvedOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
        if: { properties: { decision: { type: 'string' } }, required: ['decision'] },
        then: { required: ['justification'] },
      },
    },
  },
} as const;
