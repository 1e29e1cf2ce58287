// "Fordelingsregler": a supervisor names the handler for a municipality or a request type, and the lists suggest
// that handler for the cases it matches (a municipality rule before a request-type rule). A rule is a case-less
// change through the outbox: standalone at once, with a central server when it is sent.
import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_CRITERIA, REQUEST_TYPES, type AssignmentCriterion, type RequestType } from '../../../../shared/rules';
import type { AssignmentRulesView, AssignmentRuleView, HandlerWorkload } from '../../api/contract';
import { useAppData } from '../../app/AppData';
import { useApiMutation } from '../../data/useApiMutation';
import classes from './Workload.module.css';

interface Props {
  view: AssignmentRulesView | undefined;
  handlers: HandlerWorkload[];
  onChanged(): void;
}

export function AssignmentRulesSection({ view, handlers, onChanged }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const { reference } = useAppData();
  const municipalityName = (number: string) => reference.municipalities.find((m) => m.number === number)?.name ?? number;
  const valueText = (rule: Pick<AssignmentRuleView, 'criterion' | 'value'>) =>
    rule.criterion === 'municipality'
      ? `${rule.value} ${municipalityName(rule.value)}`
      : t(`enums.requestType.${rule.value as RequestType}`);

  const { run } = useApiMutation('assignmentRules.save', { notify: true });
  const save = async (criterion: AssignmentCriterion, value: string, assigneeId: string | null) => {
    await run({ criterion, value, assigneeId });
    onChanged();
  };

  return (
    <section className={classes.panel} aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {t('workload.rules.title')}
        </Title>
        <Text size="sm" c="gray.8">
          {t('workload.rules.intro')}
        </Text>
        {view && view.rules.length === 0 && <Text size="sm">{t('workload.rules.none')}</Text>}
        {view && view.rules.length > 0 && (
          <ul className={classes.rules} aria-labelledby={headingId}>
            {view.rules.map((rule) => (
              <li key={`${rule.criterion}:${rule.value}`}>
                <span>
                  {t(`workload.rules.criterion.${rule.criterion}`)}: {valueText(rule)} → <strong>{rule.assigneeName}</strong>
                </span>
                {view.canEdit && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('workload.rules.removeFor', { rule: valueText(rule) })}
                    onClick={() => void save(rule.criterion, rule.value, null)}
                  >
                    {t('workload.rules.remove')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {view?.pending && (
          <Text size="xs" c="gray.8">
            {t('workload.rules.pending')}
          </Text>
        )}
        {view?.canEdit && <RuleForm handlers={handlers} onSave={save} />}
      </Stack>
    </section>
  );
}

function RuleForm({ handlers, onSave }: { handlers: HandlerWorkload[]; onSave(criterion: AssignmentCriterion, value: string, assigneeId: string): Promise<void> }) {
  const { t } = useTranslation();
  const { reference } = useAppData();
  const [criterion, setCriterion] = useState<AssignmentCriterion>('municipality');
  const [value, setValue] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [saving, setSaving] = useState(false);
  const values =
    criterion === 'municipality'
      ? reference.municipalities.map((m) => ({ value: m.number, label: `${m.number} ${m.name}` }))
      : REQUEST_TYPES.map((type) => ({ value: type, label: t(`enums.requestType.${type}`) }));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!value || !assigneeId) return;
        setSaving(true);
        void onSave(criterion, value, assigneeId).finally(() => {
          setSaving(false);
          setValue('');
        });
      }}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NativeSelect
          label={t('workload.rules.criterionLabel')}
          value={criterion}
          onChange={(event) => {
            setCriterion(event.currentTarget.value as AssignmentCriterion);
            setValue('');
          }}
          data={ASSIGNMENT_CRITERIA.map((c) => ({ value: c, label: t(`workload.rules.criterion.${c}`) }))}
          w={140}
        />
        <NativeSelect
          label={criterion === 'municipality' ? t('workload.rules.municipality') : t('workload.rules.requestType')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          data={[{ value: '', label: t('workload.rules.chooseValue') }, ...values]}
          w={200}
        />
        <NativeSelect
          label={t('workload.rules.handler')}
          value={assigneeId}
          onChange={(event) => setAssigneeId(event.currentTarget.value)}
          data={[
            { value: '', label: t('workload.assign.choose') },
            ...handlers.filter((h) => h.active).map((h) => ({ value: h.id, label: h.displayName })),
          ]}
          w={200}
        />
        <Button type="submit" variant="light" disabled={!value || !assigneeId} loading={saving}>
          {t('workload.rules.save')}
        </Button>
      </Group>
    </form>
  );
}
