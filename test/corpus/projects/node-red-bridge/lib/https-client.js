'use strict';
// Small HTTPS helper for the ERP lookup. Private CA, verification on.
const fs = require('fs');
const https = require('https');

const agent = new https.Agent({
  ca: fs.readFileSync(process.env.ERP_CA_FILE || '/etc/bridge/erp-ca.pem'),
  rejectUnauthorized: true,
  minVersion: 'TLSv1.2',
  keepAlive: true,
});

function getJson(path) {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: process.env.ERP_HOST, path, agent, headers: { authorization: `Bearer ${process.env.ERP_TOKEN}` } }, (res) => {
      let data = '';
      res.on('data', (c) => { data += c; });
      res.on('end', () => {
        try { resolve(JSON.parse(data)); } catch (err) { reject(err); }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

module.exports = { getJson };
