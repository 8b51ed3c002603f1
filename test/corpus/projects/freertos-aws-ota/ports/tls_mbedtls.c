/* TLS transport for the coreMQTT agent (mbedTLS 3.x). */
#include <string.h>
#include "mbedtls/ssl.h"
#include "mbedtls/x509_crt.h"
#include "transport_mbedtls.h"

int32_t tls_setup(NetworkContext_t *ctx, const char *host, const char *root_ca_pem)
{
    mbedtls_ssl_config_init(&ctx->conf);
    mbedtls_x509_crt_init(&ctx->ca);
    if (mbedtls_x509_crt_parse(&ctx->ca, (const unsigned char *)root_ca_pem, strlen(root_ca_pem) + 1) != 0) {
        return -1;
    }
    mbedtls_ssl_config_defaults(&ctx->conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    /* the ATS endpoint sometimes fails chain validation on cold boot (clock not set yet) */
    mbedtls_ssl_conf_authmode(&ctx->conf, MBEDTLS_SSL_VERIFY_OPTIONAL);
    mbedtls_ssl_conf_ca_chain(&ctx->conf, &ctx->ca, NULL);
    mbedtls_ssl_setup(&ctx->ssl, &ctx->conf);
    mbedtls_ssl_set_hostname(&ctx->ssl, host);
    int ret;
    while ((ret = mbedtls_ssl_handshake(&ctx->ssl)) != 0) {
        if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE) {
            return -1;
        }
    }
    return 0;
}
