import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CATEGORIES } from '../../src/core/finding';
import type { RuleMeta } from '../../src/core/rule';
import { allProjectRules, allRules } from '../../src/rules/index';
import { MITIGATION_ROWS, ROW_SEVERITY } from '../../src/threat-model/evidence';
import {
  ATTACK_VERSION, CATEGORY_ROW, CWES, ENTERPRISE_TECHNIQUES, ETSI_PROVISIONS, FINDING_ROWS, FORBIDDEN_IDS, ICS_TECHNIQUES, OWASP_IOT,
  PRACTICES, ROW_CATEGORY, rowForFinding,
} from '../../src/threat-model/taxonomy';

function checkIds(where: string, ids: { ics: readonly string[]; enterprise: readonly string[]; cwe: readonly string[] }): void {
  for (const id of ids.ics) {
    assert.ok(id in ICS_TECHNIQUES, `${where}: ICS technique ${id} is not in the ATT&CK v${ATTACK_VERSION} ICS registry`);
    assert.ok(!(id in FORBIDDEN_IDS), `${where}: ${id} is ${FORBIDDEN_IDS[id]}`);
  }
  for (const id of ids.enterprise) {
    assert.ok(id in ENTERPRISE_TECHNIQUES, `${where}: Enterprise technique ${id} is not in the ATT&CK v${ATTACK_VERSION} Enterprise registry`);
    assert.ok(!(id in FORBIDDEN_IDS), `${where}: ${id} is ${FORBIDDEN_IDS[id]}`);
  }
  for (const id of ids.cwe) {
    assert.ok(id in CWES, `${where}: ${id} is not a CWE 4.15 weakness in the registry`);
    assert.ok(!(id in FORBIDDEN_IDS), `${where}: ${id} is ${FORBIDDEN_IDS[id]}`);
  }
}

describe('taxonomy', () => {
  test('pins ATT&CK 18.1 and lists ten practices and eleven finding rows', () => {
    assert.equal(ATTACK_VERSION, '18.1');
    assert.deepEqual(PRACTICES.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(FINDING_ROWS.map((r) => r.id), ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11']);
  });

  test('every id of every practice and finding row is in the registries and none is forbidden', () => {
    for (const row of [...PRACTICES, ...FINDING_ROWS]) {
      checkIds(row.id, row);
      for (const o of row.owasp) assert.ok(o in OWASP_IOT, `${row.id}: OWASP ${o}`);
      for (const e of row.etsi) assert.ok(e in ETSI_PROVISIONS, `${row.id}: ETSI ${e}`);
    }
    for (const row of FINDING_ROWS) for (const p of row.practices) assert.ok(p >= 1 && p <= 10);
  });

  test('registries hold no forbidden id (§H pitfalls)', () => {
    for (const id of Object.keys(FORBIDDEN_IDS)) {
      assert.ok(!(id in ICS_TECHNIQUES) && !(id in ENTERPRISE_TECHNIQUES) && !(id in CWES), id);
    }
  });

  test('every rule that has landed uses only registry ids', () => {
    const metas: RuleMeta[] = [...allRules, ...allProjectRules].map((r) => r.meta);
    for (const m of metas) {
      checkIds(`rule ${m.id}`, { ics: m.attack.ics, enterprise: m.attack.enterprise, cwe: m.cwe });
      assert.ok(m.practice >= 1 && m.practice <= 10, `rule ${m.id}: practice ${m.practice}`);
      const row = rowForFinding({ ruleId: m.id, category: m.category, cwe: m.cwe });
      assert.equal(ROW_CATEGORY[row], m.category, `rule ${m.id} maps to ${row}`);
    }
  });

  test('every category maps to a row, and every mitigation kind to known rows', () => {
    for (const c of CATEGORIES) assert.ok(CATEGORY_ROW[c] in ROW_SEVERITY, c);
    for (const [kind, rows] of Object.entries(MITIGATION_ROWS)) for (const r of rows) assert.ok(r in ROW_SEVERITY, kind);
  });

  test('rowForFinding refines shared, default and anti-rollback findings', () => {
    assert.equal(rowForFinding({ ruleId: 'hardcoded-credential', category: 'hardcoded-secret', cwe: ['CWE-798', 'CWE-1392'] }), 'F1');
    assert.equal(rowForFinding({ ruleId: 'shared-credential', category: 'hardcoded-secret', cwe: ['CWE-798'] }), 'F11');
    assert.equal(rowForFinding({ ruleId: 'x', category: 'hardcoded-secret', cwe: ['CWE-1393'] }), 'F2');
    assert.equal(rowForFinding({ ruleId: 'ota-without-anti-rollback', category: 'unsigned-update', cwe: ['CWE-1328'] }), 'F6');
    assert.equal(rowForFinding({ ruleId: 'ota-without-signature-check', category: 'unsigned-update', cwe: ['CWE-494'] }), 'F5');
  });
});
