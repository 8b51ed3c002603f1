/* Asset tracker: periodic GNSS fix -> cloud, FOTA via download client. */
#include <zephyr/kernel.h>
#include <modem/lte_lc.h>
#include <net/fota_download.h>
#include <modem/location.h>

#define FOTA_HOST "fota.tracker-fleet.com"
#define FOTA_SEC_TAG 42

static void fota_evt(const struct fota_download_evt *evt)
{
	if (evt->id == FOTA_DOWNLOAD_EVT_FINISHED) {
		printk("FOTA image ready, rebooting\n");
		sys_reboot(SYS_REBOOT_WARM);
	}
}

static void location_evt(const struct location_event_data *data)
{
	if (data->id == LOCATION_EVT_LOCATION) {
		printk("fix %.6f,%.6f\n", data->location.latitude, data->location.longitude);
	}
}

int main(void)
{
	lte_lc_connect();
	fota_download_init(fota_evt);
	location_init(location_evt);

	/* HTTPS download with the modem-stored CA (sec tag 42). */
	fota_download_start(FOTA_HOST, "tracker/app_update.bin", FOTA_SEC_TAG, 0, 0);
	while (1) {
		location_request(NULL);
		k_sleep(K_MINUTES(15));
	}
	return 0;
}
