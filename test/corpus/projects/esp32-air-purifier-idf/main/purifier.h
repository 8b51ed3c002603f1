#pragma once
void purifier_provisioning_start(void);
void purifier_fan_init(void);
void purifier_boot_factory(void);
