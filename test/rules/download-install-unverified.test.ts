import { downloadInstallUnverified } from '../../src/rules/download-install-unverified';
import { ruleTester } from '../harness/rule-tester';

const PY_FLASH = 'import subprocess\nimport requests\n\ndef main():\n    resp = requests.get(FIRMWARE_URL, timeout=60)\n    open("/tmp/fw.bin", "wb").write(resp.content)\n    subprocess.run(["esptool.py", "--port", port, "write_flash", "0x10000", "/tmp/fw.bin"], check=True)\n';
const MP_OTA = 'import machine\nimport urequests\n\ndef update():\n    for name in FILES:\n        resp = urequests.get(BASE + name)\n        with open(name, "w") as fh:\n            fh.write(resp.text)\n        resp.close()\n    machine.reset()\n';

ruleTester.run(downloadInstallUnverified, {
  valid: [
    // A hash check anywhere in the file: the download is verified.
    { lang: 'python', code: `import hashlib\n${PY_FLASH}    assert hashlib.sha256(resp.content).hexdigest() == expected\n` },
    { lang: 'python', code: 'import subprocess, urllib.request\npath, _ = urllib.request.urlretrieve(URL, "/tmp/p.tar.gz")\nverify_signature(path, "/etc/keys/release.pub")\nsubprocess.run(["pip", "install", path], check=True)\n' },
    // A comment mentioning hashes is not a check — but with no installer there is nothing to report.
    { lang: 'python', code: '# download status, no hash needed\nimport requests\nstatus = requests.get(URL).json()\nsubprocess.run(["logger", str(status)])\n' },
    { lang: 'python', code: 'import subprocess\nsubprocess.run(["esptool.py", "write_flash", "0x0", "build/app.bin"])\n', name: 'flashing a local build: nothing downloaded' },
    { lang: 'python', code: 'import urequests, machine\nr = urequests.get(URL)\nlog.write(r.text)\n', name: 'written but never run' },
    { lang: 'javascript', code: "const https = require('https');\nconst { execFileSync } = require('child_process');\nconst crypto = require('crypto');\nhttps.get(url, (res) => res.pipe(out));\nif (crypto.createHash('sha256').update(buf).digest('hex') !== sum) throw new Error('bad');\nexecFileSync('dfu-util', ['-D', dest]);\n" },
    { lang: 'typescript', code: "import axios from 'axios';\nconst r = await axios.get(url);\nexecSync('systemctl restart app');\n" },
    { lang: 'python', name: 'installing dependencies next to an unrelated API call', code: 'import subprocess, sys, requests\nstatus = requests.get(API).json()\nsubprocess.run([sys.executable, "-m", "pip", "install", "-r", "requirements.txt"], check=True)\n' },
    { lang: 'javascript', code: "const res = await fetch(api);\nexecSync('npm install');\n" },
    { lang: 'yaml', code: 'Lifecycle:\n  Install:\n    Script: curl -fsSL https://downloads.example.com/install.sh -o /tmp/i.sh && sha256sum -c /tmp/i.sha256 && sh /tmp/i.sh\n' },
    { lang: 'yaml', code: 'Manifests:\n  - Artifacts:\n      - URI: s3://bucket/adapter.zip\n    Lifecycle:\n      Run: python3 -u {artifacts:path}/adapter.py\n' },
    { lang: 'json', code: '{ "Lifecycle": { "Install": "pip3 install --user -r {artifacts:path}/requirements.txt" } }' },
  ],
  invalid: [
    {
      lang: 'python', code: PY_FLASH,
      errors: [{ messageId: 'install', line: 7, severity: 'error', data: { tool: 'esptool', action: 'flashes', download: 'requests.get' } }],
    },
    {
      lang: 'python',
      code: '"""Self-update."""\nimport subprocess\nimport sys\nimport urllib.request\n\npath, _ = urllib.request.urlretrieve(UPDATE_URL, "/tmp/gw.tar.gz")\nsubprocess.run([sys.executable, "-m", "pip", "install", "--upgrade", path], check=True)\n',
      errors: [{ messageId: 'install', line: 7, data: { tool: 'pip install', action: 'installs', download: 'urllib.request.urlretrieve' } }],
    },
    {
      lang: 'python', name: 'MicroPython: .py files downloaded, written and run after reset; reported at the download', code: `# OTA: no signature, no hash\n${MP_OTA}`,
      errors: [{ messageId: 'runWritten', line: 7, data: { download: 'urequests.get', run: 'machine.reset()' } }],
    },
    {
      lang: 'python', name: 'test files are lowered', filePath: 'tests/test_ota.py', code: MP_OTA,
      errors: [{ messageId: 'runWritten', line: 6, severity: 'info' }],
    },
    {
      lang: 'python', code: 'import os, requests\nr = requests.get(URL)\nopen("/tmp/u.sh", "w").write(r.text)\nos.system("curl -s http://x.example.com/a.sh | sh")\n',
      errors: [{ messageId: 'pipeToShell', line: 4, data: { tool: 'curl' } }],
    },
    {
      lang: 'typescript',
      code: "import * as http from 'http';\nimport { execFileSync } from 'child_process';\nexport function run(job: Job): void {\n  http.get(`${HOST}/${job.file}`, (res) => {\n    res.pipe(fs.createWriteStream(dest));\n    execFileSync('dfu-util', ['-a', '0', '-D', dest]);\n  });\n}\n",
      errors: [{ messageId: 'install', line: 6, data: { tool: 'dfu-util', action: 'flashes', download: 'http.get' } }],
    },
    {
      lang: 'javascript',
      code: "const { execSync } = require('child_process');\nconst res = await fetch(url);\nawait fs.promises.writeFile('/tmp/pkg.deb', Buffer.from(await res.arrayBuffer()));\nexecSync('dpkg -i /tmp/pkg.deb');\n",
      errors: [{ messageId: 'install', line: 4, data: { tool: 'dpkg install', action: 'installs', download: 'fetch' } }],
    },
    {
      lang: 'yaml', name: 'Greengrass lifecycle curl | sh',
      code: 'Manifests:\n  - Lifecycle:\n      Install:\n        Script: curl -fsSL http://downloads.vendor.com/adapter/install.sh | sh\n        RequiresPrivilege: true\n',
      errors: [{ messageId: 'pipeToShell', line: 4, data: { tool: 'curl' } }],
    },
    {
      lang: 'json', code: '{\n  "Lifecycle": {\n    "Install": "wget -qO- https://get.vendor.io/setup | sudo bash"\n  }\n}\n',
      errors: [{ messageId: 'pipeToShell', line: 3, data: { tool: 'wget' } }],
    },
  ],
});
