'use strict';
const mqtt = require('mqtt');
const config = require('../config/default.json');

function connectSites() {
  const client = mqtt.connect({
    host: config.mqtt.host,
    port: 1883,
    protocol: 'mqtt',
    username: config.mqtt.username,
    password: config.mqtt.password,
  });
  client.on('connect', () => client.subscribe('sites/+/inverter/#'));
  return client;
}

module.exports = { connectSites };
