'use strict';
// Back-office monitor that listens to device twin changes and pages the on-call engineer.
// Runs on the same Raspberry Pi as the gateway "to keep the BOM small".

const { Registry, Client } = require('azure-iothub');

const HUB_OWNER_CS = 'HostName=compressor-hub-weu.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=1VmDjRu851DMR863o+AlKh9s+YATt1Xcf7bsCTnkK3Q=';

const registry = Registry.fromConnectionString(HUB_OWNER_CS);
const service = Client.fromConnectionString(HUB_OWNER_CS);

async function checkTwins() {
  const query = registry.createQuery("SELECT * FROM devices WHERE properties.reported.alarm = true", 100);
  const { result } = await query.nextAsTwin();
  for (const twin of result) {
    console.log(`[alarm] ${twin.deviceId} since ${twin.properties.reported.alarmSince}`);
    await service.invokeDeviceMethod(twin.deviceId, { methodName: 'ackAlarm', payload: {}, responseTimeoutInSeconds: 15 });
  }
}

setInterval(() => { checkTwins().catch((err) => console.error('monitor error', err.message)); }, 30_000);
