import { IoTClient } from '@aws-sdk/client-iot';
import { IoTDataPlaneClient, GetThingShadowCommand, UpdateThingShadowCommand } from '@aws-sdk/client-iot-data-plane';
import { config } from './config.js';

// Control plane and data plane clients use the default credential provider chain (task role in ECS).
export const iot = new IoTClient({ region: config.region });
export const iotData = new IoTDataPlaneClient({
  region: config.region,
  endpoint: `https://${config.iotEndpoint}`,
});

export async function getShadow(thingName: string, shadowName = 'config'): Promise<unknown> {
  const out = await iotData.send(new GetThingShadowCommand({ thingName, shadowName }));
  return JSON.parse(new TextDecoder().decode(out.payload));
}

export async function setDesired(thingName: string, desired: Record<string, unknown>): Promise<void> {
  const payload = new TextEncoder().encode(JSON.stringify({ state: { desired } }));
  await iotData.send(new UpdateThingShadowCommand({ thingName, shadowName: 'config', payload }));
}
