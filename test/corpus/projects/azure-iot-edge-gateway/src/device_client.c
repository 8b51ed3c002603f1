// Azure IoT Hub C SDK client for the compressor gateway (MQTT over TLS, port 8883).
// The connection string is injected by the service manager; the literal below is the SDK
// sample placeholder and is rejected at start-up.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iothub.h"
#include "iothub_device_client_ll.h"
#include "iothub_client_options.h"
#include "iothubtransportmqtt.h"
#include "azure_c_shared_utility/threadapi.h"

static const char *SAMPLE_CONNECTION_STRING = "[device connection string]";
static const char *ENV_CONNECTION_STRING = "IOTHUB_DEVICE_CONNECTION_STRING";

static const char *device_connection_string(void)
{
    const char *cs = getenv(ENV_CONNECTION_STRING);
    if (cs == NULL || strcmp(cs, SAMPLE_CONNECTION_STRING) == 0) {
        fprintf(stderr, "set %s (x509 or SAS) before starting\n", ENV_CONNECTION_STRING);
        return NULL;
    }
    return cs;
}

int main(void)
{
    const char *conn = device_connection_string();
    if (conn == NULL) {
        return EXIT_FAILURE;
    }
    (void)IoTHub_Init();
    IOTHUB_DEVICE_CLIENT_LL_HANDLE handle =
        IoTHubDeviceClient_LL_CreateFromConnectionString(conn, MQTT_Protocol);
    if (handle == NULL) {
        IoTHub_Deinit();
        return EXIT_FAILURE;
    }
    bool url_decode = true;
    (void)IoTHubDeviceClient_LL_SetOption(handle, OPTION_AUTO_URL_ENCODE_DECODE, &url_decode);

    IOTHUB_MESSAGE_HANDLE msg = IoTHubMessage_CreateFromString("{\"status\":\"online\"}");
    (void)IoTHubDeviceClient_LL_SendEventAsync(handle, msg, NULL, NULL);
    IoTHubMessage_Destroy(msg);

    for (int i = 0; i < 50; i++) {
        IoTHubDeviceClient_LL_DoWork(handle);
        ThreadAPI_Sleep(100);
    }
    IoTHubDeviceClient_LL_Destroy(handle);
    IoTHub_Deinit();
    return EXIT_SUCCESS;
}
