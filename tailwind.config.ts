/**
 * Design tokens: the palette (light and dark), the type scale and the fonts.
 * The site's CSS and the diagram pipeline both read this file, so a colour
 * changed here changes the pages and every Architecture Flow with it.
 */
import type { Config } from 'tailwindcss';
import plugin from 'tailwindcss/plugin';
import typography from '@tailwindcss/typography';

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

export const fonts = {
  /** Family names as declared by @fontsource-variable (imported in src/styles/global.css). */
  sans: ['"IBM Plex Sans Variable"', 'ui-sans-serif', 'system-ui', 'sans-serif'],
  mono: ['"JetBrains Mono Variable"', 'ui-monospace', 'SFMono-Regular', 'Menlo', 'monospace'],
};

const kebab = (token: string) => token.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The CSS custom property a palette token is published as: onAccent → --color-on-accent. */
export const colourProperty = (token: keyof Palette) => `--color-${kebab(token)}`;

const tokens = Object.keys(palette.light) as (keyof Palette)[];

const declarations = (colours: Palette) => Object.fromEntries(tokens.map((token) => [colourProperty(token), colours[token]]));

/** `bg-surface`, `text-muted`, `border-border`…: every utility resolves through a CSS variable. */
const colours = Object.fromEntries(tokens.map((token) => [kebab(token), `var(${colourProperty(token)})`]));

export default {
  content: ['./src/**/*.{astro,ts,md,mdx}', './content/**/*.{md,mdx}'],
  theme: {
    extend: {
      colors: colours,
      fontFamily: fonts,
      fontSize: {
        // A restrained scale (ratio ≈ 1.2): long-form reading first, display second.
        xs: ['0.8125rem', { lineHeight: '1.25rem' }],
        sm: ['0.875rem', { lineHeight: '1.375rem' }],
        base: ['1rem', { lineHeight: '1.65rem' }],
        lg: ['1.125rem', { lineHeight: '1.75rem' }],
        xl: ['1.3125rem', { lineHeight: '1.875rem' }],
        '2xl': ['1.625rem', { lineHeight: '2.125rem' }],
        '3xl': ['2rem', { lineHeight: '2.5rem' }],
        '4xl': ['2.5rem', { lineHeight: '3rem' }],
      },
      maxWidth: {
        prose: '68ch',
      },
    },
  },
  plugins: [
    typography,
    plugin(({ addBase }) => {
      // The OS preference decides unless the visitor picked a theme with the toggle
      // (data-theme on <html>, set before first paint by the inline theme script).
      addBase({
        ':root': { ...declarations(palette.light), 'color-scheme': 'light' },
        '@media (prefers-color-scheme: dark)': {
          ':root:not([data-theme="light"])': { ...declarations(palette.dark), 'color-scheme': 'dark' },
        },
        ':root[data-theme="dark"]': { ...declarations(palette.dark), 'color-scheme': 'dark' },
      });
    }),
  ],
} satisfies Config;
