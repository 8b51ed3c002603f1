import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nodeModulesEnv } from '../harness/grammars';
import { extractPem, pemLanguage } from '../../src/languages/pem/index';

const KEY = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oK4FTQx0oMi6oAoGCCqGSM49
AwEHoUQDQgAEw7NQ3LJ2OZ3YU4Uj0SoTgWmv+pCxGvnt9tYm0XHT2ZbXmXkpWKl6
-----END EC PRIVATE KEY-----
`;

const CHAIN = `# Bag Attributes: friendlyName=device
-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUQ1
-----END CERTIFICATE-----
-----BEGIN CERTIFICATE-----
MIIBrjCCAVOgAwIBAgIUQ2
-----END CERTIFICATE-----
`;

const ENCRYPTED = `-----BEGIN RSA PRIVATE KEY-----
Proc-Type: 4,ENCRYPTED
DEK-Info: AES-128-CBC,0123456789ABCDEF

AbCd+/==
-----END RSA PRIVATE KEY-----`;

const slice = (text: string, r: readonly [number, number]): string => text.slice(r[0], r[1]);

describe('pem language', () => {
  it('matches key and certificate names, not public keys', () => {
    for (const [p, want] of [
      ['secure_boot_signing_key.pem', true], ['private.key', true], ['certs/device.crt', true], ['ca.CER', true], ['req.csr', true],
      ['.ssh/id_rsa', true], ['id_ed25519', true], ['id_rsa.pub', false], ['keys.json', false],
    ] as const) assert.equal(pemLanguage.matches(p), want, p);
  });

  it('extracts a private key block with label, range and body', async () => {
    const { facts, errors } = await pemLanguage.extract(KEY, nodeModulesEnv);
    assert.deepEqual(errors, []);
    assert.equal(facts.pemBlocks.length, 1);
    const [b] = facts.pemBlocks;
    assert.equal(b.label, 'EC PRIVATE KEY');
    assert.equal(slice(KEY, b.range), KEY.trimEnd());
    assert.equal(b.body, 'MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oK4FTQx0oMi6oAoGCCqGSM49AwEHoUQDQgAEw7NQ3LJ2OZ3YU4Uj0SoTgWmv+pCxGvnt9tYm0XHT2ZbXmXkpWKl6');
  });

  it('extracts every block of a certificate chain and comments outside blocks', () => {
    const { facts, errors } = extractPem(CHAIN);
    assert.deepEqual(errors, []);
    assert.deepEqual(facts.pemBlocks.map((b) => [b.label, b.body]), [['CERTIFICATE', 'MIIBszCCAVmgAwIBAgIUQ1'], ['CERTIFICATE', 'MIIBrjCCAVOgAwIBAgIUQ2']]);
    for (const b of facts.pemBlocks) {
      assert.ok(slice(CHAIN, b.range).startsWith('-----BEGIN CERTIFICATE-----'));
      assert.ok(slice(CHAIN, b.range).endsWith('-----END CERTIFICATE-----'));
    }
    assert.deepEqual(facts.comments.map((c) => c.text), ['# Bag Attributes: friendlyName=device']);
  });

  it('drops RFC 1421 headers from the body and tolerates CRLF', () => {
    assert.equal(extractPem(ENCRYPTED).facts.pemBlocks[0].body, 'AbCd+/==');
    const crlf = KEY.replace(/\n/g, '\r\n');
    const [b] = extractPem(crlf).facts.pemBlocks;
    assert.equal(b.body.length, 128);
    assert.ok(slice(crlf, b.range).endsWith('-----END EC PRIVATE KEY-----'));
  });

  it('reports a missing END line and reads the block to the end of the file', () => {
    const text = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\nMIIE\n';
    const { facts, errors } = extractPem(text);
    assert.equal(errors.length, 1);
    assert.equal(slice(text, errors[0].range), '-----BEGIN PRIVATE KEY-----');
    assert.equal(facts.pemBlocks[0].body, 'MIIEvQIBADANBgMIIE');
    assert.equal(facts.pemBlocks[0].range[1], text.trimEnd().length);
  });

  it('stops an unterminated block at the next BEGIN', () => {
    const text = '-----BEGIN CERTIFICATE-----\nAAAA\n-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n';
    const { facts, errors } = extractPem(text);
    assert.equal(errors.length, 1);
    assert.deepEqual(facts.pemBlocks.map((b) => b.body), ['AAAA', 'BBBB']);
  });

  it('survives binary garbage and empty input', () => {
    let bin = '';
    for (let i = 0; i < 100_000; i++) bin += String.fromCharCode((i * 2654435761) % 256);
    const r = extractPem(bin);
    assert.deepEqual(r.facts.pemBlocks, []);
    assert.deepEqual(extractPem('').facts.pemBlocks, []);
  });
});
