#include <unity.h>

// Host-side unit test for the vent hysteresis; uses a throwaway broker config.
static const char *TEST_MQTT_URI = "mqtt://localhost:1883";
static const char *TEST_PASSWORD = "test-only";

static bool shouldOpen(float t, bool open) { return open ? t > 26.0f : t > 29.5f; }

void test_hysteresis() {
  TEST_ASSERT_TRUE(shouldOpen(30.0f, false));
  TEST_ASSERT_FALSE(shouldOpen(28.0f, false));
  TEST_ASSERT_TRUE(shouldOpen(27.0f, true));
  (void)TEST_MQTT_URI;
  (void)TEST_PASSWORD;
}

int main() {
  UNITY_BEGIN();
  RUN_TEST(test_hysteresis);
  return UNITY_END();
}
