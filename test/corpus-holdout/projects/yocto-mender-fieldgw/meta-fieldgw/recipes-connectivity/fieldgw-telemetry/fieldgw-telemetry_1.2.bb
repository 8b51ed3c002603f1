SUMMARY = "Field gateway telemetry forwarder"
LICENSE = "CLOSED"

SRC_URI = "git://git.fieldgw.io/fieldgw/telemetry.git;protocol=https;branch=main \
           file://telemetry.conf"
SRCREV = "3f9c1a7e2b8d4c60a5e1f0b9d8c7a6e5f4d3c2b1"

inherit python_setuptools_build_meta systemd

SYSTEMD_SERVICE:${PN} = "fieldgw-telemetry.service"

do_install:append() {
    install -d ${D}${sysconfdir}/fieldgw
    install -m 0640 ${WORKDIR}/telemetry.conf ${D}${sysconfdir}/fieldgw/telemetry.conf
}
