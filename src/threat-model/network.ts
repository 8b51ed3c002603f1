/** Trust-boundary classification of hosts: loopback/RFC1918/.local = local network; cloud IoT services = cloud; the rest = internet. */
import { isLoopbackHost } from '../core/text';
import type { ComponentKind, TrustBoundary, TrustBoundaryId } from './types';

export const TRUST_BOUNDARIES: readonly TrustBoundary[] = [
  { id: 'device', name: 'Device' },
  { id: 'local-network', name: 'Local network' },
  { id: 'internet', name: 'Internet' },
  { id: 'cloud', name: 'Cloud' },
];

const PRIVATE_V4 = /^(10\.\d{1,3}|172\.(1[6-9]|2\d|3[01])|192\.168|169\.254)\.\d{1,3}\.\d{1,3}$/;
const LOCAL_SUFFIX = /\.(local|lan|home|home\.arpa|internal|localdomain|intranet)$/;
const CLOUD_SUFFIXES = [
  '.amazonaws.com', '.amazonaws.com.cn', '.azure-devices.net', '.azure-devices-provisioning.net', '.googleapis.com', '.thingsboard.cloud',
  '.particle.io', '.blynk.cloud', '.hivemq.cloud', '.emqxsl.com', '.emqx.cloud',
];

/** Local when loopback, RFC 1918 / link-local, `.local` or a bare single-label name. */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase();
  return isLoopbackHost(h) || PRIVATE_V4.test(h) || LOCAL_SUFFIX.test(h) || /^fe80:|^f[cd][0-9a-f]{2}:/.test(h) || (!h.includes('.') && !h.includes(':'));
}

/** Managed cloud IoT endpoints (AWS IoT, Azure IoT Hub, Google, HiveMQ Cloud…). */
export function isCloudHost(host: string): boolean {
  const h = host.toLowerCase();
  const labels = h.split('.');
  // `<x>.iot.<region>.cloud` (IBM Watson IoT style) besides the fixed suffixes.
  return CLOUD_SUFFIXES.some((s) => h.endsWith(s)) || (labels.length >= 4 && labels[labels.length - 3] === 'iot' && labels[labels.length - 1] === 'cloud');
}

/** The trust boundary a remote host sits in. */
export function boundaryOfHost(host: string): TrustBoundaryId {
  if (isLocalHost(host)) return 'local-network';
  return isCloudHost(host) ? 'cloud' : 'internet';
}

/** The kind of a remote component from its host and the role its endpoints play. */
export function kindOfHost(host: string, roles: ReadonlySet<string>): ComponentKind {
  if (isCloudHost(host)) return 'cloud';
  if (roles.has('broker')) return 'broker';
  if (roles.has('ota')) return 'ota-server';
  return 'web-service';
}
