/**
 * The little colour arithmetic the theme needs: read the colour literals
 * Mermaid writes (hex, rgb(), hsl(), a few keywords), compare them, and make
 * the sentinel colours the diagrams are rendered with.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0–1. */
  a: number;
}

export interface Hsl {
  /** 0–360. */
  h: number;
  /** 0–100. */
  s: number;
  /** 0–100. */
  l: number;
}

/** The keywords Mermaid's renderers and default config actually use. */
const NAMED_COLOURS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  grey: '#808080',
  gray: '#808080',
  lightgrey: '#d3d3d3',
  lightgray: '#d3d3d3',
  darkgrey: '#a9a9a9',
  darkgray: '#a9a9a9',
  navy: '#000080',
  lightgreen: '#90ee90',
  green: '#008000',
  blue: '#0000ff',
  orange: '#ffa500',
  yellow: '#ffff00',
  purple: '#800080',
  silver: '#c0c0c0',
};

/** Matches one colour literal inside a CSS value or an attribute. */
export const COLOUR_LITERAL =
  /#[0-9a-fA-F]{8}\b|#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3,4}\b|\b(?:rgba?|hsla?)\([^()]*\)|\b(?:white|black|red|grey|gray|lightgrey|lightgray|darkgrey|darkgray|navy|lightgreen|green|blue|orange|yellow|purple|silver)\b/g;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function parseHex(hex: string): Rgba | undefined {
  const digits = hex.slice(1);
  const expanded = digits.length <= 4 ? [...digits].map((digit) => digit + digit).join('') : digits;
  if (!/^[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(expanded)) return undefined;
  const channel = (index: number) => Number.parseInt(expanded.slice(index, index + 2), 16);
  return { r: channel(0), g: channel(2), b: channel(4), a: expanded.length === 8 ? channel(6) / 255 : 1 };
}

/** "50%" → 0.5 of `scale`; "0.5" → 0.5 (alpha) or the number itself (channels). */
function parseComponent(text: string, percentScale: number): number {
  const trimmed = text.trim();
  return trimmed.endsWith('%') ? (Number.parseFloat(trimmed) / 100) * percentScale : Number.parseFloat(trimmed);
}

export function hslToRgb({ h, s, l }: Hsl): Omit<Rgba, 'a'> {
  const saturation = clamp(s, 0, 100) / 100;
  const lightness = clamp(l, 0, 100) / 100;
  const chroma = saturation * Math.min(lightness, 1 - lightness);
  const channel = (offset: number) => {
    const k = (offset + (((h % 360) + 360) % 360) / 30) % 12;
    return 255 * (lightness - chroma * Math.max(Math.min(k - 3, 9 - k, 1), -1));
  };
  return { r: channel(0), g: channel(8), b: channel(4) };
}

export function rgbToHsl({ r, g, b }: Pick<Rgba, 'r' | 'g' | 'b'>): Hsl {
  const [red, green, blue] = [r / 255, g / 255, b / 255];
  const max = Math.max(red, green, blue);
  const min = Math.min(red, green, blue);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l: l * 100 };
  const delta = max - min;
  const s = l > 0.5 ? delta / (2 - max - min) : delta / (max + min);
  const h =
    max === red ? (green - blue) / delta + (green < blue ? 6 : 0) : max === green ? (blue - red) / delta + 2 : (red - green) / delta + 4;
  return { h: h * 60, s: s * 100, l: l * 100 };
}

/** Parses a colour literal; `undefined` for anything that is not one (url(), none, var()…). */
export function parseColour(literal: string): Rgba | undefined {
  const text = literal.trim().toLowerCase();
  const named = NAMED_COLOURS[text];
  if (named) return parseHex(named);
  if (text.startsWith('#')) return parseHex(text);
  const functional = /^(rgba?|hsla?)\(([^()]*)\)$/.exec(text);
  if (!functional) return undefined;
  const [, kind = '', body = ''] = functional;
  const [colourPart = '', alphaPart] = body.split('/');
  const parts = colourPart.split(/[\s,]+/).filter(Boolean);
  const alphaText = alphaPart ?? parts[3];
  const a = alphaText === undefined ? 1 : clamp(parseComponent(alphaText, 1), 0, 1);
  if (parts.length < 3) return undefined;
  const [first = '', second = '', third = ''] = parts;
  if (kind.startsWith('rgb')) {
    return { r: parseComponent(first, 255), g: parseComponent(second, 255), b: parseComponent(third, 255), a };
  }
  const rgb = hslToRgb({ h: Number.parseFloat(first), s: Number.parseFloat(second), l: Number.parseFloat(third) });
  return { ...rgb, a };
}

export function toHex({ r, g, b }: Pick<Rgba, 'r' | 'g' | 'b'>): string {
  return `#${[r, g, b]
    .map((channel) =>
      Math.round(clamp(channel, 0, 255))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** WCAG relative luminance, 0 (black) – 1 (white). */
export function luminance({ r, g, b }: Pick<Rgba, 'r' | 'g' | 'b'>): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Shortest distance between two hues, in degrees. */
export function hueDistance(first: number, second: number): number {
  const difference = Math.abs((((first - second) % 360) + 360) % 360);
  return Math.min(difference, 360 - difference);
}
