// The desk's theme choices (renderer/src/app/theme.ts): shade 8 for filled colours and darker greys for dimmed,
// error and placeholder text, because Mantine's defaults fall under WCAG's 4.5:1 contrast on white. A little
// larger than the desk: the portal is read on a phone, on site.
import { createTheme, defaultCssVariablesResolver, type CSSVariablesResolver } from '@mantine/core';

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: FONT,
  defaultRadius: 'sm',
  cursorType: 'pointer',
  // Transitions off for those who asked their system for less motion.
  respectReducedMotion: true,
  headings: {
    fontFamily: FONT,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.125rem', lineHeight: '1.4' },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const base = defaultCssVariablesResolver(t);
  return {
    variables: base.variables,
    light: {
      ...base.light,
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      // Red 9: the error texts sit on white cards and on the grey page.
      '--mantine-color-error': 'var(--mantine-color-red-9)',
      '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
      // Teal's light variant (the "done" notices): teal 9 on tint 1 is 4.3:1, on tint 0 it passes.
      '--mantine-color-teal-light': 'var(--mantine-color-teal-0)',
      '--mantine-color-teal-light-color': 'var(--mantine-color-teal-9)',
      // Orange's light variant ("invited", "choose a password"): a deeper orange for the text, as the desk has.
      '--mantine-color-orange-light-color': '#a63c06',
      // Links in blue 9, so that they read at 4.5:1 on the light tints of alerts too.
      '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
      // A subtle blue button (a download in the archive) under the pointer: blue 9 on Mantine's hover tint (blue 2)
      // reads at 4.0:1; on blue 0 it reads at 5.5:1.
      '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-0)',
    },
    dark: base.dark,
  };
};
