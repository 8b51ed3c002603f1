import { describe, expect, it } from 'vitest';
import mqtt from 'mqtt';

// Runs against the aedes broker started by the test harness on the loopback interface.
describe('shadow delta topic parsing', () => {
  it('extracts the thing name', async () => {
    const client = mqtt.connect('mqtt://localhost:1883');
    await new Promise((r) => client.on('connect', r));
    const topic = '$aws/things/orchard-node-0042/shadow/name/config/update/delta';
    expect(topic.split('/')[2]).toBe('orchard-node-0042');
    client.end();
  });
});
