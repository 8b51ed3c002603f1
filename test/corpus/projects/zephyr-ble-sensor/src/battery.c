/* Battery level from the VDDH divider, reported through the Battery Service. */
#include <zephyr/kernel.h>
#include <zephyr/drivers/adc.h>
#include <zephyr/bluetooth/services/bas.h>

static const struct adc_dt_spec vbat = ADC_DT_SPEC_GET(DT_PATH(zephyr_user));

static uint8_t millivolts_to_percent(int32_t mv)
{
	if (mv >= 3000) {
		return 100;
	}
	if (mv <= 2200) {
		return 0;
	}
	return (uint8_t)((mv - 2200) * 100 / 800);
}

static void battery_work_handler(struct k_work *work)
{
	int16_t raw;
	struct adc_sequence seq = { .buffer = &raw, .buffer_size = sizeof(raw) };

	ARG_UNUSED(work);
	adc_sequence_init_dt(&vbat, &seq);
	if (adc_read_dt(&vbat, &seq) == 0) {
		int32_t mv = raw;

		adc_raw_to_millivolts_dt(&vbat, &mv);
		bt_bas_set_battery_level(millivolts_to_percent(mv * 2));
	}
}

K_WORK_DEFINE(battery_work, battery_work_handler);
