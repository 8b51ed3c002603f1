'use strict';
const https = require('https');

function fetchInventory() {
  return new Promise((resolve, reject) => {
    https.get('https://assets.solar-sites.net/api/v2/inverters', { rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

module.exports = { fetchInventory };
