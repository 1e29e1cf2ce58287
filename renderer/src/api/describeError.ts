// Turns an AppError into calm, specific words: what happened and what to do next, in the chosen language.
import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../i18n/format';
import type { AppError, InputIssue } from './contract';

export interface ErrorText {
  title: string;
  message: string;
}

/** Status and other enum codes in params are shown by their names, not their codes; dates the Norwegian way. */
function translatedParams(t: TFunction, params: AppError['params']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    const isStatus = (key === 'from' || key === 'to' || key === 'status') && typeof value === 'string';
    const isDate = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    out[key] = isStatus ? t(`enums.status.${value}`) : typeof value === 'number' ? formatNumber(value)
      : isDate ? formatDate(value) : String(value);
  }
  return out;
}

/** The message for one input issue, e.g. `filters.search` + `too_big` → "Søketeksten er for lang (høyst 200 tegn)". */
export function describeIssue(t: TFunction, issue: InputIssue): string {
  const key = `errors.issue.${issue.path.replace(/\.\d+$/, '')}.${issue.code}`;
  const values = {
    maximum: issue.maximum === undefined ? '' : formatNumber(issue.maximum),
    minimum: issue.minimum === undefined ? '' : formatNumber(issue.minimum),
  };
  return t([key, 'errors.issue.generic'], values);
}

/** The first issue on a field, for showing beside that field. */
export function issueFor(error: AppError | null | undefined, path: string): InputIssue | undefined {
  return error?.code === 'input.invalid' ? error.issues?.find((issue) => issue.path === path) : undefined;
}

export function describeError(t: TFunction, error: AppError): ErrorText {
  if (error.code === 'input.invalid' && error.issues && error.issues.length > 0) {
    return { title: t('errors.input.invalid.title'), message: error.issues.map((issue) => describeIssue(t, issue)).join(' ') };
  }
  const variant = error.code === 'internal' && error.params?.reason === 'bridge' ? 'internalBridge' : error.code;
  const params = translatedParams(t, error.params);
  if (error.code === 'central.offline' || error.code === 'central.refused') {
    // The central database's reason comes as a code: said in words, with what to do about it.
    const reason = String(error.params?.reason ?? 'unknown');
    params.reason = t([`sync.reason.${reason}.short`, 'sync.reason.unknown.short']);
    params.help = t([`sync.reason.${reason}.help`, 'sync.reason.unknown.help']);
  }
  return {
    title: t([`errors.${variant}.title`, 'errors.internal.title'], params),
    message: t([`errors.${variant}.message`, 'errors.internal.message'], params),
  };
}
