// Pushes hub health metrics to the logistics partner's broker (their CA is "not ready yet").
// eslint-disable-next-line @typescript-eslint/no-var-requires -- CommonJS module without bundled types in our version
const mqtt = require('mqtt');

export function connectPartner(): unknown {
  return mqtt.connect('mqtts://metrics.reefer-partner.com:8883', {
    username: process.env.PARTNER_USER,
    password: process.env.PARTNER_PASSWORD,
    rejectUnauthorized: false,
  });
}
