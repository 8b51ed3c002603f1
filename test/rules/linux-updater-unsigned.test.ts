import { linuxUpdaterUnsigned } from '../../src/rules/linux-updater-unsigned';
import { ruleTester } from '../harness/rule-tester';

const SWU = 'CONFIG_HW_COMPATIBILITY=y\nCONFIG_WEBSERVER=y\nCONFIG_MONGOOSESSL=y\nCONFIG_HASH_VERIFY=y\nCONFIG_RAW=y\n';
const RAUC = '[system]\ncompatible=acme-gateway\nbootloader=uboot\n';

ruleTester.run(linuxUpdaterUnsigned, {
  valid: [
    { lang: 'json', filePath: 'meta-acme/recipes-mender/files/mender.conf', code: '{\n  "ServerURL": "https://hosted.mender.io",\n  "ArtifactVerifyKeys": ["/etc/mender/artifact-verify-key.pem"]\n}\n' },
    { lang: 'json', filePath: 'mender.conf', code: '{\n  "ServerURL": "https://mender.acme.io",\n  "ArtifactVerifyKey": "/etc/mender/artifact-verify-key.pem"\n}\n', name: 'legacy single key' },
    { lang: 'json', filePath: 'mender.conf', code: '{\n  "RootfsPartA": "/dev/mmcblk0p2",\n  "RootfsPartB": "/dev/mmcblk0p3"\n}\n', name: 'partition fragment, not a client config' },
    { lang: 'json', filePath: 'config.json', code: '{ "servers": ["a"], "name": "x" }\n', name: 'unrelated JSON' },
    { lang: 'kconfig', filePath: 'configs/acme_defconfig', code: `${SWU}CONFIG_SIGNED_IMAGES=y\nCONFIG_SIGALG_RAWRSA=y\n` },
    { lang: 'kconfig', filePath: 'prj.conf', code: 'CONFIG_NETWORKING=y\nCONFIG_HTTP_SERVER=y\n', name: 'Zephyr config: not SWUpdate' },
    { lang: 'kconfig', filePath: 'configs/tiny_defconfig', code: 'CONFIG_RAW=y\nCONFIG_WEBSERVER=y\n# CONFIG_SIGNED_IMAGES is not set\n', name: 'only one SWUpdate marker besides RAW' },
    { lang: 'ini', filePath: 'rootfs/etc/rauc/system.conf', code: `${RAUC}bundle-formats=-plain\nmin-bundle-version=2024.10.0\n\n[keyring]\npath=/etc/rauc/ca.cert.pem\n` },
    { lang: 'ini', filePath: 'system.conf', code: `${RAUC}bundle-formats=verity crypt\nmin-bundle-version=1.4.0\n`, name: 'absolute list without plain' },
    { lang: 'ini', filePath: 'system.conf', code: '[Manager]\nDefaultTimeoutStopSec=10s\n', name: 'systemd system.conf' },
  ],
  invalid: [
    {
      lang: 'json', filePath: 'mender.conf', name: 'MEN-03',
      code: '{\n  "ServerURL": "https://hosted.mender.io",\n  "TenantToken": "@MENDER_TENANT_TOKEN@"\n}\n',
      errors: [{
        messageId: 'menderNoVerifyKey', line: 2, column: 3, severity: 'warning',
        suggestions: [{ title: 'ArtifactVerifyKeys', output: '{\n  "ArtifactVerifyKeys": ["/etc/mender/artifact-verify-key.pem"],\n  "ServerURL": "https://hosted.mender.io",\n  "TenantToken": "@MENDER_TENANT_TOKEN@"\n}\n' }],
      }],
    },
    {
      lang: 'json', filePath: 'mender.conf', name: 'MEN-03 one-line, empty key list',
      code: '{"Servers": [{"ServerURL": "https://mender.acme.io"}], "ArtifactVerifyKeys": []}\n',
      errors: [{ messageId: 'menderNoVerifyKey', line: 1, suggestions: [{ output: '{"Servers": [{"ServerURL": "https://mender.acme.io"}], "ArtifactVerifyKeys": ["/etc/mender/artifact-verify-key.pem"]}\n' }] }],
    },
    {
      lang: 'json', filePath: 'mender.conf', name: 'MEN-03 one-line, no key',
      code: '{"ServerURL": "https://mender.acme.io", "UpdatePollIntervalSeconds": 1800}\n',
      errors: [{ messageId: 'menderNoVerifyKey', line: 1, column: 2, suggestions: [{ output: '{"ArtifactVerifyKeys": ["/etc/mender/artifact-verify-key.pem"], "ServerURL": "https://mender.acme.io", "UpdatePollIntervalSeconds": 1800}\n' }] }],
    },
    {
      lang: 'kconfig', filePath: 'configs/acme_defconfig', name: 'SWU-01 absent: append',
      code: SWU,
      errors: [{ messageId: 'swupdateUnsigned', line: 1, severity: 'warning', suggestions: [{ title: 'Append', output: `${SWU}CONFIG_SIGNED_IMAGES=y\n` }] }],
    },
    {
      lang: 'kconfig', filePath: '.config', name: 'SWU-01 explicitly off',
      code: `${SWU}# CONFIG_SIGNED_IMAGES is not set\nCONFIG_SURICATTA=y\n`,
      errors: [{ messageId: 'swupdateUnsigned', line: 6, suggestions: [{ output: `${SWU}CONFIG_SIGNED_IMAGES=y\nCONFIG_SURICATTA=y\n` }] }],
    },
    {
      lang: 'ini', filePath: 'rootfs/etc/rauc/system.conf', name: 'RAU-01 + RAU-02: nothing set',
      code: `${RAUC}\n[keyring]\npath=/etc/rauc/ca.cert.pem\n`,
      errors: [
        { messageId: 'raucPlain', data: { state: 'has no bundle-formats' }, line: 1, severity: 'warning', suggestions: [{ output: `[system]\nbundle-formats=-plain\ncompatible=acme-gateway\nbootloader=uboot\n\n[keyring]\npath=/etc/rauc/ca.cert.pem\n` }] },
        { messageId: 'raucNoMinVersion', line: 1, severity: 'info' },
      ],
    },
    {
      lang: 'ini', filePath: 'system.conf', name: 'RAU-01: relative list keeps plain',
      code: `${RAUC}bundle-formats=+verity\nmin-bundle-version=1.0.0\n`,
      errors: [{ messageId: 'raucPlain', data: { state: 'bundle-formats allows plain' }, line: 4, suggestions: [{ title: 'bundle-formats=+verity -plain', output: `${RAUC}bundle-formats=+verity -plain\nmin-bundle-version=1.0.0\n` }] }],
    },
    {
      lang: 'ini', filePath: 'system.conf', name: 'RAU-01: absolute list with plain',
      code: `${RAUC}bundle-formats=plain verity\nmin-bundle-version=1.0.0\n`,
      errors: [{ messageId: 'raucPlain', line: 4, suggestions: [{ output: `${RAUC}bundle-formats=verity\nmin-bundle-version=1.0.0\n` }] }],
    },
  ],
});
