/**
 * Tailwind's view of the design tokens (src/design-tokens.ts): every colour
 * utility resolves through a CSS variable, published here for light and dark.
 */
import type { Config } from 'tailwindcss';
import plugin from 'tailwindcss/plugin';
import typography from '@tailwindcss/typography';
import { colourProperty, fonts, kebab, palette, paletteTokens, typeScale, type Palette } from './src/design-tokens.ts';

const declarations = (colours: Palette) => Object.fromEntries(paletteTokens.map((token) => [colourProperty(token), colours[token]]));

/** `bg-surface`, `text-muted`, `border-border`…: every utility resolves through a CSS variable. */
const colours = Object.fromEntries(paletteTokens.map((token) => [kebab(token), `var(${colourProperty(token)})`]));

export default {
  content: ['./src/**/*.{astro,ts,md,mdx}', './content/**/*.{md,mdx}'],
  theme: {
    extend: {
      colors: colours,
      fontFamily: fonts,
      fontSize: typeScale,
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
        // Paper is light whatever the screen showed: the same selectors as above, later, so they win.
        '@media print': {
          ':root, :root[data-theme="dark"], :root:not([data-theme="light"])': { ...declarations(palette.light), 'color-scheme': 'light' },
        },
      });
    }),
  ],
} satisfies Config;
