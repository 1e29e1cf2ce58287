// Every reason a record was stopped: the field by its name and what is wrong, the importer's exact words below.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuarantineReason } from '../../api/contract';
import { describeReason } from './describeReason';
import classes from './Quarantine.module.css';

export function ReasonList({ reasons }: { reasons: QuarantineReason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return <Text size="sm">{t('quarantine.noReasons')}</Text>;
  return (
    <ol className={classes.reasons}>
      {reasons.map((reason, index) => {
        const { field, problem, detail } = describeReason(t, reason);
        return (
          <li key={`${reason.path}-${reason.code}-${index}`}>
            {field ? (
              <>
                <strong>{field}</strong>: {problem}
              </>
            ) : (
              <strong>{problem.charAt(0).toUpperCase() + problem.slice(1)}</strong>
            )}
            {detail && (
              <span className={classes.reasonDetail} lang="en">
                {reason.path ? `${reason.path} – ` : ''}
                {detail}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
