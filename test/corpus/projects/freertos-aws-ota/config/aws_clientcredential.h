/*
 * FreeRTOS V202212.00 - client credentials for the parking sensor demo build.
 */
#ifndef __AWS_CLIENTCREDENTIAL__H__
#define __AWS_CLIENTCREDENTIAL__H__

#define clientcredentialMQTT_BROKER_ENDPOINT  "a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com"
#define clientcredentialIOT_THING_NAME        "parking-sensor-0117"
#define clientcredentialMQTT_BROKER_PORT      8883
#define clientcredentialGREENGRASS_DISCOVERY_PORT 8443

#define clientcredentialWIFI_SSID             "ParkDeck-Level2"
#define clientcredentialWIFI_PASSWORD         "P4rkD3ck!Sensors"
#define clientcredentialWIFI_SECURITY         eWiFiSecurityWPA2

#endif
