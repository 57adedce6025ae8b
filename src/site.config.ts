/**
 * Everything personal about the site lives here: fork the repository, edit
 * this file and the `content/` folder, and the site is yours.
 *
 * Values marked PLACEHOLDER are not known yet and must be replaced before the
 * site goes live (the README lists them).
 */

interface SocialLink {
  /** Shown as the link text and used as its accessible name. */
  label: string;
  href: string;
}

interface Discipline {
  title: string;
  description: string;
}

export interface SiteConfig {
  /** Canonical origin, no trailing slash. `SITE_URL` overrides it at build time. */
  url: string;
  /** Sub-path the site is served from ("/" or e.g. "/portfolio/"). `BASE_PATH` overrides it. */
  base: string;
  name: string;
  /** Used for the <html lang> attribute and the RSS feed. */
  locale: string;
  positioning: string;
  subline: string;
  email: string;
  social: SocialLink[];
  seo: {
    /** Appended to every page title except the home page's. */
    titleSuffix: string;
    description: string;
  };
  home: {
    /** Slug of the case study shown as the hero's "Case Snapshot". */
    heroCaseStudy: string;
    /** Case study slugs, in the order the projects section lists them. */
    projects: string[];
    disciplinesIntro: string;
    disciplines: Discipline[];
    projectsIntro: string;
    /** How many article summaries the home page shows. */
    latestArticles: number;
    about: string;
    contact: string;
  };
  /** Each shared by the home page's section and the listing page it leads to. */
  intros: {
    caseStudies: string;
    writing: string;
  };
  footer: string;
}

export const site: SiteConfig = {
  url: 'https://ankit.example.com', // PLACEHOLDER: the deployed origin
  base: '/',
  name: 'Ankit',
  locale: 'en',
  positioning:
    'Senior Backend Engineer specializing in resilient architecture, distributed data, and high-throughput microservices.',
  subline:
    'Partnering with elite teams to architect scalable backends and solve complex infrastructure bottlenecks.',
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
};
