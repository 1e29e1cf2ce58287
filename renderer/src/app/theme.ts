// A calm, dense theme for a screen someone reads all day. Shade 8 for filled colours and darker "dimmed",
// error and placeholder greys, and for text on light tints, because Mantine's defaults fall under WCAG's 4.5:1
// contrast on white.
import { createTheme, defaultCssVariablesResolver, type CSSVariablesResolver } from '@mantine/core';

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: FONT,
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  headings: {
    fontFamily: FONT,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.375rem', lineHeight: '1.3' },
      h2: { fontSize: '1rem', lineHeight: '1.4' },
      h3: { fontSize: '0.875rem', lineHeight: '1.4' },
    },
  },
  components: {
    Button: { defaultProps: { size: 'sm' } },
    Badge: { defaultProps: { radius: 'sm' } },
    // Under a title Mantine greys a notification's text to gray 6 (3.3:1 on white); gray 8 reads at full contrast.
    Notification: { styles: { description: { color: 'var(--mantine-color-gray-8)' } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const base = defaultCssVariablesResolver(t);
  return {
    variables: base.variables,
    light: {
      ...base.light,
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      '--mantine-color-error': 'var(--mantine-color-red-8)',
      '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
      '--mantine-color-body': '#f8f9fb',
      // The light variants (alerts, badges) the app uses in teal and orange: shade 9 on tint 1 falls under 4.5:1
      // there (4.3 and 3.6), so a paler tint behind teal and a deeper orange for the text.
      '--mantine-color-teal-light': 'var(--mantine-color-teal-0)',
      '--mantine-color-orange-light-color': '#a63c06',
      // A red "Fjern" button's hover tint: red 9 on Mantine's hover tint reads at 3.75:1; on red 0 it is above 5.
      '--mantine-color-red-light-hover': 'var(--mantine-color-red-0)',
      // A subtle blue button ("Tilbake til køen") under the pointer: its blue 9 text on Mantine's hover tint (blue 2)
      // reads at 4.0:1; on blue 0 it reads at 5.5:1.
      '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-0)',
    },
    dark: base.dark,
  };
};
