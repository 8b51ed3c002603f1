import { mcubootInsecureSigning } from '../../src/rules/mcuboot-insecure-signing';
import { ruleTester } from '../harness/rule-tester';

const TODO = '# TODO: generate a project key (imgtool keygen) and keep the private key out of the repository\n';

ruleTester.run(mcubootInsecureSigning, {
  valid: [
    { lang: 'kconfig', filePath: 'sysbuild.conf', code: 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE="${APP_DIR}/keys/acme-sensor-p256.pem"\n' },
    { lang: 'kconfig', filePath: 'sysbuild/mcuboot.conf', code: 'CONFIG_BOOT_SIGNATURE_TYPE_ED25519=y\nCONFIG_BOOT_SIGNATURE_KEY_FILE="/opt/keys/acme-ed25519-pub.pem"\nCONFIG_BOOT_VALIDATE_SLOT0=y\n' },
    { lang: 'kconfig', filePath: 'prj.conf', code: 'CONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_MCUBOOT_SIGNATURE_KEY_FILE="keys/my-root-ec-p256.pem.bak"\n', name: 'basename differs from the dev key' },
    { lang: 'kconfig', filePath: 'prj.conf', code: '# CONFIG_BOOT_SIGNATURE_TYPE_NONE is not set\n# CONFIG_MCUBOOT_GENERATE_UNSIGNED_IMAGE is not set\n# CONFIG_BOOT_VALIDATE_SLOT0_ONCE is not set\n' },
    { lang: 'kconfig', filePath: 'prj.conf', code: 'CONFIG_MCUBOOT_SIGNATURE_KEY_FILE=""\n', name: 'empty key: the app is signed manually' },
    { lang: 'kconfig', filePath: 'sysbuild.conf', code: 'SB_CONFIG_BOOT_ENCRYPTION=y\nSB_CONFIG_BOOT_ENCRYPTION_KEY_FILE="${APP_DIR}/keys/acme-enc-x25519.pem"\n' },
  ],
  invalid: [
    {
      lang: 'kconfig', filePath: 'sysbuild.conf', name: 'ZEP-02',
      code: 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_TYPE_NONE=y\n',
      errors: [{
        messageId: 'signatureNone', data: { key: 'SB_CONFIG_BOOT_SIGNATURE_TYPE_NONE' }, line: 2, severity: 'error',
        suggestions: [{ title: 'SB_CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y', output: 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y\n' }],
      }],
    },
    {
      lang: 'kconfig', filePath: 'boot/zephyr/prj.conf', name: 'MCB-01 in the MCUboot config',
      code: 'CONFIG_MCUBOOT_LOG_LEVEL_INF=y\nCONFIG_BOOT_SIGNATURE_TYPE_NONE=y\n',
      errors: [{ messageId: 'signatureNone', line: 2, suggestions: [{ output: 'CONFIG_MCUBOOT_LOG_LEVEL_INF=y\nCONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256=y\n' }] }],
    },
    {
      lang: 'kconfig', filePath: 'sysbuild.conf', name: 'ZEP-01: dev key via module dir variable',
      code: 'SB_CONFIG_BOOTLOADER_MCUBOOT=y\nSB_CONFIG_BOOT_SIGNATURE_KEY_FILE="$(ZEPHYR_MCUBOOT_MODULE_DIR)/root-ec-p256.pem"\n',
      errors: [{
        messageId: 'devSigningKey', data: { key: 'SB_CONFIG_BOOT_SIGNATURE_KEY_FILE', file: 'root-ec-p256.pem' }, line: 2, severity: 'error',
        suggestions: [{ title: 'keys/<project>-signing-key.pem', output: `SB_CONFIG_BOOTLOADER_MCUBOOT=y\n${TODO}SB_CONFIG_BOOT_SIGNATURE_KEY_FILE="keys/<project>-signing-key.pem"\n` }],
      }],
    },
    {
      lang: 'kconfig', filePath: 'child_image/mcuboot.conf', name: 'MCB-02: bootloader key, public-only placeholder',
      code: 'CONFIG_BOOT_SIGNATURE_TYPE_RSA=y\nCONFIG_BOOT_SIGNATURE_KEY_FILE="bootloader/mcuboot/root-rsa-2048.pem"\n',
      errors: [{ messageId: 'devSigningKey', data: { key: 'CONFIG_BOOT_SIGNATURE_KEY_FILE', file: 'root-rsa-2048.pem' }, suggestions: [{ output: `CONFIG_BOOT_SIGNATURE_TYPE_RSA=y\n${TODO}CONFIG_BOOT_SIGNATURE_KEY_FILE="keys/<project>-signing-pub.pem"\n` }] }],
    },
    {
      lang: 'kconfig', filePath: 'prj.conf', name: 'ZEP-04 with a prod+dev key list',
      code: 'CONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_MCUBOOT_SIGNATURE_KEY_FILE="keys/prod.pem, ${ZEPHYR_MCUBOOT_MODULE_DIR}/root-ED25519.pem"\n',
      errors: [{ messageId: 'devSigningKey', data: { key: 'CONFIG_MCUBOOT_SIGNATURE_KEY_FILE', file: 'root-ed25519.pem' }, suggestions: [{ output: `CONFIG_BOOTLOADER_MCUBOOT=y\n${TODO}CONFIG_MCUBOOT_SIGNATURE_KEY_FILE="keys/<project>-signing-key.pem"\n` }] }],
    },
    {
      lang: 'kconfig', filePath: 'sysbuild.conf', name: 'ZEP-03 encryption with the repo key',
      code: 'SB_CONFIG_BOOT_ENCRYPTION=y\nSB_CONFIG_BOOT_ENCRYPTION_KEY_FILE="$(ZEPHYR_MCUBOOT_MODULE_DIR)/enc-x25519-priv.pem"\n',
      errors: [{ messageId: 'devEncryptionKey', data: { key: 'SB_CONFIG_BOOT_ENCRYPTION_KEY_FILE', file: 'enc-x25519-priv.pem' }, suggestions: [{ output: `SB_CONFIG_BOOT_ENCRYPTION=y\n${TODO}SB_CONFIG_BOOT_ENCRYPTION_KEY_FILE="keys/<project>-encryption-key.pem"\n` }] }],
    },
    {
      lang: 'kconfig', filePath: 'prj.conf', name: 'ZEP-06 with the public half of the dev key (Kconfig help example)',
      code: 'CONFIG_MCUBOOT_ENCRYPTION_KEY_FILE="./bootloader/mcuboot/enc-rsa2048-pub.pem"\n',
      errors: [{ messageId: 'devEncryptionKey', data: { key: 'CONFIG_MCUBOOT_ENCRYPTION_KEY_FILE', file: 'enc-rsa2048-pub.pem' }, suggestions: [{ output: `${TODO}CONFIG_MCUBOOT_ENCRYPTION_KEY_FILE="keys/<project>-encryption-key.pem"\n` }] }],
    },
    {
      lang: 'kconfig', filePath: 'sysbuild/mcuboot.conf', name: 'MCB-03 / MCB-04',
      code: 'CONFIG_BOOT_VALIDATE_SLOT0=n\nCONFIG_BOOT_VALIDATE_SLOT0_ONCE=y\n',
      errors: [
        { messageId: 'noValidateSlot0', line: 1, severity: 'error', suggestions: [{ output: 'CONFIG_BOOT_VALIDATE_SLOT0_ONCE=y\n' }] },
        { messageId: 'validateOnce', line: 2, severity: 'warning', suggestions: [{ output: 'CONFIG_BOOT_VALIDATE_SLOT0=n\n' }] },
      ],
    },
    {
      lang: 'kconfig', filePath: 'build/mcuboot/zephyr/.config', name: 'generated .config: "is not set" is off',
      code: '# CONFIG_BOOT_VALIDATE_SLOT0 is not set\nCONFIG_BOOT_SIGNATURE_TYPE_RSA=y\n',
      errors: [{ messageId: 'noValidateSlot0', line: 1, suggestions: [{ output: 'CONFIG_BOOT_SIGNATURE_TYPE_RSA=y\n' }] }],
    },
    {
      lang: 'kconfig', filePath: 'prj_release.conf', name: 'ZEP-05',
      code: 'CONFIG_BOOTLOADER_MCUBOOT=y\nCONFIG_MCUBOOT_GENERATE_UNSIGNED_IMAGE=y\n',
      errors: [{ messageId: 'unsignedImage', line: 2, severity: 'warning', suggestions: [{ output: 'CONFIG_BOOTLOADER_MCUBOOT=y\n' }] }],
    },
    {
      lang: 'kconfig', filePath: 'samples/smp_svr/sysbuild.conf', name: 'sample folder: lowered by the engine',
      code: 'SB_CONFIG_BOOT_SIGNATURE_KEY_FILE="root-ec-p384.pem"\n',
      errors: [{ messageId: 'devSigningKey', severity: 'info', suggestions: [{ output: `${TODO}SB_CONFIG_BOOT_SIGNATURE_KEY_FILE="keys/<project>-signing-key.pem"\n` }] }],
    },
  ],
});
