/* Smart lock - cloud audit log over TLS 1.2 with peer verification required. */
#include <zephyr/kernel.h>
#include <zephyr/net/socket.h>
#include <zephyr/net/tls_credentials.h>
#include <zephyr/bluetooth/bluetooth.h>
#include <zephyr/bluetooth/conn.h>

#include "ca_certificate.h"

#define AUDIT_HOST "audit.lockcloud.example.com"
#define CA_CERTIFICATE_TAG 7

static void auth_passkey_display(struct bt_conn *conn, unsigned int passkey)
{
	ARG_UNUSED(conn);
	printk("Passkey for pairing: %06u\n", passkey); /* random per pairing, shown on the lock display */
}

static struct bt_conn_auth_cb auth_cb = {
	.passkey_display = auth_passkey_display,
	.cancel = NULL,
};

static int audit_connect(void)
{
	int verify = TLS_PEER_VERIFY_REQUIRED;
	sec_tag_t tags[] = { CA_CERTIFICATE_TAG };
	int sock = zsock_socket(AF_INET, SOCK_STREAM, IPPROTO_TLS_1_2);

	zsock_setsockopt(sock, SOL_TLS, TLS_SEC_TAG_LIST, tags, sizeof(tags));
	zsock_setsockopt(sock, SOL_TLS, TLS_HOSTNAME, AUDIT_HOST, sizeof(AUDIT_HOST));
	zsock_setsockopt(sock, SOL_TLS, TLS_PEER_VERIFY, &verify, sizeof(verify));
	return sock;
}

int main(void)
{
	tls_credential_add(CA_CERTIFICATE_TAG, TLS_CREDENTIAL_CA_CERTIFICATE, ca_certificate,
			   sizeof(ca_certificate));
	bt_conn_auth_cb_register(&auth_cb);
	bt_enable(NULL);
	int sock = audit_connect();

	ARG_UNUSED(sock);
	return 0;
}
