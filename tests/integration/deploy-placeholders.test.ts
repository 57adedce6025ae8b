/**
 * A production deploy refuses the site config's placeholder values: the
 * deploy workflow's gate exits non-zero naming each with its line, and a
 * build with PORTFOLIO_DEPLOY=production (as the workflow builds) stops,
 * while a local build only warns.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, test } from 'vitest';
import sitePlaceholders from '../../src/lib/site-config/integration.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const workflow = readFileSync(new URL('../../.github/workflows/deploy.yml', import.meta.url), 'utf8');

describe('a production deploy refuses placeholder values', () => {
  test('the deploy workflow checks before it builds, and builds for production', () => {
    const gate = workflow.indexOf('run: npm run check:placeholders');
    const build = workflow.indexOf('run: npm run build');
    expect(gate, 'the workflow runs the placeholder gate').toBeGreaterThan(0);
    expect(gate).toBeLessThan(build);
    expect(workflow.indexOf('upload-pages-artifact')).toBeGreaterThan(build);
    expect(workflow.slice(build, workflow.indexOf('upload-pages-artifact'))).toMatch(/PORTFOLIO_DEPLOY: production/);
    const scripts = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts as Record<string, string>;
    expect(scripts['check:placeholders']).toBe('node scripts/check-placeholders.ts');
  });

  test('the gate exits non-zero, naming each placeholder with its file and line', () => {
    // As in the workflow: SITE_URL is the Pages origin, so the config's url is not what goes live.
    const run = spawnSync(process.execPath, ['scripts/check-placeholders.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SITE_URL: 'https://owner.github.io' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Not deploying: src/site.config.ts still holds 3 placeholder values');
    expect(run.stderr).toMatch(/src\/site\.config\.ts:\d+ {2}email: "ankit@example\.com"/);
    expect(run.stderr).toMatch(/src\/site\.config\.ts:\d+ {2}social\.1\.href: "https:\/\/www\.linkedin\.com\/in\/your-handle"/);
    expect(run.stderr).not.toMatch(/ url: /);
  });

  test('a build for production stops; a local build warns once, listing each', () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as AstroIntegrationLogger;
    const hook = sitePlaceholders().hooks['astro:config:done']!;
    const options = { config: { site: 'https://ankit.example.com' }, logger } as unknown as Parameters<typeof hook>[0];

    void hook(options);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.split('\n')).toHaveLength(5);

    const previous = process.env['PORTFOLIO_DEPLOY'];
    process.env['PORTFOLIO_DEPLOY'] = 'production';
    try {
      expect(() => hook(options)).toThrow(
        /Refusing a production build \(PORTFOLIO_DEPLOY=production\)[\s\S]*src\/site\.config\.ts:\d+ {2}email/,
      );
    } finally {
      if (previous === undefined) delete process.env['PORTFOLIO_DEPLOY'];
      else process.env['PORTFOLIO_DEPLOY'] = previous;
    }
  });
});
