/*
 * Field-installer tool: derive the device key from the DPS *group* enrollment key and register.
 * Built into the commissioning firmware image.
 */
#include <stdio.h>
#include <stdlib.h>

#include "azure_prov_client/prov_device_ll_client.h"
#include "azure_prov_client/prov_security_factory.h"
#include "azure_prov_client/prov_transport_mqtt_client.h"

static const char *global_prov_uri = "global.azure-devices-provisioning.net";
static const char *id_scope = "0ne00A1B2C3";

#define GROUP_ENROLLMENT_KEY "e0JLTGERw4VFm+CCBH8hx/Yaw50ICi6szSWHkvL0MYQ="

static void register_device(const char *registration_id)
{
    (void)prov_dev_security_init(SECURE_DEVICE_TYPE_SYMMETRIC_KEY);
    (void)prov_dev_set_symmetric_key_info(registration_id, GROUP_ENROLLMENT_KEY);

    PROV_DEVICE_LL_HANDLE handle = Prov_Device_LL_Create(global_prov_uri, id_scope, Prov_Device_MQTT_Protocol);
    if (handle == NULL) {
        fprintf(stderr, "failed to create provisioning handle\n");
        return;
    }
    Prov_Device_LL_Destroy(handle);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s <registration-id>\n", argv[0]);
        return EXIT_FAILURE;
    }
    register_device(argv[1]);
    return EXIT_SUCCESS;
}
