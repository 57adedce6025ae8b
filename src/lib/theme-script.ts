/**
 * Runs inline in <head> before the first paint (see BaseLayout): applies the
 * theme the visitor chose last time, if any, so the page never flashes the
 * other one. It lives here as a string because the Content-Security-Policy
 * allows it by hash (src/lib/security.ts), and the hash must be of exactly
 * these bytes.
 */
export const themeScript = `try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {}`;
