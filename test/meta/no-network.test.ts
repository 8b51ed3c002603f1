/**
 * "Nothing leaves your machine": a scan opens no socket, resolves no name and sends no request —
 * checked in-process (engine + the CLI's scan function, with every network entry point patched
 * to record calls) and for the built CLI (a preload that throws on any socket connect).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../../src/core/config';
import { scan } from '../../src/cli/scan';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = [join(ROOT, 'test', 'fixtures', 'secrets'), join(ROOT, 'samples', 'greenhouse-controller')];

test('an in-process scan makes no network call', async () => {
  const calls: string[] = [];
  const patches: Array<[object, string, unknown]> = [];
  const patch = (obj: object, key: string, name: string): void => {
    const o = obj as Record<string, unknown>;
    patches.push([obj, key, o[key]]);
    o[key] = (...args: unknown[]) => {
      calls.push(`${name}(${args.filter((a) => typeof a !== 'function').map((a) => JSON.stringify(a)?.slice(0, 80)).join(', ')})`);
      throw new Error(`network call during a scan: ${name}`);
    };
  };
  patch(net.Socket.prototype, 'connect', 'net.Socket.connect');
  patch(dns, 'lookup', 'dns.lookup');
  patch(dns.promises, 'lookup', 'dns.promises.lookup');
  patch(http, 'request', 'http.request');
  patch(http, 'get', 'http.get');
  patch(https, 'request', 'https.request');
  patch(https, 'get', 'https.get');
  patch(globalThis, 'fetch', 'fetch');
  try {
    for (const root of FIXTURES) {
      // jobs: 1 keeps the engine in this process, where the patches apply.
      const r = await scan({ root, config: defaultConfig(), jobs: 1, toolVersion: 'test' });
      assert.ok(r.findings.length > 0, `no findings in ${root}: the scan did not run`);
    }
  } finally {
    for (const [obj, key, orig] of patches) (obj as Record<string, unknown>)[key] = orig;
  }
  assert.deepEqual(calls, []);
});

test('the built CLI runs with sockets forbidden', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iotsec-nonet-'));
  const preload = join(dir, 'no-network.cjs');
  writeFileSync(preload, `
const net = require('node:net');
const deny = (what) => function () { process.stderr.write('NETWORK-ATTEMPT ' + what + '\\n'); throw new Error('network forbidden: ' + what); };
net.Socket.prototype.connect = deny('net.Socket.connect');
require('node:dns').lookup = deny('dns.lookup');
globalThis.fetch = deny('fetch');
`);
  try {
    for (const root of FIXTURES) {
      for (const jobs of ['1', '2']) {
        const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', root, '--format', 'json', '--jobs', jobs], {
          cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--require ${preload}` }, maxBuffer: 64 * 2 ** 20,
        });
        assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 500)}`);
        assert.doesNotMatch(r.stderr, /NETWORK-ATTEMPT|network forbidden/);
        assert.ok((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length > 0);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
