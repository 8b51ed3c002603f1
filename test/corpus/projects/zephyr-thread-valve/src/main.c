/* Thread irrigation valve: CoAP-free, MCUmgr only. */
#include <zephyr/kernel.h>
#include <zephyr/drivers/gpio.h>

static const struct gpio_dt_spec valve = GPIO_DT_SPEC_GET(DT_ALIAS(valve0), gpios);

int main(void)
{
	gpio_pin_configure_dt(&valve, GPIO_OUTPUT_INACTIVE);
	while (1) {
		k_sleep(K_HOURS(1));
	}
	return 0;
}
