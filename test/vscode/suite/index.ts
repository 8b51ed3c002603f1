// Mocha runner loaded by the extension host (extensionTestsPath). Prints a plain summary line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.IOTSEC_TEST_GREP;
  if (grep) mocha.grep(grep);
  const suffix = process.env.IOTSEC_BENCH ? '.bench.js' : process.env.IOTSEC_RESTRICTED ? '.restricted.js' : '.test.js';
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith(suffix)).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed, ${runner.stats?.pending ?? 0} skipped`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
