/** The threat model's signal collectors, for `createLinter({ collectors: threatModelCollectors })`. */
import type { Collector } from '../../core/rule';
import { allProjectRules, allRules } from '../../rules/index';
import { certificateCollector } from './certificates';
import { credentialCollector } from './credentials';
import { endpointCollector } from './endpoints';
import { kconfigSecurityCollector } from './kconfig-security';
import { platformCollector } from './platform';
import { policyCollector } from './policies';
import { envFileCollector, micropythonCollector, runtimeCollector } from './runtime';
import { transportCollector } from './transport';
import { updateCollector } from './updates';

const collectors: readonly Collector[] = [
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

/**
 * Everything that gets a Python document parsed (rules gated by settings aside): the MicroPython
 * mark runs exactly there. One of them without keywords reads every document, and so does it.
 */
const pythonGates = [
  ...allRules.filter((r) => !r.isActive).map((r) => ({ languages: r.meta.languages, keywords: r.keywords })),
  ...allProjectRules.filter((p) => p.collect).map((p) => ({ languages: p.meta.languages, keywords: p.keywords })),
  ...collectors,
].filter((g) => g.languages.includes('python'));
const parsedWith = pythonGates.every((g) => g.keywords) ? pythonGates.flatMap((g) => g.keywords ?? []) : undefined;

export const threatModelCollectors: readonly Collector[] = [...collectors, micropythonCollector(parsedWith)];
