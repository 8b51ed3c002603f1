"""Greengrass component: publish RMS vibration via the IPC MQTT proxy."""
import argparse
import json
import math
import time

import awsiot.greengrasscoreipc.clientv2 as clientv2

THING_NAME_ENV = "AWS_IOT_THING_NAME"


def rms(samples):
    return math.sqrt(sum(s * s for s in samples) / len(samples))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=int, default=1600)
    args = parser.parse_args()
    ipc = clientv2.GreengrassCoreIPCClientV2()
    import os
    topic = f"acme/vibration/{os.environ[THING_NAME_ENV]}"
    while True:
        samples = [math.sin(i / args.rate) for i in range(args.rate)]
        ipc.publish_to_iot_core(topic_name=topic, qos="1", payload=json.dumps({"rms": rms(samples)}).encode())
        time.sleep(1)


if __name__ == "__main__":
    main()
