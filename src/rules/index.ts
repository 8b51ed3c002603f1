import type { ProjectRuleDefinition, RuleDefinition } from '../core/rule';
// Each category's rules are imported and listed in their own block below (keep blocks separate so
// parallel edits do not collide).

// --- hardcoded-secret (imports) ---
import { cloudToken } from './cloud-token';
import { credentialArgument } from './credential-argument';
import { customSecretPattern } from './custom-secret-pattern';
import { envFileCommitted } from './env-file-committed';
import { esphomeLiteralSecret } from './esphome-literal-secret';
import { hardcodedCredential } from './hardcoded-credential';
import { lorawanSessionKey } from './lorawan-session-key';
import { platformioSecret } from './platformio-secret';
import { privateKeyInSource } from './private-key-in-source';
import { sharedCredential } from './shared-credential';
import { urlEmbeddedCredential } from './url-embedded-credential';
import { zigbeeNetworkKey } from './zigbee-network-key';
// --- end hardcoded-secret (imports) ---
// --- transport: plaintext-protocol, tls-verification-disabled (imports) ---
import { grpcInsecureChannel } from './grpc-insecure-channel';
import { httpUpdatePlaintext } from './http-update-plaintext';
import { insecureProvisioning } from './insecure-provisioning';
import { kconfigPlaintextTransport } from './kconfig-plaintext-transport';
import { kconfigTlsInsecure } from './kconfig-tls-insecure';
import { mqttPlainClient } from './mqtt-plain-client';
import { mqttPlaintextPort } from './mqtt-plaintext-port';
import { plaintextSessionClient } from './plaintext-session-client';
import { plaintextUrl } from './plaintext-url';
import { tlsVerificationDisabledCall } from './tls-verification-disabled-call';
import { tlsVerificationDisabledOption } from './tls-verification-disabled-option';
// --- end transport (imports) ---
// --- update: unsigned-update (imports) ---
import { arduinoOtaNoPassword } from './arduino-ota-no-password';
import { downloadInstallUnverified } from './download-install-unverified';
import { espIdfInsecureBootOptions } from './esp-idf-insecure-boot-options';
import { espIdfOtaAllowHttp } from './esp-idf-ota-allow-http';
import { esphomeOtaUnprotected } from './esphome-ota-unprotected';
import { freertosOtaDowngrade } from './freertos-ota-downgrade';
import { httpUpdateUnverified } from './http-update-unverified';
import { linuxUpdaterUnsigned } from './linux-updater-unsigned';
import { mcubootDefaultKey } from './mcuboot-default-key';
import { mcubootInsecureSigning } from './mcuboot-insecure-signing';
import { otaPalSignatureStub } from './ota-pal-signature-stub';
import { otaSkipValidate } from './ota-skip-validate';
import { otaWithoutAntiRollback } from './ota-without-anti-rollback';
import { otaWithoutSignatureCheck } from './ota-without-signature-check';
import { platformioEspotaNoAuth } from './platformio-espota-no-auth';
import { webOtaUnauthenticated } from './web-ota-unauthenticated';
// --- end update (imports) ---
// --- device: unencrypted-storage, exposed-service, permissive-policy, weak-crypto (imports) ---
import { awsIotPolicyWildcard } from './aws-iot-policy-wildcard';
import { espIdfDebugEscape } from './esp-idf-debug-escape';
import { esphomeApiPlaintext } from './esphome-api-plaintext';
import { flashEncryptionWeak } from './flash-encryption-weak';
import { mosquittoAclWildcard } from './mosquitto-acl-wildcard';
import { secretsInUnencryptedNvs } from './secrets-in-unencrypted-nvs';
import { telnetServer } from './telnet-server';
import { unauthenticatedService } from './unauthenticated-service';
import { weakCertificate } from './weak-certificate';
import { weakCryptoAlgorithm } from './weak-crypto-algorithm';
import { weakTlsConfig } from './weak-tls-config';
import { zephyrInsecureManagement } from './zephyr-insecure-management';
// --- end device (imports) ---

/** Per-file rules, in reporting order. */
export const allRules: readonly RuleDefinition[] = [
  // --- hardcoded-secret ---
  hardcodedCredential,
  credentialArgument,
  cloudToken,
  privateKeyInSource,
  lorawanSessionKey,
  esphomeLiteralSecret,
  zigbeeNetworkKey,
  platformioSecret,
  envFileCommitted,
  customSecretPattern,
  urlEmbeddedCredential,
  // --- end hardcoded-secret ---
  // --- transport ---
  plaintextUrl,
  mqttPlaintextPort,
  mqttPlainClient,
  insecureProvisioning,
  kconfigPlaintextTransport,
  plaintextSessionClient,
  grpcInsecureChannel,
  httpUpdatePlaintext,
  tlsVerificationDisabledCall,
  tlsVerificationDisabledOption,
  kconfigTlsInsecure,
  // --- end transport ---
  // --- update ---
  espIdfOtaAllowHttp,
  espIdfInsecureBootOptions,
  otaSkipValidate,
  mcubootInsecureSigning,
  arduinoOtaNoPassword,
  httpUpdateUnverified,
  esphomeOtaUnprotected,
  platformioEspotaNoAuth,
  linuxUpdaterUnsigned,
  freertosOtaDowngrade,
  downloadInstallUnverified,
  webOtaUnauthenticated,
  otaPalSignatureStub,
  // --- end update ---
  // --- device ---
  flashEncryptionWeak,
  espIdfDebugEscape,
  zephyrInsecureManagement,
  telnetServer,
  unauthenticatedService,
  esphomeApiPlaintext,
  awsIotPolicyWildcard,
  mosquittoAclWildcard,
  weakCertificate,
  weakTlsConfig,
  weakCryptoAlgorithm,
  // --- end device ---
];

/** Rules that run once over a whole scan (absence rules, credentials shared across devices). */
export const allProjectRules: readonly ProjectRuleDefinition[] = [
  // --- hardcoded-secret ---
  sharedCredential,
  // --- end hardcoded-secret ---
  // --- update ---
  otaWithoutSignatureCheck,
  otaWithoutAntiRollback,
  mcubootDefaultKey,
  // --- end update ---
  // --- device ---
  secretsInUnencryptedNvs,
  // --- end device ---
];
