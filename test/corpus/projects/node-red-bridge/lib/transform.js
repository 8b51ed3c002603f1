'use strict';

const MACHINE_RE = /^plc\/([a-z0-9-]+)\/telemetry$/;

function transform(topic, payload) {
  const m = MACHINE_RE.exec(topic);
  if (!m) return undefined;
  let body;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
  return { machine: m[1], body: { ...body, receivedAt: new Date().toISOString() } };
}

module.exports = { transform };
