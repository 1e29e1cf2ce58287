// Dates as the owner reads them: "5. desember 2026" in bokmål, "5 December 2026" in English; a time "05.12.2026 kl. 14:02".
// Amounts are always NOK in nb-NO format (formatNok), whatever the language.
const ZONE = 'Europe/Oslo';
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'nb-NO');

export const formatDay = (isoDate: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${isoDate}T00:00:00Z`));

export const formatMoment = (iso: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: 'short', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso));
