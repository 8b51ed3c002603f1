/* Pump controller - telemetry over TLS to the plant historian, hawkBit for updates. */
#include <zephyr/kernel.h>
#include <zephyr/net/socket.h>
#include <zephyr/net/tls_credentials.h>
#include <zephyr/mgmt/hawkbit/hawkbit.h>
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(pump, LOG_LEVEL_INF);

#define HISTORIAN_HOST "historian.pumpworks-cloud.com"
#define HISTORIAN_PORT 8883
#define CA_TAG 1

int cloud_coap_report(int16_t flow, int16_t pressure);

static int historian_connect(void)
{
	struct zsock_addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM };
	struct zsock_addrinfo *res;
	sec_tag_t tags[] = { CA_TAG };
	int sock;

	if (zsock_getaddrinfo(HISTORIAN_HOST, "8883", &hints, &res) != 0) {
		return -1;
	}
	sock = zsock_socket(res->ai_family, SOCK_STREAM, IPPROTO_TLS_1_2);
	zsock_setsockopt(sock, SOL_TLS, TLS_SEC_TAG_LIST, tags, sizeof(tags));
	zsock_setsockopt(sock, SOL_TLS, TLS_HOSTNAME, HISTORIAN_HOST, sizeof(HISTORIAN_HOST));
	/* historian uses a self-signed certificate until the PKI project lands */
	int verify = TLS_PEER_VERIFY_NONE;
	zsock_setsockopt(sock, SOL_TLS, TLS_PEER_VERIFY, &verify, sizeof(verify));
	if (zsock_connect(sock, res->ai_addr, res->ai_addrlen) < 0) {
		zsock_close(sock);
		sock = -1;
	}
	zsock_freeaddrinfo(res);
	return sock;
}

int main(void)
{
	hawkbit_init();
	hawkbit_autohandler(true);
	int sock = historian_connect();

	while (1) {
		int16_t flow = 412, pressure = 3150;

		if (sock >= 0) {
			char line[64];
			int n = snprintk(line, sizeof(line), "pump1 flow=%d,p=%d\n", flow, pressure);

			zsock_send(sock, line, n, 0);
		}
		cloud_coap_report(flow, pressure);
		k_sleep(K_SECONDS(10));
	}
	return 0;
}
