// Local development entry point: runs the service against the docker-compose broker on this machine.
import { type FleetConfig } from './config';

export const DEV_BROKER_URL = 'mqtt://localhost:1883';

export function devConfig(): FleetConfig {
  return {
    mqttUrl: DEV_BROKER_URL,
    mqttUsername: 'dev',
    mqttPassword: process.env.DEV_MQTT_PASSWORD ?? '',
    caFile: '',
    signingPublicKeyFile: './dev-keys/fw-signing.pub.pem',
    webhookToken: '',
  };
}
