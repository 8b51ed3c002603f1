#!/usr/bin/env python3
"""Create a thing + certificate from a device CSR and attach the production policy.

Credentials come from the standard AWS credential chain (AWS_PROFILE / instance role);
nothing secret is stored in this script.
"""
import argparse
import json
import os

import boto3

POLICY_NAME = "prod-device-policy"
REGION = os.environ.get("AWS_REGION", "eu-west-1")


def provision(serial: str, csr_path: str) -> dict:
    iot = boto3.client("iot", region_name=REGION)
    with open(csr_path, "r", encoding="ascii") as fh:
        csr = fh.read()
    thing_name = f"sensor-{serial}"
    iot.create_thing(thingName=thing_name)
    cert = iot.create_certificate_from_csr(certificateSigningRequest=csr, setAsActive=True)
    iot.attach_policy(policyName=POLICY_NAME, target=cert["certificateArn"])
    iot.attach_thing_principal(thingName=thing_name, principal=cert["certificateArn"])
    endpoint = iot.describe_endpoint(endpointType="iot:Data-ATS")["endpointAddress"]
    return {"thing": thing_name, "certificateId": cert["certificateId"], "endpoint": endpoint}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("serial")
    parser.add_argument("csr")
    args = parser.parse_args()
    print(json.dumps(provision(args.serial, args.csr), indent=2))
