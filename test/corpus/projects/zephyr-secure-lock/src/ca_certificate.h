/* Root CA of the lock cloud (public certificate, safe to embed). */
#ifndef CA_CERTIFICATE_H
#define CA_CERTIFICATE_H

static const unsigned char ca_certificate[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIDQTCCAi2gAwIBAqMcBr1GPjkjvBqtveSLFpdsCAcXNzuBmgaPMrems4trOHKW\n"
	"R8/eAcLOKLJsV0cnN/XDVhoXYRhb2FiaQ84LunWJH/nsYBSNS9SgnuLcXJMxtBEL\n"
	"qTrFSvwU2jvdGWFHdKLVXSleWjWrRLPvrqUSm6IriLo+KXZhRf3so7COOK9T18TG\n"
	"DjrSCM5QZkQQNunxkeC3UDanf2Xi6qR1JEMjP76PiUO/lW3llWZcOP//I4J+F8EM\n"
	"3BwnoCjKrmyYEGJhmP93h0D4jdzxAq64Ha7iicBExKRXHEtvKHQA9LjguEP4gMMt\n"
	"gekb3qBM16OBmzInX8MpivTH7IfrAJlSfQQc7Vzg/NTOTj0OPeCR8hQVu3zQEfrC\n"
	"iMQgIKh58owqQ4ffm2z2Nu2KwbqwM7ZPZv6rpl9w5oRzHj85EFYFlo06ljgBErWh\n"
	"DzoR5wjcVBKDPEerfDaKIbnv4ZKTeT7Iec5oMBgYqG5abGl33boNrKf7pRkPZ7pW\n"
	"zNwbPzEwiXIjbC5Hdj/f7BNxztzbjBkMpv+K1gP4F+3A2TwqaHx7Nt1m5w8qYQD8\n"
	"Y0PtyMh0SWyy9bv+yI6pt3wnMEs39w6UvIoPv1AODJV6gOvahygO9YIU2S8RmBGs\n"
	"3DxnHvHjkT+UmAqeFGuolZCFUO9CNKu3UD1DZSGrpUx1UO3A7xICdZ//kP8ZEok2\n"
	"gUMh7lnhEeE+XkgocNWLtE2c+/zOp4cCqtGNTO6pGvDgIkMd4xu+jSdFSJo1t1c0\n"
	"r6LaQ4F9QOfo2A0XomzURgsAVcUho/pDKb1xjbRtjwIcE/HisOcmiwnVXpWNJW4g\n"
	"Ck5d5u7L+NwK5ls1rj+qGlrHj+LfaPmevyfs7jzdKfnMzy3haQYtvOxVyO5pzavd\n"
	"vM8/RCjJsxth3wnbeDgz0et1WU7Sy986OQaoMWZUR90R98VHWaSCZq3714lU8Acd\n"
	"4PhCLZT2+0MJG5hvWLrJUG+b+4IdYuaTMEELtW8AhezOia+48L28qzJdbhHyqutU\n"
	"n1Cp2R+45kyBT6poU2eyS40gMWuq8GGtv+csnZFNZ4zVAE1JNW7JlJunUndxcaw2\n"
	"gnnL5vXLvCuoFUiDqaKeVRc=\n"
	"-----END CERTIFICATE-----\n"
	;

#endif
