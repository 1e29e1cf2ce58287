// Nettvurdering in the case view: whether this request needs a recorded assessment before approval (NEM-forskriften
// § 3-7), the one recorded (outcome, who, when, the conditions or reasons), and — before the decision — the form to
// record one. "Ikke forsvarlig" keeps the approve button blocked; the case is then rejected or assessed again.
import { Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID_ASSESSMENT_OUTCOMES, gridAssessmentNoteMissing, type GridAssessmentOutcome } from '../../../../shared/rules';
import type { CaseDetail } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { notifySuccess } from '../../api/notify';
import { DialogActions } from '../../app/DialogActions';
import { formatDateTime } from '../../i18n/format';
import { useCasework } from '../case/useCasework';
import { Section } from '../case/Section';
import { useApiMutation } from '../../data/useApiMutation';

const BEFORE_DECISION: readonly string[] = ['new', 'in_review', 'waiting_for_info'];

export function GridAssessmentSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { run, pending, error, clearError } = useApiMutation('case.recordGridAssessment');
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<GridAssessmentOutcome>('sound');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const assessment = detail.gridAssessment;
  const { mayWork } = useCasework(detail);
  const mayRecord = mayWork && BEFORE_DECISION.includes(detail.status);
  if (!detail.gridAssessmentRequired && !assessment) {
    return (
      <Section title={t('gridAssessment.title')}>
        <Text size="sm">{t('gridAssessment.notRequired')}</Text>
      </Section>
    );
  }

  const close = () => {
    setEditing(false);
    setNote('');
    setNoteMissing(false);
    clearError();
  };
  const submit = async () => {
    if (gridAssessmentNoteMissing(outcome, note)) {
      setNoteMissing(true);
      return;
    }
    if (await run({ caseId: detail.id, outcome, note: note.trim() })) {
      notifySuccess(t('gridAssessment.done'));
      close();
    }
  };

  return (
    <Section
      title={t('gridAssessment.title')}
      actions={mayRecord && !editing ? (
        <Button size="compact-sm" variant={assessment ? 'default' : 'filled'} onClick={() => setEditing(true)}>
          {assessment ? t('gridAssessment.recordAgain') : t('gridAssessment.record')}
        </Button>
      ) : undefined}
    >
      <Stack gap="xs">
        <Text size="sm" c="gray.7">{t('gridAssessment.explain')}</Text>
        {assessment ? (
          <div data-testid="grid-assessment">
            <Text size="sm" fw={600}>
              {t('gridAssessment.recorded', {
                outcome: t(`gridAssessment.outcomes.${assessment.outcome}`), name: assessment.byName, date: formatDateTime(assessment.at),
              })}
            </Text>
            {assessment.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{assessment.note}</Text>}
          </div>
        ) : (
          <Text size="sm">{t('gridAssessment.none')}</Text>
        )}
        {editing && (
          <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
            <Stack gap="sm">
              <Radio.Group label={t('gridAssessment.outcome')} value={outcome}
                onChange={(value) => { setOutcome(value); setNoteMissing(false); }}>
                <Stack gap={6} mt={4}>
                  {GRID_ASSESSMENT_OUTCOMES.map((value) => (
                    <Radio key={value} value={value} label={t(`gridAssessment.outcomes.${value}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea label={t('gridAssessment.note')} description={t('gridAssessment.noteHint')} value={note} autosize minRows={2}
                onChange={(event) => { setNote(event.currentTarget.value); setNoteMissing(false); }}
                error={noteMissing ? t('errors.gridAssessment.noteRequired.message') : undefined} />
              <DialogActions problem={error ? describeError(t, error) : null} cancelLabel={t('case.owner.cancel')}
                confirmLabel={t('gridAssessment.record')} pending={pending} onCancel={close} />
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}
