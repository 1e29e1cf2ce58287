// Dates and sizes in the reader's language.
import { currentLanguage } from '../../i18n';

const locale = () => (currentLanguage() === 'nb' ? 'nb-NO' : 'en-GB');

/** A day (YYYY-MM-DD) or a moment (ISO 8601) as a date. */
export function formatDay(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return date.toLocaleDateString(locale(), { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatMoment(value: string): string {
  return new Date(value).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(value: number): string {
  return value.toLocaleString(locale(), { maximumFractionDigits: 2 });
}

export const kilobytes = (bytes: number) => formatNumber(Math.max(1, Math.round(bytes / 1024)));
