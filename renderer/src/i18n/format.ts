// Dates, times and numbers the Norwegian way (dd.mm.yyyy, 10:41, 1 234,5) in both languages: the data is
// Norwegian, and a case handler compares it with letters and Elsmart screens that write it like this.
const LOCALE = 'nb-NO';
const TIME_ZONE = 'Europe/Oslo';

const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const secondsFormat = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: TIME_ZONE });
const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (`2025-11-28`) as `28.11.2025`, without passing through a time zone. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const match = ISO_DATE.exec(isoDate);
  if (match) return `${match[3]}.${match[2]}.${match[1]}`;
  const time = new Date(isoDate);
  return Number.isNaN(time.getTime()) ? isoDate : dateFormat.format(time);
}

/** Formatted moments by timestamp: the queue formats the same few hundred on every keystroke, and Intl is slow. */
const dateTimeCache = new Map<string, string>();
const DATE_TIME_CACHE_SIZE = 2_000;

/** A moment (ISO timestamp) as `28.11.2025 10:41`, Norwegian time. */
export function formatDateTime(isoTimestamp: string | null | undefined): string {
  if (!isoTimestamp) return '';
  const cached = dateTimeCache.get(isoTimestamp);
  if (cached !== undefined) return cached;
  const time = new Date(isoTimestamp);
  if (Number.isNaN(time.getTime())) return isoTimestamp;
  const formatted = `${dateFormat.format(time)} ${timeFormat.format(time)}`;
  if (dateTimeCache.size >= DATE_TIME_CACHE_SIZE) dateTimeCache.clear();
  dateTimeCache.set(isoTimestamp, formatted);
  return formatted;
}

/** The time of day of a moment, `10:35` (or `10:35:12` with seconds), Norwegian time. */
export function formatTime(isoTimestamp: string | null | undefined, withSeconds = false): string {
  if (!isoTimestamp) return '';
  const time = new Date(isoTimestamp);
  if (Number.isNaN(time.getTime())) return isoTimestamp;
  return (withSeconds ? secondsFormat : timeFormat).format(time);
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : numberFormat.format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} kB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}
