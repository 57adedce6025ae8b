/**
 * src/site.config.ts is checked against its schema, with defaults and
 * messages that name the line; its placeholders are found, each with its line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { site } from '../../src/site.config.ts';
import { configErrors, defineSiteConfig, SiteConfigSchema, type SiteConfigInput } from '../../src/lib/site-config/schema.ts';
import { findPlaceholders, isPlaceholderValue, placeholderReport } from '../../src/lib/site-config/placeholders.ts';
import { lineOfPath } from '../../src/lib/site-config/source.ts';

const source = readFileSync(new URL('../../src/site.config.ts', import.meta.url), 'utf8');
const lineOf = (text: string) => source.split('\n').findIndex((line) => line.includes(text)) + 1;

/** The smallest config a fork could write: everything optional left to its default. */
const minimal: SiteConfigInput = {
  url: 'https://jane.dev',
  name: 'Jane',
  positioning: 'Backend engineer.',
  subline: 'Builds things.',
  email: 'jane@jane.dev',
  seo: { titleSuffix: 'Jane', description: 'Jane builds things.' },
  home: {
    heroCaseStudy: 'ledger',
    projects: ['ledger'],
    disciplinesIntro: 'What I do.',
    disciplines: [{ title: 'Data', description: 'Databases.' }],
    projectsIntro: 'Projects.',
    about: 'About me.',
    contact: 'Write to me.',
  },
  intros: { caseStudies: 'Case studies.', writing: 'Writing.' },
  footer: '© Jane',
};

describe('the site config schema', () => {
  test('fills in every default', () => {
    const parsed = SiteConfigSchema.parse(minimal);
    expect(parsed).toMatchObject({ base: '/', locale: 'en', social: [], home: { latestArticles: 3 } });
    expect(parsed.labels.sections).toMatchObject({ disciplines: 'Core disciplines', contact: 'Contact' });
    expect(parsed.labels.actions.caseStudyPdf).toBe('Download this case study (PDF)');
  });

  test('the real config passes, its labels as written', () => {
    expect(site.labels.actions.readCaseStudies).toBe('Read the case studies');
    expect(site.home.projects).toHaveLength(3);
  });

  test('a mistake names the file, the line, the field and the fix', () => {
    const bad = {
      ...minimal,
      email: 'not an address',
      home: { ...minimal.home, latestArticles: 0 },
      colour: 'blue',
    } as unknown as SiteConfigInput;
    const result = SiteConfigSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = configErrors(result.error!, source);
    expect(messages).toContain(`src/site.config.ts:${lineOf("email: '")}  email: must be an email address, e.g. you@your-domain.dev.`);
    expect(messages).toContain(`src/site.config.ts:${lineOf('latestArticles:')}  home.latestArticles: must be 1 or more.`);
    expect(messages.some((message) => message.includes('colour: not a field of the site config'))).toBe(true);
    expect(() => defineSiteConfig(bad)).toThrow(/The site config does not match its schema:\nsrc\/site\.config\.ts:\d+ {2}/);
  });

  test('a url with a trailing slash or no scheme is refused', () => {
    expect(SiteConfigSchema.safeParse({ ...minimal, url: 'https://jane.dev/' }).error?.issues[0]?.message).toMatch(
      /must not end with "\/"/,
    );
    expect(SiteConfigSchema.safeParse({ ...minimal, url: 'jane.dev' }).error?.issues[0]?.message).toMatch(/absolute http\(s\) URL/);
  });
});

describe('placeholders', () => {
  test('reserved example domains and "your-handle" are placeholders; real addresses are not', () => {
    for (const value of ['https://ankit.example.com', 'ankit@example.com', 'https://github.com/your-handle', 'https://site.example/']) {
      expect(isPlaceholderValue(value), value).toBe(true);
    }
    for (const value of ['https://jane.dev', 'jane@jane.dev', 'https://github.com/jane', 'https://examples.dev']) {
      expect(isPlaceholderValue(value), value).toBe(false);
    }
  });

  test('each placeholder of the real config is found with its line', () => {
    const found = findPlaceholders(site, source);
    expect(found).toEqual([
      { path: 'url', value: 'https://ankit.example.com', line: lineOf("url: 'https://ankit.example.com'") },
      { path: 'email', value: 'ankit@example.com', line: lineOf("email: 'ankit@example.com'") },
      { path: 'social.0.href', value: 'https://github.com/your-handle', line: lineOf('github.com/your-handle') },
      { path: 'social.1.href', value: 'https://www.linkedin.com/in/your-handle', line: lineOf('linkedin.com/in/your-handle') },
    ]);
    expect(placeholderReport(found).split('\n')).toHaveLength(5);
  });

  test("the origin a build is given (SITE_URL) stands in for the config's url", () => {
    expect(findPlaceholders(site, source, 'https://owner.github.io').map((placeholder) => placeholder.path)).not.toContain('url');
  });

  test('a config with none has none', () => {
    expect(findPlaceholders(SiteConfigSchema.parse(minimal), '')).toEqual([]);
  });

  test('lines are found through nested objects and arrays', () => {
    expect(lineOfPath(source, ['home', 'disciplines', '1', 'title'])).toBe(lineOf("title: 'Distributed data'"));
    expect(lineOfPath(source, ['labels', 'actions', 'email'])).toBe(lineOf("email: 'Email {email}'"));
  });
});
