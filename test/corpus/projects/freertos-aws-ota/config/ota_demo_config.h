#ifndef OTA_DEMO_CONFIG_H
#define OTA_DEMO_CONFIG_H

/* Code-signing certificate (public). Replace with the certificate of your AWS signing profile. */
#define otapalconfigCODE_SIGNING_CERTIFICATE \
    "Insert code signing certificate..."

#define democonfigCLIENT_IDENTIFIER      clientcredentialIOT_THING_NAME
#define democonfigMQTT_BROKER_ENDPOINT   clientcredentialMQTT_BROKER_ENDPOINT
#define democonfigMQTT_BROKER_PORT       8883
#define democonfigROOT_CA_PEM            tlsATS1_ROOT_CERTIFICATE_PEM
#define democonfigOS_NAME                "FreeRTOS"
#define democonfigHARDWARE_PLATFORM_NAME "STM32L475"

#endif
