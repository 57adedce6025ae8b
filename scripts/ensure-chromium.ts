/**
 * Makes sure a Chromium is available before the build (diagrams) and the tests
 * need one. On a Debian-like machine where we are root it installs Debian's
 * package; anywhere else it says exactly what to do and exits non-zero.
 */
import { aptInstall, canAptInstall } from '../src/lib/apt.ts';
import { findChromium, MISSING_CHROMIUM_HELP } from '../src/lib/chromium.ts';

const found = findChromium();
if (found) {
  process.exit(0);
}

if (canAptInstall() && aptInstall('chromium')) {
  const installed = findChromium();
  if (installed) {
    console.log(`Chromium ready: ${installed}`);
    process.exit(0);
  }
}

console.error(MISSING_CHROMIUM_HELP);
process.exit(1);
