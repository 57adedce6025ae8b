import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completeHeaders, csp, mergePolicies, metaPolicy } from '../../src/lib/security.ts';
import { themeScript } from '../../src/lib/theme-script.ts';

describe('the Content-Security-Policy config', () => {
  it('allows the inline theme script by the hash of its exact bytes', () => {
    const digest = createHash('sha256').update(themeScript).digest('base64');
    expect(csp.scriptDirective.hashes).toEqual([`sha256-${digest}`]);
  });

  it('never allows inline scripts wholesale', () => {
    expect(JSON.stringify(csp)).not.toMatch(/script[^\]]*unsafe-inline/);
    expect(csp.styleDirective.resources.filter((entry) => entry.resource === "'unsafe-inline'").map((entry) => entry.kind)).toEqual([
      'element',
      'attribute',
    ]);
  });
});

describe('metaPolicy', () => {
  it('reads the policy from a built page, entities decoded', () => {
    const html = `<head><meta http-equiv="content-security-policy" content="script-src &#39;self&#39; &#39;sha256-abc=&#39;;"></head>`;
    expect(metaPolicy(html)).toBe("script-src 'self' 'sha256-abc=';");
  });

  it('finds nothing on a page without one', () => {
    expect(metaPolicy('<head><title>x</title></head>')).toBeUndefined();
  });
});

describe('mergePolicies', () => {
  it('keeps one policy that allows what each page allows, sources in first-seen order', () => {
    const merged = mergePolicies(["default-src 'self'; script-src 'self' 'sha256-a'", "default-src 'self'; script-src 'self' 'sha256-b';"]);
    expect(merged).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'");
  });
});

describe('completeHeaders', () => {
  const headers = [
    '/*',
    "  Content-Security-Policy: frame-ancestors 'none'",
    '  X-Content-Type-Options: nosniff',
    '/_astro/*',
    '  Cache-Control: immutable',
  ].join('\n');

  it("appends the pages' policy to the CSP line", () => {
    expect(completeHeaders(headers, "script-src 'self'", '/').split('\n')[1]).toBe(
      "  Content-Security-Policy: frame-ancestors 'none'; script-src 'self'",
    );
  });

  it('moves every rule under the base path', () => {
    const lines = completeHeaders(headers, "script-src 'self'", '/portfolio/').split('\n');
    expect(lines.filter((line) => line.startsWith('/'))).toEqual(['/portfolio/*', '/portfolio/_astro/*']);
  });

  it('refuses a headers file without exactly one CSP line', () => {
    expect(() => completeHeaders('/*\n  X-Content-Type-Options: nosniff', "script-src 'self'", '/')).toThrow(
      /exactly one Content-Security-Policy line/,
    );
  });
});
