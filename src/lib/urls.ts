/**
 * Internal links go through here so the site works under a base path
 * (GitHub Pages serves it from /<repo>/).
 */
export function joinBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const trimmedPath = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${trimmedPath}`;
}

export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** An absolute URL for a path that already carries the base (what routes give), for crawlers and feeds. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(path, site).href;
}

export const routes = {
  home: () => href('/'),
  caseStudies: () => href('/case-studies/'),
  caseStudy: (slug: string) => href(`/case-studies/${slug}/`),
  /** Made at build time from the page's print stylesheet (src/lib/print/). */
  caseStudyPdf: (slug: string) => href(`/case-studies/${slug}.pdf`),
  /** The profile and every case study in one file, for a hiring panel (printed from /portfolio/, src/lib/print/). */
  portfolio: () => href('/portfolio/'),
  portfolioPdf: () => href('/portfolio.pdf'),
  writing: () => href('/writing/'),
  topic: (topic: string) => href(`/writing/${topic}/`),
  /** Articles have no page of their own: they live on /writing/, one anchor each. */
  article: (slug: string) => href(`/writing/#${slug}`),
  rss: () => href('/rss.xml'),
  section: (id: string) => href(`/#${id}`),
  /** A diagram at its natural size, on a page of its own (src/pages/diagrams/[id].astro). */
  diagram: (id: string) => href(`/diagrams/${id}/`),
  /** The author's drawing at natural size, as a file of its own, for the browser to zoom (src/pages/diagrams/[id].svg.ts). */
  diagramFile: (id: string) => href(`/diagrams/${id}.svg`),
};
