/**
 * Node-RED settings for the plant dashboard.
 */
module.exports = {
    flowFile: 'flows.json',
    credentialSecret: "n0de-red-Fl0ws-Secret-2024",
    uiPort: process.env.PORT || 1880,
    uiHost: "127.0.0.1",
    adminAuth: {
        type: "credentials",
        users: [{
            username: "admin",
            password: process.env.NODE_RED_ADMIN_HASH,
            permissions: "*"
        }]
    },
    https: {
        key: require("fs").readFileSync('/etc/node-red/privkey.pem'),
        cert: require("fs").readFileSync('/etc/node-red/cert.pem')
    },
    requireHttps: true,
    logging: {
        console: { level: "info", metrics: false, audit: false }
    },
    editorTheme: { projects: { enabled: false } }
};
