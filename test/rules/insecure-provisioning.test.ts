import { insecureProvisioning } from '../../src/rules/insecure-provisioning';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(insecureProvisioning, {
  valid: [
    { lang: 'c', code: 'wifi_prov_security_t security = WIFI_PROV_SECURITY_2;\nwifi_prov_mgr_start_provisioning(security, (const void *) sec_params, service_name, NULL);\n' },
    { lang: 'c', code: '/* WIFI_PROV_SECURITY_0 is plaintext; we use 1 */\nwifi_prov_security_t security = WIFI_PROV_SECURITY_1;\nconst char *pop = get_pop_from_efuse();\n' },
    { lang: 'cpp', code: 'int pop = stack_pop(&s);\nconst char *label = "WIFI_PROV_SECURITY_0";\n' },
    { lang: 'c', code: '#define clientcredentialWIFI_SECURITY eWiFiSecurityWPA2\n' },
    // A fixed PoP is a hard-coded credential: hardcoded-credential / credential-argument report it, once.
    { lang: 'c', code: 'wifi_prov_security_t security = WIFI_PROV_SECURITY_1;\n#define PROV_POP "abcd1234"\nwifi_prov_mgr_start_provisioning(security, (const void *) PROV_POP, service_name, NULL);\n' },
    { lang: 'cpp', code: 'void start() { wifi_prov_mgr_start_provisioning(WIFI_PROV_SECURITY_1, "s3cr3tPoP", "PROV_1234", NULL); }\n' },
    { lang: 'kconfig', code: '# CONFIG_ESP_PROTOCOMM_SUPPORT_SECURITY_VERSION_0 is not set\nCONFIG_ESP_PROTOCOMM_SUPPORT_SECURITY_VERSION_2=y\n' },
  ],
  invalid: [
    {
      lang: 'c',
      code: 'wifi_prov_security_t security = WIFI_PROV_SECURITY_0;\n',
      errors: [{ messageId: 'security0', line: 1, column: 33, severity: 'error', data: { name: 'WIFI_PROV_SECURITY_0' }, suggestions: [{ output: 'wifi_prov_security_t security = WIFI_PROV_SECURITY_2;\n' }] }],
    },
    {
      lang: 'cpp',
      code: 'network_prov_mgr_start_provisioning(NETWORK_PROV_SECURITY_0, NULL, service_name, NULL);\n',
      errors: [{ messageId: 'security0', suggestions: [{ output: 'network_prov_mgr_start_provisioning(NETWORK_PROV_SECURITY_2, NULL, service_name, NULL);\n' }] }],
    },
    {
      lang: 'c',
      code: 'protocomm_set_security(pc, "prov-session", &protocomm_security0, NULL);\n',
      errors: [{ messageId: 'security0', data: { name: 'protocomm_security0' } }],
    },
    {
      lang: 'c',
      code: '#define clientcredentialWIFI_SECURITY    eWiFiSecurityOpen\n',
      errors: [{ messageId: 'openWifi', data: { name: 'clientcredentialWIFI_SECURITY', value: 'eWiFiSecurityOpen' }, suggestions: [{ output: '#define clientcredentialWIFI_SECURITY    eWiFiSecurityWPA2\n' }] }],
    },
    {
      lang: 'kconfig',
      code: 'CONFIG_ESP_PROTOCOMM_SUPPORT_SECURITY_VERSION_0=y\nCONFIG_ESP_PROTOCOMM_SUPPORT_SECURITY_VERSION_1=y\n',
      errors: [{ messageId: 'sec0Support', line: 1, suggestions: [{ output: 'CONFIG_ESP_PROTOCOMM_SUPPORT_SECURITY_VERSION_1=y\n' }] }],
    },
  ],
});
