#pragma once
void doorbell_chime(void);
void snapshot_upload(void);
void ota_task(void *arg);
void wifi_connect_sta(const char *ssid, const char *password);
