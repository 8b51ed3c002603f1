// Reported-state helper for the device shadow (classic shadow, no named shadows).
export interface ShadowState {
  firmware: string;
  setpointC: number;
  doorOpen: boolean;
}

export function reportedDocument(state: ShadowState): string {
  return JSON.stringify({ state: { reported: state } });
}

// Example job document kept for documentation (the hash is the published image digest).
export const EXAMPLE_JOB_DOCUMENT = {
  operation: 'firmware-update',
  version: '1.4.2',
  file: 'mux-1.4.2.bin',
  sha256: 'a3f1c2e4b5d6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90',
};
