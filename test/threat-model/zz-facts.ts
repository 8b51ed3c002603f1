import { readFileSync } from 'node:fs';
import { languages } from './scan-helper';
import { nodeModulesEnv } from '../harness/grammars';
(async () => {
  const file = process.argv[2]; const id = process.argv[3];
  const lang = languages.find((l) => l.id === id)!;
  const r = await lang.extract(readFileSync(file, 'utf8'), nodeModulesEnv);
  const f = r.facts;
  for (const c of f.calls) console.log('CALL', c.callee, 'recv=', c.receiver, c.range, JSON.stringify(c.args.map((a) => [a.name, a.value.kind, a.value.text.slice(0, 40), a.value.range])));
  for (const a of f.assignments) console.log('ASSIGN', a.kind, a.name, a.target, JSON.stringify(a.path), a.value.kind, a.value.text.slice(0, 40), a.range, a.value.range);
  for (const i of f.imports) console.log('IMPORT', i.module);
})();
