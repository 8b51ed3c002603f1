/*
 * Copyright (c) 2024 EnvSense
 * SPDX-License-Identifier: Apache-2.0
 */
#include <zephyr/kernel.h>
#include <zephyr/device.h>
#include <zephyr/drivers/sensor.h>
#include <zephyr/bluetooth/bluetooth.h>
#include <zephyr/bluetooth/gatt.h>
#include <zephyr/bluetooth/uuid.h>
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(envsense, LOG_LEVEL_INF);

/* Environmental service: 6e400001-... style vendor UUIDs (public identifiers, not secrets) */
#define ENV_SVC_UUID_VAL  BT_UUID_128_ENCODE(0x4b9131c3, 0xc9c5, 0xcc8f, 0x9e45, 0xb51f01c2af4f)
#define ENV_TEMP_UUID_VAL BT_UUID_128_ENCODE(0xa8c0c1a0, 0x8e0e, 0x4d0b, 0x9a3e, 0x2b6a3f1e0c11)

static struct bt_uuid_128 env_svc_uuid = BT_UUID_INIT_128(ENV_SVC_UUID_VAL);
static struct bt_uuid_128 env_temp_uuid = BT_UUID_INIT_128(ENV_TEMP_UUID_VAL);

static int16_t temperature_centi;

static ssize_t read_temp(struct bt_conn *conn, const struct bt_gatt_attr *attr, void *buf,
			 uint16_t len, uint16_t offset)
{
	return bt_gatt_attr_read(conn, attr, buf, len, offset, &temperature_centi,
				 sizeof(temperature_centi));
}

BT_GATT_SERVICE_DEFINE(env_svc,
	BT_GATT_PRIMARY_SERVICE(&env_svc_uuid),
	BT_GATT_CHARACTERISTIC(&env_temp_uuid.uuid, BT_GATT_CHRC_READ | BT_GATT_CHRC_NOTIFY,
			       BT_GATT_PERM_READ_ENCRYPT, read_temp, NULL, NULL),
	BT_GATT_CCC(NULL, BT_GATT_PERM_READ_ENCRYPT | BT_GATT_PERM_WRITE_ENCRYPT),
);

static const struct bt_data ad[] = {
	BT_DATA_BYTES(BT_DATA_FLAGS, (BT_LE_AD_GENERAL | BT_LE_AD_NO_BREDR)),
	BT_DATA_BYTES(BT_DATA_UUID128_ALL, ENV_SVC_UUID_VAL),
};

int main(void)
{
	const struct device *bme = DEVICE_DT_GET_ANY(bosch_bme280);
	int err = bt_enable(NULL);

	if (err) {
		LOG_ERR("bt_enable failed (%d)", err);
		return 0;
	}
	bt_le_adv_start(BT_LE_ADV_CONN_FAST_1, ad, ARRAY_SIZE(ad), NULL, 0);

	while (1) {
		struct sensor_value t;

		if (bme && sensor_sample_fetch(bme) == 0 &&
		    sensor_channel_get(bme, SENSOR_CHAN_AMBIENT_TEMP, &t) == 0) {
			temperature_centi = (int16_t)(t.val1 * 100 + t.val2 / 10000);
			bt_gatt_notify(NULL, &env_svc.attrs[1], &temperature_centi,
				       sizeof(temperature_centi));
		}
		k_sleep(K_SECONDS(30));
	}
	return 0;
}
