#ifndef OTA_CONFIG_H_
#define OTA_CONFIG_H_

#define otaconfigSTACK_SIZE                     6000U
#define otaconfigAGENT_PRIORITY                 tskIDLE_PRIORITY + 5U
#define otaconfigLOG2_FILE_BLOCK_SIZE           12UL
#define otaconfigSELF_TEST_RESPONSE_WAIT_MS     16000U
#define otaconfigFILE_REQUEST_WAIT_MS           10000U
#define otaconfigMAX_THINGNAME_LEN              128U
#define otaconfigMAX_NUM_BLOCKS_REQUEST         1U
#define otaconfigMAX_NUM_REQUEST_MOMENTUM       32U
#define otaconfigOTA_UPDATE_STATUS_FREQUENCY    64U
#define otaconfigMAX_NUM_OTA_DATA_BUFFERS       2U

/* QA needs to roll back to 1.x builds on the test deck */
#define otaconfigAllowDowngrade                 1U

#define configENABLED_CONTROL_PROTOCOL          ( OTA_CONTROL_OVER_MQTT )
#define configENABLED_DATA_PROTOCOLS            ( OTA_DATA_OVER_MQTT )
#define configOTA_PRIMARY_DATA_PROTOCOL         ( OTA_DATA_OVER_MQTT )

#endif /* OTA_CONFIG_H_ */
