/**
 * html-validate over the built pages (npm run test:html): the recommended
 * rules, with one allowance.
 */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Shiki scrolls each code block with an inline `overflow-x: auto` (its colours are
    // custom properties, which the rule allows). The CSP permits style attributes for it.
    'no-inline-style': ['error', { allowedProperties: ['display', 'overflow-x'] }],
  },
};
