// Makes sure Debian's Chromium is there before the browser tests run; never skips them.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `${CHROMIUM} is missing: run "apt-get install -y chromium" as root, then npm test again.`,
    );
    process.exit(1);
  }
  console.log(`${CHROMIUM} is missing: installing the Debian package "chromium".`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' });
  if (!existsSync(CHROMIUM)) {
    console.error(`apt-get install chromium finished but ${CHROMIUM} is still missing.`);
    process.exit(1);
  }
}
