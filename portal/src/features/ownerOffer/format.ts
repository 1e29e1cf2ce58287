// Dates as the owner reads them: "5. desember 2026" in bokmål, "5 December 2026" in English; a moment
// "5. desember 2026 kl. 14:02" / "5 December 2026 at 14:02", in Oslo time.
// Amounts are always NOK in nb-NO format (formatNok), whatever the language.
const ZONE = 'Europe/Oslo';
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'nb-NO');

export const formatDay = (isoDate: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${isoDate}T00:00:00Z`));

export function formatMoment(iso: string, language: string): string {
  const moment = new Date(iso);
  const day = new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }).format(moment);
  const time = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: ZONE }).format(moment);
  return `${day} ${language === 'en' ? 'at' : 'kl.'} ${time}`;
}
