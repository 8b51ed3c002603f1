#ifndef AWS_CLIENT_CREDENTIAL_KEYS_H
#define AWS_CLIENT_CREDENTIAL_KEYS_H

/*
 * PEM-encoded client certificate and private key for parking-sensor-0117.
 * Must include the PEM header and footer, e.g. "-----BEGIN CERTIFICATE-----\n"
 */
#define keyCLIENT_CERTIFICATE_PEM \
    "-----BEGIN CERTIFICATE-----\n" \
    "MIIDQTCCAi2gAwIBAn4ujjfP6FJLUs2xB3xbWxBndlT5KlWhAeSAsBeiLFYGbs4k\n" \
    "ILpnS+dKvPvYV3D6UZ5fwtGgoC3Itp1Ca2g7IS4Oil57A4piFdlO/wFsLRt3WLYQ\n" \
    "ZDcdn1qdUwjTfERs5GUxIhJkfhrwr06mfaD5aAf02168NLhf0+nlKNXD9vD42oB3\n" \
    "8XMT3xu1Nc7kLR+bBrxlPKY1Q9fEkXRoUXwTQdw/LhsrZnUlUeXr9CeXRhfZmaUn\n" \
    "JF8bICt/2hNsR287b3ek7q6UYcjsufiHyBHBDs4i3YSoVsLufDOBIa6kk5sKDXxY\n" \
    "9HHg0lLH0N+siUfw53ixSe8jj9RHpomdqfojoVhPLrGT7fMtQPGUasQdJoLnxyR9\n" \
    "sUS9xHIakKuVXBqcYIF6RzY0X9KxdCBIpZfQxNkWd3XuJqPEhAsw1RePiIQHifFH\n" \
    "JXNJKwdbmJjGnO9TNp16yFLGYgDTgE8rS9FGlVVxm5yQgq01UOooDpgJVks3JB1f\n" \
    "8p2VY734zlM28Jn6Noygzn0TKe4UcVdWKOs+ZukWSQcTzDQuN6IRFuzQ5/i/XgbL\n" \
    "M+WMO6d5dP8a89KQx4wlBdHU4fIGkCo71CDGoiOx+Jl814YJTAEiGj9PnQy7PcQ1\n" \
    "ANAChqMzmoGjJwP8GBcBPQaSNeRYp6siUpt2vUPug6PhQI/TObIR5Mgz0NZserg4\n" \
    "PUHhGSblGiSfomdAP0CZWnvYfxDjY7FTH3xCn1vdL6JZ2sThXNDHBlYQsoZJMkdc\n" \
    "PIdMiOvEzcU7Nx6S7Hn/cYu5RrY/tRxi/xULleFAwU9XGZUTXXF09sqdbEBl85sy\n" \
    "v6w4Eh/0gOn61ihhf3OYf2Hs/5R7Pz3o/2vmuqLxFcXtHyzRs3OK/1Vgki2NHgP/\n" \
    "B27HA+KABvUaNhTt7v8MNOE1niVvGc8ASzfHzDxvP2len+Ai2sZOQGyEBzdwQo4l\n" \
    "tmS1bzsZztXAVZ6sqDAeCrn6nz0aA1/tw2wgAfmjb1aj98fRkKmts49SUepz7q0/\n" \
    "Dg0EEGSGOZ4NzlbowGJscRRl1ufJN8ohOzKp7PoroP5yP0FfUi5i+YgUoSl8sap8\n" \
    "zWSYdJ3koCa9jpA1Q3+jYi4=\n" \
    "-----END CERTIFICATE-----\n" \
    ""

