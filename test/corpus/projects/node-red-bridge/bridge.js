'use strict';
/**
 * Plant floor -> analytics cloud bridge.
 * Subscribes to PLC topics on the plant broker and forwards them to the analytics broker.
 */
const fs = require('fs');
const mqtt = require('mqtt');
const { transform } = require('./lib/transform');

const plant = mqtt.connect('mqtt://broker.hivemq.com:1883', {
  clientId: 'plant-bridge-01',
  username: 'plant-bridge',
  password: 'Pl4ntFl00r-Bridge',
  reconnectPeriod: 2000,
});

const analytics = mqtt.connect('mqtts://ingest.analytics-cloud.io:8883', {
  clientId: 'plant-bridge-01',
  key: fs.readFileSync('/etc/bridge/client.key'),
  cert: fs.readFileSync('/etc/bridge/client.crt'),
  rejectUnauthorized: false,
});

plant.on('connect', () => plant.subscribe('plc/+/telemetry', { qos: 1 }));
plant.on('message', (topic, payload) => {
  const out = transform(topic, payload);
  if (out) analytics.publish(`plants/munich/${out.machine}`, JSON.stringify(out.body), { qos: 1 });
});

for (const c of [plant, analytics]) {
  c.on('error', (err) => console.error('[mqtt]', err.message));
}
