/**
 * Makes sure the programs named (scripts/tools.ts) are on the machine before
 * the build or the tests need them. What is missing is installed in one
 * apt-get call where that is safe to do unasked (root on Debian/Ubuntu);
 * anywhere else it says exactly what to do and exits non-zero.
 *
 * Usage: node scripts/ensure-tools.ts chromium [redis-server]
 */
import { aptInstall, canAptInstall } from '../src/lib/apt.ts';
import { TOOLS, type ToolName } from './tools.ts';

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in TOOLS));
if (names.length === 0 || unknown.length > 0) {
  console.error(
    `Usage: node scripts/ensure-tools.ts ${Object.keys(TOOLS).join(' ')}${unknown.length ? `\nUnknown: ${unknown.join(', ')}` : ''}`,
  );
  process.exit(2);
}

const missing = () => (names as ToolName[]).filter((name) => !TOOLS[name].find());
if (missing().length > 0 && canAptInstall()) aptInstall(missing().map((name) => TOOLS[name].debianPackage));

const stillMissing = missing();
for (const name of stillMissing) console.error(TOOLS[name].missingHelp);
process.exit(stillMissing.length > 0 ? 1 : 0);
