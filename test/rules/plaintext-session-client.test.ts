import { plaintextSessionClient } from '../../src/rules/plaintext-session-client';
import { ruleTester } from '../harness/rule-tester';

ruleTester.run(plaintextSessionClient, {
  valid: [
    { lang: 'python', code: 'import ftplib\nftp = ftplib.FTP_TLS("support.vendor.com")\nftp.login(user, pw)\nftp.prot_p()\n' },
    { lang: 'python', code: 'import paramiko\nssh = paramiko.SSHClient()\nssh.connect(host, username="admin", key_filename=KEY)\n' },
    { lang: 'python', code: 'def Telnet(host):\n    return ssh_session(host)\nTelnet("10.0.0.2")\n', name: 'a local function named Telnet without telnetlib' },
    { lang: 'javascript', code: "const ftp = require('basic-ftp');\nconst client = new ftp.Client();\nawait client.access({ host: 'ftp.vendor.com', user, password, secure: true });\n" },
    { lang: 'typescript', code: "import { Client } from 'ssh2';\nconst conn = new Client();\nconn.connect({ host: 'gw.acme.io', username: 'pi', privateKey });\n" },
  ],
  invalid: [
    {
      lang: 'python',
      code: 'import ftplib\nimport os\n\ndef upload(directory):\n    ftp = ftplib.FTP("support.sensor-vendor.com")\n    ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])\n',
      errors: [{ messageId: 'session', line: 5, severity: 'warning', data: { callee: 'ftplib.FTP', protocol: 'FTP', host: "'support.sensor-vendor.com'", alternative: 'Use FTPS (TLS) or SFTP.' } }],
    },
    {
      lang: 'python',
      code: 'import telnetlib\n\ndef configure(host, password):\n    tn = telnetlib.Telnet(host, 23, timeout=10)\n    tn.write(password.encode() + b"\\n")\n',
      errors: [{ messageId: 'session', line: 4, data: { callee: 'telnetlib.Telnet', protocol: 'Telnet', host: 'the remote host', alternative: 'Use SSH.' } }],
    },
    {
      lang: 'python', name: 'from-import, loopback host is info',
      code: 'from telnetlib import Telnet\ntn = Telnet("127.0.0.1", 2323)\n',
      errors: [{ messageId: 'session', line: 2, severity: 'info' }],
    },
    {
      lang: 'javascript',
      code: "const ftp = require('basic-ftp');\nasync function up() {\n  const client = new ftp.Client();\n  await client.access({ host: 'ftp.vendor.com', user: 'u', password: process.env.PW });\n}\n",
      errors: [{ messageId: 'session', line: 4, data: { callee: 'client.access', protocol: 'FTP', host: "'ftp.vendor.com'", alternative: 'Use FTPS (TLS) or SFTP.' } }],
    },
    {
      lang: 'typescript',
      code: "import { Telnet } from 'telnet-client';\nconst connection = new Telnet();\nawait connection.connect({ host: '10.1.2.3', port: 23 });\n",
      errors: [{ messageId: 'session', line: 2, data: { callee: 'Telnet', protocol: 'Telnet', host: 'the remote host', alternative: 'Use SSH.' } }],
    },
  ],
});
