// Turns what a person types into a safe FTS5 query: every word must match, each as a prefix, so that
// "kristians 12" finds "Kristiansand … 12". Quotes in the input are doubled, so nothing is FTS syntax.

const MAX_TERMS = 12;

export function toFtsQuery(text: string): string | null {
  const terms = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(' ');
}
