/**
 * `.iotsec/threat-model.yaml`: render (stable order, no folding, a header telling people what they
 * may edit) and parse + validate (YAML syntax and schema errors with 1-based line/column).
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { Document, LineCounter, isMap, isNode, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { THREAT_MODEL_SCHEMA } from './schema';
import type { ThreatModel } from './types';

export const YAML_HEADER = [
  ' iotsec threat model — source of truth, versioned with the code.',
  ' Regenerate with `iotsec threat-model`. Per threat you may set: decision (accepted | false-positive)',
  ' with justification, owner and notes; add your own threats with `origin: manual`. Those are kept;',
  ' everything else is recomputed from the code. Threats whose evidence disappears become `resolved`.',
].join('\n');

/** A problem in an existing threat-model file, 1-based. */
export interface FileProblem {
  line: number;
  column: number;
  message: string;
}

export type ParseResult = { ok: true; model: ThreatModel } | { ok: false; problems: FileProblem[] };

/** Serializes the model; the same model always gives the same text. */
export function renderThreatModelYaml(model: ThreatModel): string {
  const doc = new Document(JSON.parse(JSON.stringify(model)));
  doc.commentBefore = YAML_HEADER;
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Parses and validates an existing file. Never throws. */
export function parseThreatModelYaml(text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.map((e) => ({ line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1, message: firstLine(e.message) })) };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(THREAT_MODEL_SCHEMA);
  if (validator(data)) return { ok: true, model: data as ThreatModel };
  const problems = (validator.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => problemAt(doc, lineCounter, e));
  return { ok: false, problems: dedupe(problems) };
}

function problemAt(doc: ReturnType<typeof parseDocument>, lc: LineCounter, e: ErrorObject): FileProblem {
  const path = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  let node: unknown = path.length ? doc.getIn(path, true) : doc.contents;
  const extra = (e.params as { additionalProperty?: string }).additionalProperty;
  if (extra && isMap(node)) {
    const pair = node.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === extra);
    if (pair && isNode(pair.key)) node = pair.key;
  }
  const offset = isNode(node) && (node as Node).range ? (node as Node).range![0] : 0;
  const pos = lc.linePos(offset);
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
  const what = extra ? `unknown property "${extra}"` : e.keyword === 'enum' ? `${e.message} (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : e.message ?? 'invalid';
  return { line: pos.line, column: pos.col, message: `${where}: ${what}` };
}

function dedupe(list: FileProblem[]): FileProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.line}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}
