import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GrammarName, LanguageEnv } from '../../src/core/language';
import { cppLanguage } from '../../src/languages/cpp/index';
import { getParser, initRuntime, loadLanguage, runtimeStats, withTree } from '../../src/languages/tree-sitter/runtime';
import { decodeEscapes, parseNumber, splitCallee } from '../../src/languages/tree-sitter/text';
import { nodeModulesEnv } from '../harness/grammars';

/** Counts grammar byte requests to prove caching. */
function countingEnv(): LanguageEnv & { calls: GrammarName[] } {
  const calls: GrammarName[] = [];
  return { calls, loadGrammar: (name) => { calls.push(name); return nodeModulesEnv.loadGrammar(name); } };
}

/** A realistic ~2,000-line ESP32 Arduino sketch. */
function bigSketch(): string {
  const parts = ['#include <WiFi.h>\n#include <PubSubClient.h>\n#define WIFI_PASS "hunter2"\nWiFiClient net;\nPubSubClient client(net);\n'];
  for (let i = 0; parts.join('').split('\n').length < 2000; i++) {
    parts.push(`// sensor ${i}
static const char *topic_${i} = "greenhouse/zone${i}/temp";
const esp_mqtt_client_config_t cfg_${i} = { .broker = { .address = { .uri = "mqtt://10.0.0.${i % 255}:1883" } } };
float read_${i}(int pin) {
  float v = analogRead(pin) * 0.1f + ${i};
  if (v > 40.0f) { Serial.printf("zone %d hot: %f\\n", ${i}, v); }
  client.publish(topic_${i}, String(v).c_str());
  return v;
}
`);
  }
  return parts.join('');
}

describe('tree-sitter runtime', () => {
  it('initializes once and shares concurrent first grammar loads', async () => {
    const env = countingEnv();
    await initRuntime(env);
    await initRuntime(env);
    assert.ok(runtimeStats.inits <= 1, 'runtime initialized once per process');
    const before = runtimeStats.grammarLoads;
    const [a, b, c] = await Promise.all([loadLanguage(env, 'tree-sitter-tsx'), loadLanguage(env, 'tree-sitter-tsx'), loadLanguage(env, 'tree-sitter-tsx')]);
    assert.equal(a, b);
    assert.equal(b, c);
    assert.ok(runtimeStats.grammarLoads - before <= 1);
    assert.ok(env.calls.filter((n) => n === 'tree-sitter-tsx').length <= 1);
    // cached: a second round loads nothing
    const loads = runtimeStats.grammarLoads;
    await loadLanguage(env, 'tree-sitter-tsx');
    assert.equal(runtimeStats.grammarLoads, loads);
    assert.equal(await getParser(env, 'tree-sitter-tsx'), await getParser(env, 'tree-sitter-tsx'));
  });

  it('withTree frees the tree even when the callback throws', async () => {
    const parser = await getParser(nodeModulesEnv, 'tree-sitter-c');
    let tree: { delete(): void } | undefined;
    assert.throws(() => withTree(parser, 'int x;', (t) => { tree = t; throw new Error('boom'); }), /boom/);
    assert.ok(tree);
  });

  it('turns a failing grammar load into errors instead of throwing', async () => {
    const { cLanguage } = await import('../../src/languages/c/index');
    const broken: LanguageEnv = { loadGrammar: async (name) => { if (name === 'tree-sitter-c') throw new Error('missing wasm'); return nodeModulesEnv.loadGrammar(name); } };
    // The C grammar may already be cached by other tests in this process; either outcome must not throw.
    const r = await cLanguage.extract('const char *p = "x";', broken);
    assert.ok(Array.isArray(r.errors));
  });

  it('decodes escapes, numbers and callees', () => {
    assert.equal(decodeEscapes('a\\nb\\"c\\\\d\\x41\\101\\u00e9\\u{1F600}\\q'), 'a\nb"c\\dAAé😀q');
    assert.deepEqual(['0x22B3', '1883U', '8883UL', '1_000', "1'000", '0755', '0o17', '1e3', '2.5f'].map(parseNumber), [8883, 1883, 8883, 1000, 1000, 493, 15, 1000, 2.5]);
    assert.deepEqual(splitCallee('this->client.connect'), { name: 'connect', receiver: 'this->client' });
    assert.deepEqual(splitCallee('std::make_unique<WiFiClientSecure>'), { name: 'make_unique', receiver: 'std' });
    assert.deepEqual(splitCallee('a?.b'), { name: 'b', receiver: 'a' });
    assert.deepEqual(splitCallee('connect'), { name: 'connect' });
  });

  it('extracts a 2,000-line sketch quickly and frees trees across 2,000 runs', async () => {
    const sketch = bigSketch();
    await cppLanguage.extract(sketch, nodeModulesEnv); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      const r = await cppLanguage.extract(sketch, nodeModulesEnv);
      times.push(performance.now() - t0);
      assert.equal(r.errors.length, 0);
    }
    times.sort((a, b) => a - b);
    const p50 = times[15];
    const p95 = times[Math.floor(times.length * 0.95)];
    console.log(`# 2,000-line C++ extract: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ${(sketch.length / 1024).toFixed(0)} KiB`);
    assert.ok(p95 < 1000, 'sanity bound only (CI machines are shared); the benchmark owns the real budget');

    const small = 'const char* pw = "x"; void f() { WiFi.begin("a", pw); }\n'.repeat(20);
    const heapBefore = process.memoryUsage().rss;
    for (let i = 0; i < 2000; i++) await cppLanguage.extract(small, nodeModulesEnv);
    const grown = process.memoryUsage().rss - heapBefore;
    assert.ok(grown < 200 * 1024 * 1024, `rss grew ${grown} bytes`);
  });
});
