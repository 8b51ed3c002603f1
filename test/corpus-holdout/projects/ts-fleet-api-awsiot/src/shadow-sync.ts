import { readFileSync } from 'node:fs';
import mqtt from 'mqtt';
import { config } from './config.js';

// Listens to shadow deltas of the whole fleet through the fleet-api's own IoT identity (mutual TLS).
export function startShadowSync(onDelta: (thing: string, delta: unknown) => void): mqtt.MqttClient {
  const client = mqtt.connect(`mqtts://${config.iotEndpoint}:8883`, {
    clientId: `fleet-api-${process.pid}`,
    ca: readFileSync(process.env.FLEET_CA_PATH ?? './certs/AmazonRootCA1.pem'),
    cert: readFileSync(process.env.FLEET_CERT_PATH ?? './certs/fleet-api.cert.pem'),
    key: readFileSync(process.env.FLEET_KEY_PATH ?? './certs/fleet-api.private.key'),
    protocolVersion: 5,
  });
  client.on('connect', () => client.subscribe('$aws/things/+/shadow/name/config/update/delta'));
  client.on('message', (topic, payload) => {
    const thing = topic.split('/')[2];
    onDelta(thing, JSON.parse(payload.toString()));
  });
  return client;
}
