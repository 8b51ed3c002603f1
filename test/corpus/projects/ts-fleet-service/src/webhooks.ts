// Forwards device alarms to the customer's ticketing system and to the partner NOC.
import * as http from 'http';
import * as https from 'https';

const customerAgent = new https.Agent({
  keepAlive: true,
  rejectUnauthorized: false,
});

const PARTNER_NOC_URL = 'http://noc.partner-monitoring.com/api/alarms';

export function postCustomerAlarm(host: string, body: object, token: string): void {
  const req = https.request({ host, path: '/api/v1/alarms', method: 'POST', agent: customerAgent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  req.end(JSON.stringify(body));
}

export function postPartnerAlarm(body: object, token: string): void {
  const req = http.request(PARTNER_NOC_URL, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  req.end(JSON.stringify(body));
}
