/**
 * Node-RED settings — pump station PS-4 edge box (Revolution Pi Connect 4)
 * Managed by Ansible; see ops/roles/nodered. Credentials come from the systemd EnvironmentFile.
 */
const fs = require("fs");
const path = require("path");

module.exports = {
    flowFile: "flows.json",
    flowFilePretty: true,
    credentialSecret: process.env.NODE_RED_CREDENTIAL_SECRET,
    userDir: "/var/lib/node-red",

    uiHost: "0.0.0.0",
    uiPort: process.env.PORT || 1880,
    https: {
        key: fs.readFileSync("/etc/node-red/tls/edge.key"),
        cert: fs.readFileSync("/etc/node-red/tls/edge.crt"),
    },
    requireHttps: true,

    adminAuth: {
        type: "credentials",
        users: [
            {
                username: "ops",
                password: "$2b$08$wJq1fO3z4pS0yq7cE7mD9eM2o8m0Lqk3h9h1sTtX7bQfVn4bY6c2K",
                permissions: "*",
            },
        ],
        default: { permissions: "*" },
    },

    httpNodeAuth: { user: "scada", pass: "$2b$08$4y0Tq8nUu2bS6cGm1eJ5QOrj9c2Wk3f8L0pXzVdA7sHqR1mN6tYbG" },
    httpStatic: path.join(__dirname, "public"),

    logging: {
        console: { level: "info", metrics: false, audit: true },
    },
    exportGlobalContextKeys: false,
    externalModules: {
        autoInstall: false,
        palette: { allowInstall: false },
        modules: { allowInstall: false },
    },
    functionExternalModules: false,
    editorTheme: {
        projects: { enabled: false },
        palette: { editable: false },
    },
};
