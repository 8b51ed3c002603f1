#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 as a server) from npm for offline extension tests.
# Usage: bash scripts/install-code-server.sh <dest>   ->  <dest>/package is CODE_SERVER_HOME
# Idempotent: does nothing when <dest>/package/out/node/entry.js --version already works.
# Needs Node 20 and Debian packages chromium, libkrb5-dev, ripgrep (installed here when missing).
set -euo pipefail
DEST="${1:?usage: install-code-server.sh <dest>}"
VERSION=4.100.3
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
# --version alone writes ~/.config/code-server/config.yaml: point XDG_CONFIG_HOME at the cache
export XDG_CONFIG_HOME="$DEST/xdg-config"
if node "$DEST/package/out/node/entry.js" --version >/dev/null 2>&1; then
  echo "code-server already installed in $DEST/package"
  exit 0
fi
node -e 'process.exit(+process.versions.node.split(".")[0] === 20 ? 0 : 1)' || { echo "code-server $VERSION needs Node 20" >&2; exit 1; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] || dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} with apt-get"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
fi

rm -rf "$DEST/package"
cd "$DEST"
TGZ=$(npm pack "code-server@$VERSION" --silent | tail -1)
tar xzf "$TGZ" && rm -f "$TGZ"
cd package
npm install --omit=dev --ignore-scripts --no-audit --no-fund
(cd lib/vscode && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
(cd lib/vscode/extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
mkdir -p lib/vscode/node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" lib/vscode/node_modules/@vscode/ripgrep/bin/rg   # Debian's rg; the npm one downloads
(cd lib/vscode && npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid)
npm_config_yes=true npm rebuild argon2
ln -sfn node_modules lib/vscode/node_modules.asar
(cd lib/vscode/bin/remote-cli && ln -sf code-linux.sh code-server)
(cd lib/vscode/bin/helpers && ln -sf browser-linux.sh browser.sh)
node out/node/entry.js --version
