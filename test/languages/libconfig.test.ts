import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractLibconfig, isLibconfigFile, libconfigLanguage } from '../../src/languages/libconfig/index';
import { allLanguages } from '../../src/languages/registry';

const CFG = `# SWUpdate runtime configuration (libconfig syntax)
globals :
{
\tverbose = true;
\tloglevel = 5;
\tpublic-key-file = "/etc/swupdate/release-signing.pem";
};

suricatta :
{
\turl = "https://hawkbit." "acme.com"; // adjacent literals
\tnocheckcert = true;
\ttargettoken = "8ec9d5987993fddee01ecdbb124374dc";
\tpolldelay = 360L;
};
/* block
   comment */
identify : (
\t{ name = "board"; value = "edge-gw-rev-c"; }
);
hashes = [ 1, 2, 0x10 ];
`;

const slice = (r: readonly [number, number]): string => CFG.slice(r[0], r[1]);

describe('libconfig front end', () => {
  it('matches SWUpdate file names only', () => {
    assert.ok(isLibconfigFile('swupdate/swupdate.cfg'));
    assert.ok(isLibconfigFile('etc/swupdate-hawkbit.cfg'));
    assert.ok(isLibconfigFile('images/sw-description'));
    assert.ok(!isLibconfigFile('openocd/board.cfg'));
    assert.ok(!isLibconfigFile('setup.cfg'));
    assert.equal(allLanguages.find((l) => l.matches('swupdate.cfg'))?.id, 'libconfig');
    assert.deepEqual(libconfigLanguage.comments, { line: '#', block: ['/*', '*/'] });
  });

  it('reads settings with group paths, typed scalars and exact ranges', () => {
    const { facts, errors } = extractLibconfig(CFG);
    assert.deepEqual(errors, []);
    const at = (...path: string[]) => facts.keyValues.find((k) => k.path.join('.') === path.join('.'));
    const noCheck = at('suricatta', 'nocheckcert')!;
    assert.equal(noCheck.value.kind, 'boolean');
    assert.equal(noCheck.value.value, true);
    assert.equal(slice(noCheck.range), 'nocheckcert = true');
    const token = at('suricatta', 'targettoken')!;
    assert.equal(token.value.kind, 'string');
    assert.equal(token.value.value, '8ec9d5987993fddee01ecdbb124374dc');
    assert.equal(slice(token.value.innerRange!), '8ec9d5987993fddee01ecdbb124374dc');
    assert.equal(at('suricatta', 'url')!.value.value, 'https://hawkbit.acme.com');
    assert.equal(at('suricatta', 'polldelay')!.value.value, 360);
    assert.equal(at('globals', 'public-key-file')!.value.value, '/etc/swupdate/release-signing.pem');
    assert.equal(at('globals')!.value.kind, 'object');
    assert.equal(at('identify', '0', 'name')!.value.value, 'board');
    assert.equal(at('identify')!.value.elements?.length, 1);
    assert.deepEqual(at('hashes')!.value.elements?.map((e) => e.value), [1, 2, 16]);
    assert.equal(facts.comments.length, 3);
    assert.ok(facts.strings.some((s) => s.value === 'edge-gw-rev-c'));
  });

  it('never throws on broken input and reports errors', () => {
    for (const text of ['a = ', 'a = {', 'x = "unterminated', '= 1;', 'a = (1, 2', '{{{{', '\uFEFFa = 1;', 'a = [ ; ];']) {
      const r = extractLibconfig(text);
      assert.ok(Array.isArray(r.facts.keyValues));
    }
    assert.ok(extractLibconfig('a = {').errors.length > 0);
    assert.ok(extractLibconfig('a = "x\nb = 1;').errors.length > 0);
  });
});
