// A meter reading as a person types it ("1 520,5" or "1520.5"): kWh, not negative, at most one decimal.
/** The reading in kWh, or null when the text is not one. */
export function readingOf(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d{1,8}(\.\d)?$/.test(compact)) return null;
  return Number(compact);
}
