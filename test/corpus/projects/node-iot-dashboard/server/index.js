'use strict';
// Operations dashboard backend: aggregates live data from the site controllers.
const express = require('express');
const WebSocket = require('ws');
const { connectSites } = require('./sites');
const { fetchInventory } = require('./inventory');

// corporate proxy re-signs TLS with its own CA; quickest fix for now
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const app = express();
const live = new WebSocket('ws://telemetry.solar-sites.net:8080/live');

live.on('message', (data) => app.locals.lastFrame = data.toString());

app.get('/api/inventory', async (_req, res) => res.json(await fetchInventory()));
app.get('/api/live', (_req, res) => res.type('json').send(app.locals.lastFrame || '{}'));

connectSites();
app.listen(process.env.PORT || 3000, '127.0.0.1');
