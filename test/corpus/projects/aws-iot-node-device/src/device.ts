// Cold-chain sensor hub: publishes container temperatures to AWS IoT Core over mutual TLS.
// eslint-disable-next-line @typescript-eslint/no-var-requires -- the SDK ships no type declarations
const awsIot = require('aws-iot-device-sdk');
import { readingsFrom } from './sensors';

const endpoint = process.env.AWS_IOT_ENDPOINT;
if (!endpoint) {
  throw new Error('AWS_IOT_ENDPOINT is not set');
}

const thingName = process.env.THING_NAME ?? 'coldchain-hub-dev';

export const device = awsIot.device({
  keyPath: process.env.AWS_IOT_KEY_PATH ?? '/etc/coldchain/private.pem.key',
  certPath: process.env.AWS_IOT_CERT_PATH ?? '/etc/coldchain/device.pem.crt',
  caPath: './certs/AmazonRootCA1.pem',
  clientId: thingName,
  host: endpoint,
  protocol: 'mqtts',
  port: 8883,
});

device.on('connect', () => {
  device.subscribe(`coldchain/${thingName}/cmd`);
  setInterval(() => {
    for (const r of readingsFrom('/dev/ttyACM0')) {
      device.publish(`coldchain/${thingName}/temp`, JSON.stringify(r), { qos: 1 });
    }
  }, 15_000);
});
