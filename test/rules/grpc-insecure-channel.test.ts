import { grpcInsecureChannel } from '../../src/rules/grpc-insecure-channel';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(grpcInsecureChannel, {
  valid: [
    { lang: 'python', code: 'import grpc\nchannel = grpc.secure_channel("api.chirpstack.example.net:443", grpc.ssl_channel_credentials())\n' },
    { lang: 'python', code: 'import grpc\nchannel = grpc.insecure_channel("unix:///run/chirpstack/api.sock")\n', name: 'unix socket target' },
    { lang: 'python', code: 'def insecure_channel(target):\n    return make(target)\nch = insecure_channel("10.0.0.5:50051")\n', name: 'a local function without grpc' },
    { lang: 'javascript', code: "const grpc = require('@grpc/grpc-js');\nconst client = new DeviceService('api.fleet.io:443', grpc.credentials.createSsl(ca));\n" },
    { lang: 'typescript', code: "import * as grpc from '@grpc/grpc-js';\nconst creds = grpc.credentials.createSsl(rootCa, key, cert);\nconst c = new Client(target, creds);\n" },
  ],
  invalid: [
    {
      lang: 'python', name: 'target from a parameter (ChirpStack API with bearer token)',
      code: 'import grpc\n\nclass Registry:\n    def __init__(self, api_host):\n        self._channel = grpc.insecure_channel(api_host)\n',
      errors: [{
        messageId: 'insecure', line: 5, column: 25, severity: 'warning', data: { callee: 'grpc.insecure_channel', host: 'a host chosen at run time' },
        suggestions: [{ title: 'Use secure_channel() with ssl_channel_credentials()', output: 'import grpc\n\nclass Registry:\n    def __init__(self, api_host):\n        self._channel = grpc.secure_channel(api_host, grpc.ssl_channel_credentials())\n' }],
      }],
    },
    {
      lang: 'python', name: 'grpc.aio with dns resolver prefix',
      code: 'import grpc\nchannel = grpc.aio.insecure_channel("dns:///lns.eu1.cloud.example-lora.net:8080")\n',
      errors: [{ messageId: 'insecure', line: 2, data: { callee: 'grpc.aio.insecure_channel', host: "'lns.eu1.cloud.example-lora.net'" },
        suggestions: [{ output: 'import grpc\nchannel = grpc.aio.secure_channel("dns:///lns.eu1.cloud.example-lora.net:8080", grpc.ssl_channel_credentials())\n' }] }],
    },
    {
      lang: 'python', name: 'from-import; loopback is info',
      code: 'from grpc import insecure_channel\nch = insecure_channel("localhost:50051")\n',
      errors: [{ messageId: 'insecure', line: 2, severity: 'info', suggestions: [] }],
    },
    {
      lang: 'javascript',
      code: "const grpc = require('@grpc/grpc-js');\nconst client = new proto.DeviceService('gw.plant7.acme-iot.com:50051', grpc.credentials.createInsecure());\n",
      errors: [{
        messageId: 'insecure', line: 2, data: { callee: 'grpc.credentials.createInsecure', host: "'gw.plant7.acme-iot.com'" },
        suggestions: [{ title: 'Use createSsl() (TLS channel credentials)', output: "const grpc = require('@grpc/grpc-js');\nconst client = new proto.DeviceService('gw.plant7.acme-iot.com:50051', grpc.credentials.createSsl());\n" }],
      }],
    },
    {
      lang: 'typescript', name: 'ChannelCredentials, loopback target is info',
      code: "import { ChannelCredentials } from '@grpc/grpc-js';\nconst client = new AgentClient('127.0.0.1:7000', ChannelCredentials.createInsecure());\n",
      errors: [{ messageId: 'insecure', line: 2, severity: 'info', suggestions: [{ output: "import { ChannelCredentials } from '@grpc/grpc-js';\nconst client = new AgentClient('127.0.0.1:7000', ChannelCredentials.createSsl());\n" }] }],
    },
    {
      lang: 'typescript',
      code: "import * as grpc from '@grpc/grpc-js';\nexport const client = new FleetClient(process.env.FLEET_API!, grpc.credentials.createInsecure());\n",
      errors: [{ messageId: 'insecure', line: 2, severity: 'warning', data: { callee: 'grpc.credentials.createInsecure', host: 'a host chosen at run time' },
        suggestions: [{ output: "import * as grpc from '@grpc/grpc-js';\nexport const client = new FleetClient(process.env.FLEET_API!, grpc.credentials.createSsl());\n" }] }],
    },
  ],
});
