/**
 * Mermaid `flowchart LR` data-flow diagram: one subgraph per trust boundary, one node per
 * component, plaintext and unverified-TLS flows drawn red and dashed. Ids are sanitized, labels escaped.
 */
import type { ThreatModel } from './types';

/** A Mermaid-safe node id (letters, digits, underscore; prefixed so it never starts with a digit or keyword). */
export function mermaidId(prefix: string, raw: string): string {
  return `${prefix}_${raw.replace(/[^A-Za-z0-9]/g, '_').replace(/_+/g, '_')}`;
}

/** Escapes text for a quoted Mermaid label. */
export function mermaidLabel(text: string): string {
  return text.replace(/[<>"#&|`[\]{}()]/g, (c) => `#${c.charCodeAt(0)};`).replace(/\s+/g, ' ').trim();
}

const SHAPE: Readonly<Record<string, [string, string]>> = {
  device: ['[', ']'], gateway: ['[[', ']]'], tool: ['>', ']'], broker: ['([', '])'], 'ota-server': ['[/', '/]'], cloud: ['{{', '}}'], 'web-service': ['(', ')'],
};
const DANGER = 'stroke:#d00,stroke-width:2px,stroke-dasharray:4';
const UNCLEAR = 'stroke:#e80,stroke-width:2px,stroke-dasharray:2';

/** The diagram source (without the ```mermaid fence). */
export function renderMermaid(model: ThreatModel): string {
  const out = ['flowchart LR'];
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const c of model.components) {
    let id = mermaidId('c', c.id);
    for (let n = 2; used.has(id); n++) id = `${mermaidId('c', c.id)}_${n}`;
    used.add(id);
    ids.set(c.id, id);
  }
  for (const b of model.trustBoundaries) {
    const members = model.components.filter((c) => c.boundary === b.id);
    if (!members.length) continue;
    out.push(`  subgraph ${mermaidId('b', b.id)}["${mermaidLabel(b.name)}"]`);
    out.push('    direction TB');
    for (const c of members) {
      const [open, close] = SHAPE[c.kind] ?? ['[', ']'];
      const detail = c.properties.board ?? c.properties.target ?? c.kind;
      out.push(`    ${ids.get(c.id)}${open}"${mermaidLabel(`${c.name} (${detail})`)}"${close}`);
    }
    out.push('  end');
  }
  const styles: string[] = [];
  let edge = 0;
  for (const f of model.dataFlows) {
    const from = ids.get(f.from);
    const to = ids.get(f.to);
    if (!from || !to) continue; // a hand-edited flow naming a component that is gone
    const danger = !f.tls || f.verification === 'disabled';
    const unclear = f.verification === 'unknown';
    out.push(`  ${from} ${danger || unclear ? '-.->' : '-->'}|"${mermaidLabel(f.label)}"| ${to}`);
    if (danger) styles.push(`  linkStyle ${edge} ${DANGER}`);
    else if (unclear) styles.push(`  linkStyle ${edge} ${UNCLEAR}`);
    edge++;
  }
  return [...out, ...styles].join('\n');
}
