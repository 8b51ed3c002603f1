SUMMARY = "Field gateway image (Modbus/LoRa concentrator, Mender OTA)"
LICENSE = "MIT"

inherit core-image extrausers

IMAGE_INSTALL:append = " \
    fieldgw-telemetry \
    openssh-sftp-server \
    chrony \
    ca-certificates \
    iptables \
"

# root is locked; operators use the 'fieldops' account with an SSH key from the provisioning step
EXTRA_USERS_PARAMS = "\
    usermod -L root; \
    useradd -m -s /bin/sh -G sudo fieldops; \
"

IMAGE_FEATURES:append = " ssh-server-openssh read-only-rootfs"
