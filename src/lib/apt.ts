/**
 * Installs a Debian package when a tool the build or the tests need is
 * missing — only where that is safe to do unasked: a Debian-like machine where
 * we already run as root (a CI container, a fresh VM). Everywhere else the
 * caller prints what to run instead.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function canAptInstall(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/** Runs `apt-get update` and one `apt-get install -y <packages…>`; false if apt-get failed. */
export function aptInstall(debianPackages: readonly string[]): boolean {
  const named = debianPackages.join(' ');
  console.log(`Installing Debian's ${named} (apt-get)…`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...debianPackages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    console.error(`apt-get could not install ${named}.`);
    return false;
  }
}
