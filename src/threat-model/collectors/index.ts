/** The threat model's signal collectors, for `createLinter({ collectors: threatModelCollectors })`. */
import type { Collector } from '../../core/rule';
import { certificateCollector } from './certificates';
import { credentialCollector } from './credentials';
import { endpointCollector } from './endpoints';
import { kconfigSecurityCollector } from './kconfig-security';
import { platformCollector } from './platform';
import { policyCollector } from './policies';
import { envFileCollector, runtimeCollector } from './runtime';
import { transportCollector } from './transport';
import { updateCollector } from './updates';

export const threatModelCollectors: readonly Collector[] = [
  platformCollector,
  endpointCollector,
  credentialCollector,
  certificateCollector,
  updateCollector,
  kconfigSecurityCollector,
  transportCollector,
  policyCollector,
  runtimeCollector,
  envFileCollector,
];
