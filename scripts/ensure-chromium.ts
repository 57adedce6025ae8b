/**
 * Makes sure a Chromium is available before the build (diagrams) and the tests
 * need one. On a Debian-like machine where we are root it installs Debian's
 * package; anywhere else it says exactly what to do and exits non-zero.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, MISSING_CHROMIUM_HELP } from '../src/lib/chromium.ts';

const found = findChromium();
if (found) {
  process.exit(0);
}

const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (canApt) {
  console.log('No Chromium found: installing Debian\'s chromium package (apt-get)…');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error('apt-get could not install chromium.');
  }
  const installed = findChromium();
  if (installed) {
    console.log(`Chromium ready: ${installed}`);
    process.exit(0);
  }
}

console.error(MISSING_CHROMIUM_HELP);
process.exit(1);
