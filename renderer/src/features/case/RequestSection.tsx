// What the customer wants and when, and anything the installer wrote in free text.
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/contract';
import { formatDate } from '../../i18n/format';
import classes from './Case.module.css';
import { Field, FieldList } from './Field';
import { Section } from './Section';

export function RequestSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('case.request.title')}>
      <FieldList>
        <Field name="wantedStartDate" label={t('case.request.wantedStart')}>{formatDate(detail.wantedStartDate)}</Field>
        <Field name="wantedConnectionDate" label={t('case.request.wantedConnection')}>{formatDate(detail.wantedConnectionDate)}</Field>
        {detail.wantedEndDate !== null && (
          <Field name="wantedEndDate" label={t('case.request.wantedEnd')}>{formatDate(detail.wantedEndDate)}</Field>
        )}
        <Field name="freeText" label={t('case.request.freeText')} wide>
          {detail.freeText ? <p className={classes.freeText}>{detail.freeText}</p> : null}
        </Field>
        <Field label={t('case.request.messageId')} wide>
          <span className={classes.mono}>{detail.messageId}</span>
        </Field>
      </FieldList>
    </Section>
  );
}
