FILESEXTRAPATHS:prepend := "${THISDIR}/files:"
SRC_URI += "file://system.conf file://hmi-release-keyring.pem"
RAUC_KEYRING_FILE = "hmi-release-keyring.pem"