#define keyCLIENT_PRIVATE_KEY_PEM \
    "-----BEGIN RSA PRIVATE KEY-----\n" \
    "MIIEpAIBAAKCAQEA7ZMsEPjQPOR2T+WrWyuCLykB9kL8oyvdHwd4eIQExt5X85el\n" \
    "KbE2txRTi3KQBJ1l7/BO5VdcdubyA07dSpttPLCcRzEsmbsHk5GUMwMlPyMapV1z\n" \
    "5339TdgzXvOQ3uUoVyRmi7ZjV2Z5AFyK0uWEEhn6BL6kdB24q/I4o4dVV6+n6SL0\n" \
    "aBqoRkIe/Wb9W/fK7nzwx5JT1g5n8BB37P7rokJnYLE8kLYrK4/QuQmiZ1fIaHxa\n" \
    "IwgHLK5OE8ZIxJo9T8IJLMv9uaycTxmkfLT24oLpQb3vZlhOhUAphdz3rm2HQn4m\n" \
    "V2l15IL4BTy28MFfB2oibLa7WJ8kaLJh+9FaKZdvjIeOUJjk6R3cyeODsN7C3cFd\n" \
    "vTuvRsLuDkIrhaYEbEY66qW4MwLBY1Fs6gdQyvbWU97IBCPBgLtbQtyvtpuSKh24\n" \
    "hSg9yxm2s1yLkf9x12ALLPFZhw39kU6Td+ixzkH4Zx1WKlZGip2AVOLqPzE9ekpy\n" \
    "AZVU91mVGCyEPxZ/y5/x8JvpMw0nMw+YL0PZgsM33MNd+I5+toOosaW7B6D+f5OO\n" \
    "SEtTI8Jy7CUJkzeNDBSleppUnmMwBGrk4cVTXTMxNrjMfTwCtQKc+9FoD2ZMRvVK\n" \
    "f0sVhBw3L2Wo41K3GDBDNcw2uEh6QUSEGBIcbeF9nGsCZscS8QtlFuTMVDFYwGji\n" \
    "g4hgHzx1FY5L+ZGX3c6z+4L5aHUoprHay6da8MDc13FaHwEC1RWDVhOLm4ahjZ8h\n" \
    "plqL/grt5FaodNzqhCiuQ3nfv2MX8VNBxb5asIbpWojFTx6YS5EQchKMZbHx1SqU\n" \
    "nX++Y7TaCloGybqIOW7HdaaI+CxkQc2uJ/hEmGB/XjGKtEdVH4F51H0p0deSB3Xx\n" \
    "OH+62OKMEP5IFr6qPlsRxjsj+hom7RpbrrQmJtGNRkJ5QIDZ5kLuFzfrS0QYgSdV\n" \
    "2r4/iIdsjgdK5hANANdAZt4eOmBIP+/j6XUSo8MIbwNv99LOAkOHWuCY9/DKwoDJ\n" \
    "R/72XACbHApItfeoZTThdhR5SNJGQwHSx8rJmp4sVIGmpLmhS2tyJQHo6pEHhS7X\n" \
    "5E4Lci43bRz/IePTNsWr1TxqZj/c2DQdQlDnLTcrFnmHT1RJXDw7BrDv9t0uAywD\n" \
    "EvuLeRIGKUvN5uRdgHDqcT6ErkC3iZuqVxcqOS2XyGi0dI0WxYQNV9PPpDCvUjZN\n" \
    "8JFLYVcP/3qLIrSCzgfZFIBnLZqNVjLigiIg8/35aCO64aJdZ5Jf/wGY28wOXDY7\n" \
    "g48/Dbpg30F+kfk4M8OpVv9sETyzPKH0x42lpNusS7CTuQV8BP+/AFbWttYeLaN2\n" \
    "/Kzu5Kb1B5F2T66Fg2nGHV4+yjO8IKizVcGJSYldI8g1P66CPU/5FhCuJOlGDAyL\n" \
    "I0lImPKHXY2JcxabXTTnoOWsd6rDVdfKY4xTwuY5PsnIKkdV/Yf6EVgYGs3/MpjE\n" \
    "2htcnqP0K0g6SMZANH48RrR2O7vq5vOanBjRONvVHuxgtHkM1u0bQOJ0c8jL4z9c\n" \
    "Ob4u7S6HzTM0Cj6XbdsPo27Sn3en37lxHtklCGKRW+XffC95g/0YmZaEgWuSkEqb\n" \
    "2E8=\n" \
    "-----END RSA PRIVATE KEY-----\n" \
    ""

#define keyJITR_DEVICE_CERTIFICATE_AUTHORITY_PEM  NULL

#endif /* AWS_CLIENT_CREDENTIAL_KEYS_H */
