#pragma once
void setupOta();
void handleOta();
