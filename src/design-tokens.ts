/**
 * Design tokens: the palette (light and dark), the type scale and the fonts
 * with their files. Everything that draws reads them from here — the site's
 * CSS (through tailwind.config.ts), the diagram pipeline, the Open Graph cards
 * and the diagram bench — so a colour changed here changes the pages, every
 * diagram and every preview card with it.
 */

export interface Palette {
  /** Page background. */
  bg: string;
  /** Cards, code blocks, diagram nodes. */
  surface: string;
  /** Subtle fills: chips, table stripes, diagram clusters. */
  subtle: string;
  /** Hairlines and card borders. */
  border: string;
  /** Body text. */
  text: string;
  /** Secondary text: captions, metadata. */
  muted: string;
  /** Links, focus rings, diagram edges' emphasis. */
  accent: string;
  /** Text placed on an accent fill. */
  onAccent: string;
  /** A second hue, for diagrams that need to tell two kinds of thing apart. */
  accent2: string;
}

export const palette: { light: Palette; dark: Palette } = {
  light: {
    bg: '#fbfaf7',
    surface: '#ffffff',
    subtle: '#f1efe9',
    border: '#dedad1',
    text: '#1b1d21',
    muted: '#545a63',
    accent: '#1d5b8c',
    onAccent: '#ffffff',
    accent2: '#8a4b12',
  },
  dark: {
    bg: '#0e1116',
    surface: '#151a21',
    subtle: '#1c232c',
    border: '#2c3540',
    text: '#e5e8ec',
    muted: '#9ba5b1',
    accent: '#7ab8e8',
    onAccent: '#0e1116',
    accent2: '#e3a869',
  },
};

export type PaletteToken = keyof Palette;

export const paletteTokens = Object.keys(palette.light) as PaletteToken[];

/** A token's name in CSS: onAccent → on-accent. */
export const kebab = (token: string) => token.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The CSS custom property a palette token is published as: onAccent → --color-on-accent. */
export const colourProperty = (token: PaletteToken) => `--color-${kebab(token)}`;

/**
 * The one self-hosted face: the family name its @fontsource-variable package
 * declares (src/styles/global.css imports its stylesheet), and the file that
 * draws Latin text, which pages preload and diagrams are measured with.
 *
 * Code and small labels take the system's monospace. A second web face cost a
 * phone on a slow network more than it gave: 41 KB more to fetch and decode
 * before the largest text settles (Lighthouse's LCP went from ≈ 1,360 ms to
 * ≈ 1,660 ms on `/` and a case study; docs/benchmarks.md, "Paint cost").
 */
export const fontFaces = {
  sans: {
    family: 'IBM Plex Sans Variable',
    stylesheet: '@fontsource-variable/ibm-plex-sans/index.css',
    latinFile: '@fontsource-variable/ibm-plex-sans/files/ibm-plex-sans-latin-wght-normal.woff2',
  },
} as const;

/** The CSS font-family lists: the face first, then what the system has. */
export const fonts = {
  sans: [`"${fontFaces.sans.family}"`, 'ui-sans-serif', 'system-ui', 'sans-serif'],
  mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', '"Liberation Mono"', 'monospace'],
};

/** A font-family list as one CSS value. */
export const fontStack = (font: keyof typeof fonts) => fonts[font].join(', ');

/**
 * The Open Graph cards' font: static cuts of the same family, because satori
 * draws a variable font only at its default weight.
 */
export const ogFont = {
  family: 'IBM Plex Sans',
  files: [
    { weight: 400, file: '@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-400-normal.woff' },
    { weight: 600, file: '@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-600-normal.woff' },
  ],
} as const;

/** A restrained type scale (ratio ≈ 1.2): long-form reading first, display second. */
export const typeScale: Record<string, [fontSize: string, { lineHeight: string }]> = {
  xs: ['0.8125rem', { lineHeight: '1.25rem' }],
  sm: ['0.875rem', { lineHeight: '1.375rem' }],
  base: ['1rem', { lineHeight: '1.65rem' }],
  lg: ['1.125rem', { lineHeight: '1.75rem' }],
  xl: ['1.3125rem', { lineHeight: '1.875rem' }],
  '2xl': ['1.625rem', { lineHeight: '2.125rem' }],
  '3xl': ['2rem', { lineHeight: '2.5rem' }],
  '4xl': ['2.5rem', { lineHeight: '3rem' }],
};
