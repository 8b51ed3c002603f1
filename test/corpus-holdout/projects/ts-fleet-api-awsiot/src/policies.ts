import { AttachPolicyCommand, CreatePolicyCommand } from '@aws-sdk/client-iot';
import { iot } from './iot-client.js';

/**
 * Policy attached to certificates created by the bulk onboarding endpoint.
 * Orchard sensors publish telemetry and receive shadow deltas.
 */
const onboardingPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'iot:*',
      Resource: '*',
    },
  ],
};

export async function ensureOnboardingPolicy(): Promise<string> {
  const policyName = 'orchard-onboarding-v3';
  await iot.send(new CreatePolicyCommand({ policyName, policyDocument: JSON.stringify(onboardingPolicy) })).catch((e: Error) => {
    if (e.name !== 'ResourceAlreadyExistsException') throw e;
  });
  return policyName;
}

export async function attachToCertificate(policyName: string, certificateArn: string): Promise<void> {
  await iot.send(new AttachPolicyCommand({ policyName, target: certificateArn }));
}
