export interface FleetConfig {
  region: string;
  iotEndpoint: string;
  otaBucket: string;
  signingProfile: string;
}

export const config: FleetConfig = {
  region: process.env.AWS_REGION ?? 'eu-west-1',
  iotEndpoint: process.env.IOT_ENDPOINT ?? '',
  otaBucket: process.env.OTA_BUCKET ?? 'orchard-fleet-firmware',
  signingProfile: process.env.SIGNING_PROFILE ?? 'orchard_esp32_ota_profile',
};

/**
 * Credentials for the nightly reconciliation job that runs on the on-prem build box
 * (no instance role there). TODO: move to the build box's credential file.
 */
export const reconcileCredentials = {
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIA4J7QZP2LMX5RTN6W', secretAccessKey: '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' },
};
