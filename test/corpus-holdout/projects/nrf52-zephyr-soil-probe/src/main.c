#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/sensor.h>
#include <zephyr/settings/settings.h>
#include <zephyr/dfu/mcuboot.h>
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(soil, LOG_LEVEL_INF);

int soil_ble_init(void);
void soil_ble_notify(int16_t moisture_permille, int16_t temp_centi);

static const struct device *const sht = DEVICE_DT_GET_ONE(sensirion_sht4x);

int main(void)
{
	struct sensor_value t;

	if (!boot_is_img_confirmed()) {
		boot_write_img_confirmed();
	}
	settings_subsys_init();
	settings_load();
	soil_ble_init();

	while (1) {
		if (sensor_sample_fetch(sht) == 0 &&
		    sensor_channel_get(sht, SENSOR_CHAN_AMBIENT_TEMP, &t) == 0) {
			soil_ble_notify(0, (int16_t)(sensor_value_to_double(&t) * 100));
		}
		k_sleep(K_SECONDS(60));
	}
	return 0;
}
