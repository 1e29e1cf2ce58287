// Take the case or let it go, as the rules allow: a case handler takes free cases and releases their own;
// a supervisor takes any.
import { Button } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { canAssign } from '../../../../shared/rules';
import type { CaseDetail, UserSummary } from '../../api/contract';
import { notifyError } from '../../api/notify';
import { useAppData } from '../../app/AppData';
import { useApiMutation } from '../../data/useApiMutation';

export function assignAction(detail: CaseDetail, me: UserSummary): 'release' | 'take' | null {
  const current = detail.assignee?.id ?? null;
  if (current === me.id) return canAssign(me.role, me.id, current, null) ? 'release' : null;
  return canAssign(me.role, me.id, current, me.id) ? 'take' : null;
}

export function AssignControl({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { session } = useAppData();
  const { run, pending, error } = useApiMutation('case.assign');
  const me = session.user;
  const action = assignAction(detail, me);

  useEffect(() => {
    if (error) notifyError(t, error);
  }, [error, t]);

  if (action === 'release') {
    return (
      <Button variant="default" loading={pending} onClick={() => void run({ caseId: detail.id, assigneeId: null })}>
        {t('case.actions.release')}
      </Button>
    );
  }
  if (action === 'take') {
    return (
      <Button loading={pending} onClick={() => void run({ caseId: detail.id, assigneeId: me.id })}>
        {t('case.actions.assignToMe')}
      </Button>
    );
  }
  return null;
}
