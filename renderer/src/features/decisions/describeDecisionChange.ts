// A decision the central database refused, in words for the list of refused changes: which decision on which case,
// and what the handler wrote (reason or conditions), so nothing they wrote is lost from sight.
import type { TFunction } from 'i18next';
import { DECISION_KEYS } from './decisionKeys';

export function describeDecisionChange(
  t: TFunction,
  mutation: string,
  args: Record<string, unknown>,
  caseNumber: string,
): { title: string; written: string | null } | null {
  const action = mutation.startsWith('case.') ? mutation.slice('case.'.length) : '';
  if (!Object.hasOwn(DECISION_KEYS, action)) return null;
  const reason = typeof args.reason === 'string' && args.reason.trim() !== '' ? args.reason : null;
  const conditions = Array.isArray(args.conditions) ? args.conditions.filter((c): c is string => typeof c === 'string') : [];
  return {
    title: t('decisions.refusedChange', { caseNumber, decision: t(`decisions.${action}.button`) }),
    written: reason
      ? t('case.history.reason', { reason })
      : conditions.length > 0
        ? t('decisions.history.conditions', { conditions: conditions.join('; ') })
        : null,
  };
}
