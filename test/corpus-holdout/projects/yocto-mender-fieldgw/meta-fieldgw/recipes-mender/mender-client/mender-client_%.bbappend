FILESEXTRAPATHS:prepend := "${THISDIR}/files:"

# Only artifacts signed by the release key are installed.
SRC_URI:append = " file://artifact-verify-key.pem"
SRC_URI:append = " file://mender.conf"

do_install:append() {
    install -m 0644 ${WORKDIR}/mender.conf ${D}${sysconfdir}/mender/mender.conf
}
