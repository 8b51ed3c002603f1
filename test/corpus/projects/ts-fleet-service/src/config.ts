// Service configuration: everything secret comes from the environment (Kubernetes secrets).
export interface FleetConfig {
  mqttUrl: string;
  mqttUsername: string;
  mqttPassword: string;
  caFile: string;
  signingPublicKeyFile: string;
  webhookToken: string;
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
}

export function loadConfig(): FleetConfig {
  return {
    mqttUrl: process.env.MQTT_URL ?? 'mqtts://mqtt.fleet.example.com:8883',
    mqttUsername: process.env.MQTT_USERNAME ?? 'fleet-service',
    mqttPassword: required('MQTT_PASSWORD'),
    caFile: process.env.MQTT_CA_FILE ?? '/etc/fleet/ca.pem',
    signingPublicKeyFile: process.env.FW_SIGNING_PUBKEY ?? '/etc/fleet/fw-signing.pub.pem',
    webhookToken: process.env.WEBHOOK_TOKEN ?? '',
  };
}
