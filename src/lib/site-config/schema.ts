/**
 * The shape of src/site.config.ts, checked when the config is loaded (by the
 * build, the dev server, the scripts and the tests alike). Modelled on
 * Starlight's user config: every field says what it is for, optional fields
 * have defaults, and a mistake stops everything with the file, the line, the
 * field and the fix, not with a type error three files away.
 */
import { z } from 'astro/zod';
import { lineOfPath, readConfigSource, SITE_CONFIG_FILE } from './source.ts';

const text = (what: string) =>
  z
    .string({ error: `required: ${what}.` })
    .trim()
    .min(1, { error: `must not be empty: ${what}.` });

const absoluteUrl = (what: string) =>
  text(what).refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    error: `must be an absolute http(s) URL: ${what}.`,
  });

const caseStudySlug = text('the slug of a case study, its file name in content/case-studies/ without .mdx').regex(
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  {
    error: 'must be a slug (lower case, words joined by dashes): the file name in content/case-studies/ without .mdx.',
  },
);

const SocialLinkSchema = z.strictObject({
  label: text('the link text, e.g. "GitHub"'),
  href: absoluteUrl('the profile address'),
});

const DisciplineSchema = z.strictObject({
  title: text('the discipline, a few words'),
  description: text('one or two sentences on it'),
});

/** Words of the site's own, not the author's prose: section titles, button labels, listing copy. */
const LabelsSchema = z
  .strictObject({
    sections: z
      .strictObject({
        disciplines: text("the title of the home page's disciplines section").default('Core disciplines'),
        projects: text('the title of the projects section').default('Projects'),
        caseStudies: text('the title of the case studies section and page').default('Case studies'),
        writing: text('the title of the writing section and page').default('Writing'),
        about: text('the title of the about section').default('About'),
        contact: text('the title of the contact section').default('Contact'),
      })
      .prefault({}),
    actions: z
      .strictObject({
        readCaseStudies: text("the hero's main button").default('Read the case studies'),
        getInTouch: text("the hero's second button").default('Get in touch'),
        allWriting: text('the link under the latest writing').default('All writing, by topic'),
        portfolioPdf: text('the link to /portfolio.pdf').default('Portfolio (PDF)'),
        caseStudyPdf: text("the link to a case study's PDF").default('Download this case study (PDF)'),
        email: text('the email button; {email} is replaced by the address').default('Email {email}'),
      })
      .prefault({}),
    caseStudyEnd: text('the heading of the block that ends a case study').default('Next step'),
    onThisPage: text("the title of a case study's table of contents").default('On this page'),
    notFound: z
      .strictObject({
        title: text("the 404 page's title").default('Page not found'),
        intro: text("the 404 page's line").default('There is no page at this address. It may have moved, or the link may be mistyped.'),
      })
      .prefault({}),
    topicPage: z
      .strictObject({
        title: text("a topic page's title; {topic} is replaced by the topic").default('Writing on {topic}'),
        intro: text("a topic page's line; {count} and {articles} are replaced").default('{count} {articles} filed under {topic}.'),
      })
      .prefault({}),
  })
  .prefault({});

export const SiteConfigSchema = z.strictObject({
  /** Canonical origin, no trailing slash. `SITE_URL` overrides it at build time. */
  url: absoluteUrl('the origin the site is served from, e.g. https://you.dev').refine((value) => !value.endsWith('/'), {
    error: 'must not end with "/": write the origin only, e.g. https://you.dev.',
  }),
  /** Sub-path the site is served from ("/" or e.g. "/portfolio/"). `BASE_PATH` overrides it. */
  base: z
    .string()
    .regex(/^\/(?:.*\/)?$/, { error: 'must start and end with "/", e.g. "/" or "/portfolio/".' })
    .default('/'),
  name: text('your name, as the header and footer show it'),
  /** Used for the <html lang> attribute and the RSS feed. */
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, { error: 'must be a language tag, e.g. "en" or "en-GB".' })
    .default('en'),
  positioning: text("the one line that says who you are: the hero's headline"),
  subline: text('the line under the headline'),
  email: z.email({ error: 'must be an email address, e.g. you@your-domain.dev.' }),
  social: z.array(SocialLinkSchema).default([]),
  seo: z.strictObject({
    /** Appended to every page title except the home page's. */
    titleSuffix: text("the home page's title, added to every other page's"),
    description: text('the description search results and link previews show'),
  }),
  home: z.strictObject({
    /** Slug of the case study shown as the hero's "Case Snapshot". */
    heroCaseStudy: caseStudySlug,
    /** Case study slugs, in the order the projects section lists them. */
    projects: z.array(caseStudySlug).min(1, { error: 'must name at least one case study.' }),
    disciplinesIntro: text('the line under the disciplines title'),
    disciplines: z.array(DisciplineSchema).min(1, { error: 'must list at least one discipline.' }),
    projectsIntro: text('the line under the projects title'),
    /** How many article summaries the home page shows. */
    latestArticles: z.int({ error: 'must be a whole number.' }).positive({ error: 'must be 1 or more.' }).default(3),
    about: text('the about paragraph'),
    contact: text('the contact call to action'),
  }),
  /** Each shared by the home page's section and the listing page it leads to. */
  intros: z.strictObject({
    caseStudies: text('the line under the case studies title'),
    writing: text('the line under the writing title'),
  }),
  footer: text('the footer line, e.g. "© 2026 Your Name."'),
  labels: LabelsSchema,
});

/** What the config file may leave out (defaults fill it in). */
export type SiteConfigInput = z.input<typeof SiteConfigSchema>;
/** What the site reads: every default filled in. */
export type SiteConfig = z.output<typeof SiteConfigSchema>;

/** Each problem as `src/site.config.ts:LINE  path: message`, the line of the field where it can be found. */
export function configErrors(error: z.ZodError, source: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const line = lineOfPath(source, path);
    const where = line ? `${SITE_CONFIG_FILE}:${line}` : SITE_CONFIG_FILE;
    const name = path.join('.') || '(the config)';
    const message =
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.join(', ')}: not a field of the site config: check the spelling against src/lib/site-config/schema.ts.`
        : issue.message;
    return `${where}  ${name}: ${message}`;
  });
}

/** Checks the config and fills in its defaults; a bad config stops the build, the dev server and every script at once. */
export function defineSiteConfig(config: SiteConfigInput): SiteConfig {
  const parsed = SiteConfigSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  const source = readConfigSource();
  throw new Error(`The site config does not match its schema:\n${configErrors(parsed.error, source).join('\n')}`);
}
