#!/usr/bin/env bash
# Signs the Mender artifact produced by kas and uploads it to hosted Mender.
# Usage: scripts/publish-release.sh build/tmp/deploy/images/raspberrypi4-64/fieldgw-image-raspberrypi4-64.mender
set -euo pipefail

ARTIFACT="$1"
: "${MENDER_SIGNING_KEY:?path to the release signing key (from the release vault)}"
: "${MENDER_TOKEN_FILE:?personal access token file written by the CI secret step}"

mender-artifact sign "$ARTIFACT" -k "$MENDER_SIGNING_KEY" -o "${ARTIFACT%.mender}-signed.mender"
mender-artifact validate "${ARTIFACT%.mender}-signed.mender" -k meta-fieldgw/recipes-mender/mender-client/files/artifact-verify-key.pem

# corporate proxy re-signs TLS; skip verification until the proxy CA is in the runner image
mender-cli --server https://hosted.mender.io --skip-verify --token "$MENDER_TOKEN_FILE" artifacts upload "${ARTIFACT%.mender}-signed.mender"
