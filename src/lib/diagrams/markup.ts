/** Shared by the SVG rewriting steps (ids.ts, theme.ts). */

/** An opening tag; attribute values may hold `>` (HTML serialisation does not escape it). */
export const START_TAG = /<[a-zA-Z](?:[^<>"']|"[^"]*"|'[^']*')*>/g;
