// Dates as Norwegian letters and messages write them, whatever the app's language: "20. mars 2026".

const MONTHS_NB = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
  'november', 'desember'];

/** "2026-03-20" → "20. mars 2026". */
export function formatDateNb(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not an ISO date: "${isoDate}"`);
  return `${Number(match[3])}. ${MONTHS_NB[Number(match[2]) - 1]} ${match[1]}`;
}
