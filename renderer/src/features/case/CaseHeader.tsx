// The case at a glance: number, type, status, who has it, when it came and became complete, and when it is due —
// after the ferdigmelding, when the meter is to be mounted (rules/meterClock.ts). Of a closed case whose detail is
// still on the service, when it became complete waits for the detail (service/sync/closedCaseDetail.ts).
import { Group, Text, Title } from '@mantine/core';
import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { dueDateMeaning, formatNok } from '../../../../shared/rules';
import type { CaseDetail } from '../../api/contract';
import { formatDate, formatDateTime } from '../../i18n/format';
import classes from './Case.module.css';
import { useAppData } from '../../app/AppData';
import { caseWarnings } from './caseWarnings';
import { StatusBadge } from './StatusBadge';

interface Props {
  detail: CaseDetail;
  headingRef: Ref<HTMLHeadingElement>;
}

export function CaseHeader({ detail, headingRef }: Props) {
  const { t } = useTranslation();
  const { reference } = useAppData();
  const warningCount = useMemo(
    () => caseWarnings(detail, new Set(reference.municipalities.map((m) => m.number))).length,
    [detail, reference.municipalities],
  );
  return (
    <div>
      <Group gap="sm" align="center">
        <Title order={1} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
          {detail.caseNumber}
        </Title>
        <Text size="md" fw={500} c="gray.8">
          {t(`enums.requestType.${detail.requestType}`)}
          {detail.production.hasProduction && detail.requestType !== 'production' && ` · ${t('queue.withProduction')}`}
        </Text>
        <StatusBadge status={detail.status} />
        {warningCount > 0 && (
          <span className={classes.summaryWarning}>
            <span aria-hidden>⚠</span>
            {t('case.warningsSummary', { count: warningCount })}
          </span>
        )}
      </Group>
      <dl className={classes.facts} style={{ marginTop: 8 }}>
        <div>
          <dt>{t('case.header.assignee')}</dt>
          <dd>{detail.assignee?.displayName ?? <span className={classes.notGiven}>{t('queue.unassigned')}</span>}</dd>
        </div>
        <div>
          <dt>{t('case.header.submitted')}</dt>
          <dd>{formatDateTime(detail.submittedAt)}</dd>
        </div>
        {/* Of a closed case whose detail is on the service, a case handler's desk has not this time yet: not "not complete". */}
        {detail.detailOnServer === null && (
          <div>
            <dt>{t('case.header.complete')}</dt>
            <dd>
              {detail.completeAt ? (
                formatDateTime(detail.completeAt)
              ) : (
                <span className={classes.notGiven}>{t('case.header.notComplete')}</span>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{dueDateMeaning(detail.status) === 'meterMounting' ? t('case.header.meterDue') : t('case.header.due')}</dt>
          <dd>
            {detail.dueDate === null ? (
              <span className={classes.notGiven}>{t('queue.noDueDate')}</span>
            ) : detail.overdue ? (
              <span className={classes.overdue}>
                <span aria-hidden>⚠ </span>
                {formatDate(detail.dueDate)} · {t('queue.overdue')}
              </span>
            ) : (
              formatDate(detail.dueDate)
            )}
          </dd>
        </div>
        {detail.status === 'closed' && detail.closureReason && (
          <div>
            <dt>{t('case.header.closure')}</dt>
            <dd>
              {t(`enums.closureReason.${detail.closureReason}`)}
              {detail.decisionReason && ` – «${detail.decisionReason}»`}
              {detail.cancellationCostsOre !== null && ` · ${t('case.header.cancellationCosts', { amount: formatNok(detail.cancellationCostsOre) })}`}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
