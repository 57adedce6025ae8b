/**
 * Everything personal about the site lives here: fork the repository, edit
 * this file and the `content/` folder, and the site is yours.
 *
 * Values marked PLACEHOLDER are not known yet and must be replaced before the
 * site goes live: every build lists those left in one warning, and the deploy
 * workflow refuses to publish while any remain (the README says more).
 */

import { defineSiteConfig } from './lib/site-config/schema.ts';

export type { SiteConfig } from './lib/site-config/schema.ts';

/** Checked against its schema (src/lib/site-config/schema.ts) when loaded: a mistake names its line here. */
export const site = defineSiteConfig({
  url: 'https://ankit.example.com', // PLACEHOLDER: the deployed origin
  base: '/',
  name: 'Ankit',
  locale: 'en',
  positioning: 'Senior Backend Engineer specializing in resilient architecture, distributed data, and high-throughput microservices.',
  subline: 'Partnering with elite teams to architect scalable backends and solve complex infrastructure bottlenecks.',
  email: 'ankit@example.com', // PLACEHOLDER: a real address
  social: [
    { label: 'GitHub', href: 'https://github.com/your-handle' }, // PLACEHOLDER
    { label: 'LinkedIn', href: 'https://www.linkedin.com/in/your-handle' }, // PLACEHOLDER
  ],
  seo: {
    titleSuffix: 'Ankit, Senior Backend Engineer',
    description:
      'Senior Backend Engineer specializing in resilient architecture, distributed data, and high-throughput microservices. Case studies with architecture diagrams, constraints, decisions and trade-offs.',
  },
  home: {
    heroCaseStudy: 'telemetry-pipeline',
    projects: ['sliding-window-rate-limiter', 'telemetry-pipeline', 'cqrs-ledger'],
    disciplinesIntro: 'The core disciplines I leverage to build enterprise-grade infrastructure.',
    disciplines: [
      {
        title: 'Resilient architecture',
        description:
          'Failure is designed in from the start: timeouts, back-pressure, idempotent retries and graceful degradation, so one slow dependency never takes the rest down.',
      },
      {
        title: 'Distributed data',
        description:
          'Partitioning, replication and consistency chosen per workload, from append-only event logs to ledgers that must balance to the cent.',
      },
      {
        title: 'High-throughput microservices',
        description:
          'Services that stay predictable under bursty load, with clear ownership boundaries, explicit contracts and capacity planned from measurement.',
      },
      {
        title: 'Observability',
        description:
          'Metrics, traces and structured logs that answer the on-call question quickly, so systems stay understandable in production.',
      },
    ],
    projectsIntro: 'Deep dives into complex systems I have designed, scaled, and maintained in production.',
    latestArticles: 3,
    about:
      'I do my best work in teams that value ownership, calm incident response, and pragmatic architecture. I care about building systems that are understandable under load, observable in production, and easy for engineers to evolve without fear.',
    contact:
      'Whether you are scaling an MVP to enterprise readiness or restructuring a legacy monolith, I am ready to engineer the solution.',
  },
  intros: {
    caseStudies: 'Recruiter-friendly architecture snapshots with explicit constraints, decisions, and trade-offs.',
    writing: 'Summaries of recent articles on system design and backend engineering.',
  },
  footer: '© 2026 Ankit. All engineering rights reserved.',
  /** The site's own words around the author's: section titles, buttons, listing copy. Each has a default. */
  labels: {
    sections: {
      disciplines: 'Core disciplines',
      projects: 'Projects',
      caseStudies: 'Case studies',
      writing: 'Writing',
      about: 'About',
      contact: 'Contact',
    },
    actions: {
      readCaseStudies: 'Read the case studies',
      getInTouch: 'Get in touch',
      allWriting: 'All writing, by topic',
      portfolioPdf: 'Portfolio (PDF)',
      caseStudyPdf: 'Download this case study (PDF)',
      email: 'Email {email}',
    },
    caseStudyEnd: 'Next step',
    onThisPage: 'On this page',
    notFound: {
      title: 'Page not found',
      intro: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    },
    topicPage: {
      title: 'Writing on {topic}',
      intro: '{count} {articles} filed under {topic}.',
    },
  },
});
