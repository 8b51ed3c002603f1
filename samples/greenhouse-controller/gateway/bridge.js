// Bridges local greenhouse telemetry to AWS IoT Core.
const mqtt = require('mqtt');
const fs = require('fs');

const local = mqtt.connect('mqtt://192.168.10.2:1883', {
  username: 'bridge',
  password: process.env.LOCAL_BROKER_PASSWORD,
});

const cloud = mqtt.connect('mqtts://a1b2c3d4e5f6g7-ats.iot.eu-central-1.amazonaws.com:8883', {
  key: fs.readFileSync('/etc/greenhouse/bridge.key'),
  cert: fs.readFileSync('/etc/greenhouse/bridge.crt'),
  ca: fs.readFileSync('/etc/greenhouse/AmazonRootCA1.pem'),
  rejectUnauthorized: false,
});

local.subscribe('greenhouse/+/telemetry');
local.on('message', (topic, payload) => cloud.publish(`dt/${topic}`, payload));
