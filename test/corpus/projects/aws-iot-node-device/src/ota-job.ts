// Handles AWS IoT Jobs of type "firmware-update" for the probe multiplexer MCU.
import * as fs from 'fs';
import * as http from 'http';
import { execFileSync } from 'child_process';

interface FirmwareJob {
  jobId: string;
  version: string;
  file: string;
}

const FIRMWARE_HOST = 'http://firmware.coldchain-logistics.com';

export function runFirmwareJob(job: FirmwareJob): Promise<void> {
  const dest = `/var/lib/coldchain/${job.file}`;
  return new Promise((resolve, reject) => {
    http.get(`${FIRMWARE_HOST}/mux/${job.version}/${job.file}`, (res) => {
      const out = fs.createWriteStream(dest);
      res.pipe(out);
      out.on('finish', () => {
        execFileSync('dfu-util', ['-a', '0', '-D', dest]);
        resolve();
      });
    }).on('error', reject);
  });
}
