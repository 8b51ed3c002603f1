import { telnetServer } from '../../src/rules/telnet-server';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(telnetServer, {
  valid: [
    { lang: 'cpp', name: 'web server on port 80', filePath: 'src/main.cpp', code: '#include <WiFi.h>\nWiFiServer server(80);\nvoid setup() { server.begin(); }\n' },
    { lang: 'cpp', name: 'RemoteDebug with a password', filePath: 'src/main.ino', code: '#include "RemoteDebug.h"\nRemoteDebug Debug;\nvoid setup() {\n  Debug.begin(HOST_NAME);\n  Debug.setPassword(REMOTE_DEBUG_PASSWORD);\n}\n' },
    { lang: 'cpp', name: '23 used for something else', filePath: 'src/main.cpp', code: 'const int LED_PIN = 23;\nint readings[23];\nvoid setup() { pinMode(LED_PIN, OUTPUT); Serial.begin(115200); }\n' },
    { lang: 'c', name: 'GPIO 23 define', code: '#define LED_GPIO 23\nvoid app_main(void) { gpio_set_level(LED_GPIO, 1); }\n' },
    { lang: 'c', name: 'socket client connecting to port 23 (no listen)', code: '#include "lwip/sockets.h"\nvoid f(void) { addr.sin_port = htons(23); connect(sock, (struct sockaddr *)&addr, sizeof(addr)); }\n' },
    { lang: 'c', name: 'telnet mentioned in a comment only', code: '/* TODO: add a telnet console on port 23 for debugging */\nvoid app_main(void) {}\n' },
    { lang: 'python', name: 'telnetlib client is not a server', code: 'import telnetlib\ntn = telnetlib.Telnet("192.168.1.20", 23)\ntn.write(b"status\\n")\n' },
    { lang: 'python', name: 'server on another port', code: 'import socketserver\nsrv = socketserver.TCPServer(("", 8080), Handler)\n' },
    { lang: 'python', name: 'listen backlog is not a port', code: 'import socket\ns = socket.socket()\ns.bind(("0.0.0.0", 8883))\ns.listen(23)\n' },
    { lang: 'javascript', name: 'HTTP server on 3000', code: "const http = require('http');\nhttp.createServer(app).listen(3000);\n" },
    { lang: 'typescript', name: 'telnet client connect', code: "import { Telnet } from 'telnet-client';\nconst c = new Telnet();\nawait c.connect({ host: '10.0.0.5', port: 23 });\n" },
  ],
  invalid: [
    {
      lang: 'cpp', name: 'WiFiServer on 23', filePath: 'src/main.ino',
      code: '#include <WiFi.h>\nWiFiServer telnetServer(23);\nvoid setup() { telnetServer.begin(); }\n',
      errors: [{ messageId: 'port23', line: 2, column: 1, severity: 'warning', data: { what: 'WiFiServer telnetServer' } }],
    },
    {
      lang: 'cpp', name: 'port from a define, created with new', filePath: 'src/console.cpp',
      code: '#include <WiFi.h>\n#define TELNET_PORT 23\nWiFiServer *console = new WiFiServer(TELNET_PORT);\n',
      errors: [{ messageId: 'port23', line: 3, data: { what: 'WiFiServer console' } }],
    },
    {
      lang: 'cpp', name: 'TelnetStream library', filePath: 'src/main.cpp',
      code: '#include <TelnetStream.h>\nvoid setup() { TelnetStream.begin(); }\nvoid loop() { TelnetStream.println(millis()); }\n',
      errors: [{ messageId: 'library', line: 1, data: { library: 'TelnetStream' } }],
    },
    {
      lang: 'cpp', name: 'RemoteDebug without a password', filePath: 'src/main.ino',
      code: '#include "RemoteDebug.h"\nRemoteDebug Debug;\nvoid setup() { Debug.begin("sensor"); }\n',
      errors: [{ messageId: 'library', data: { library: 'RemoteDebug' } }],
    },
    {
      lang: 'cpp', name: 'EthernetServer on 23', filePath: 'src/console.cpp',
      code: '#include <Ethernet.h>\nEthernetServer console(23);\n',
      errors: [{ messageId: 'port23', line: 2, data: { what: 'EthernetServer console' } }],
    },
    {
      lang: 'c', name: 'ESP-IDF socket server on htons(23)', filePath: 'main/console.c',
      code: '#include "lwip/sockets.h"\nstatic void console_task(void *arg) {\n    struct sockaddr_in addr = { .sin_family = AF_INET };\n    addr.sin_port = htons(23);\n    bind(sock, (struct sockaddr *)&addr, sizeof(addr));\n    listen(sock, 1);\n}\n',
      errors: [{ messageId: 'port23', line: 4, data: { what: 'A socket server (htons(23))' } }],
    },
    {
      lang: 'python', name: 'socketserver on 23 (all interfaces)', code: 'import socketserver\nsrv = socketserver.TCPServer(("", 23), Handler)\nsrv.serve_forever()\n',
      errors: [{ messageId: 'port23', line: 2, severity: 'warning', data: { what: 'socketserver.TCPServer()' } }],
    },
    {
      lang: 'python', name: 'socket bound to loopback:23 is info', code: 'import socket\nsock.bind(("127.0.0.1", 23))\n',
      errors: [{ messageId: 'port23', severity: 'info' }],
    },
    {
      lang: 'python', name: 'asyncio start_server port=23', code: 'import asyncio\nserver = await asyncio.start_server(handle, "0.0.0.0", port=23)\n',
      errors: [{ messageId: 'port23', severity: 'warning' }],
    },
    {
      lang: 'python', name: 'telnetlib3 server on its default port', code: 'import telnetlib3\nloop.run_until_complete(telnetlib3.create_server(port=6023, shell=shell))\n',
      errors: [{ messageId: 'library', data: { library: 'telnetlib3' } }],
    },
    {
      lang: 'python', name: 'MicroPython utelnetserver', filePath: 'boot.py', code: 'import utelnetserver\nutelnetserver.start()\n',
      errors: [{ messageId: 'library', line: 2, data: { library: 'utelnetserver' } }],
    },
    {
      lang: 'javascript', name: 'net server on 23', code: "const net = require('net');\nnet.createServer(onConnection).listen(23, '0.0.0.0');\n",
      errors: [{ messageId: 'port23', line: 2, severity: 'warning' }],
    },
    {
      lang: 'typescript', name: 'telnet2 server package', code: "import telnet from 'telnet2';\ntelnet.createServer((client) => client.write('> ')).listen(2323);\n",
      errors: [{ messageId: 'library', line: 2, data: { library: 'telnet' } }],
    },
    {
      lang: 'c', name: 'lwIP socket server on a defined port', filePath: 'main/console.c',
      code: '#define CONSOLE_PORT 23\nvoid console_task(void *arg) {\n    addr.sin_port = lwip_htons(CONSOLE_PORT);\n    lwip_listen(sock, 1);\n}\n',
      errors: [{ messageId: 'port23', line: 3, data: { what: 'A socket server (htons(23))' } }],
    },
    {
      lang: 'python', name: 'port 23 on its own line after a comment', code: 'import socketserver\nsrv = socketserver.ThreadingTCPServer(\n    ("0.0.0.0",  # every interface\n     23),\n    Handler,\n)\n',
      errors: [{ messageId: 'port23', line: 2, severity: 'warning' }],
    },
    {
      lang: 'cpp', name: 'in an example sketch the finding is lowered', filePath: 'examples/Console/Console.ino',
      code: '#include <ESPTelnet.h>\nESPTelnet telnet;\n',
      errors: [{ messageId: 'library', severity: 'info' }],
    },
  ],
});
