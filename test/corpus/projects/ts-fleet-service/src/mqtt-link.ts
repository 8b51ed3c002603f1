// Fleet command channel. TLS with the fleet CA, broker certificate verified.
import { readFileSync } from 'fs';
import { type FleetConfig } from './config';

// eslint-disable-next-line @typescript-eslint/no-var-requires -- loaded lazily in the worker
const mqtt = require('mqtt');

export function connectFleet(cfg: FleetConfig): unknown {
  return mqtt.connect(cfg.mqttUrl, {
    username: cfg.mqttUsername,
    password: cfg.mqttPassword,
    ca: readFileSync(cfg.caFile),
    rejectUnauthorized: true,
    protocolVersion: 5,
    clean: false,
    clientId: `fleet-service-${process.pid}`,
  });
}
