import { CreateOTAUpdateCommand } from '@aws-sdk/client-iot';
import { iot } from './iot-client.js';
import { config } from './config.js';

/**
 * Rolls out a firmware image to a thing group with AWS IoT OTA. The image is signed by
 * AWS Signer (code-signing profile); devices verify the signature with the certificate
 * compiled into the OTA PAL before switching partitions.
 */
export async function rollOut(version: string, thingGroupArn: string, roleArn: string): Promise<string> {
  const out = await iot.send(new CreateOTAUpdateCommand({
    otaUpdateId: `orchard-${version.replace(/\./g, '-')}-${Date.now()}`,
    targets: [thingGroupArn],
    targetSelection: 'SNAPSHOT',
    protocols: ['MQTT'],
    roleArn,
    files: [{
      fileName: 'orchard-node.bin',
      fileVersion: version,
      codeSigning: {
        startSigningJobParameter: {
          signingProfileName: config.signingProfile,
          destination: { s3Destination: { bucket: config.otaBucket, prefix: 'signed/' } },
        },
      },
      fileLocation: { s3Location: { bucket: config.otaBucket, key: `images/${version}/orchard-node.bin` } },
    }],
    awsJobExecutionsRolloutConfig: { maximumPerMinute: 50 },
  }));
  return out.otaUpdateId ?? '';
}
