/**
 * Astro's command-line entry point, to run with this script's own Node
 * (`spawn(process.execPath, [astroCli, …])`): Node 24 from node_modules,
 * whatever `node` is first on the PATH, and one process, so killing it stops
 * the command.
 */
import { fileURLToPath } from 'node:url';

export const astroCli = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
