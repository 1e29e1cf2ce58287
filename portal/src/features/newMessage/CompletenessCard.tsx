// "Dette trenger saksbehandler": the checklist the desk will find for the message as it stands, evaluated as the
// installer types — each missing item with what to fill in or attach, why it is required when a threshold made it
// so (e.g. the main fuse over 40 A at 400 V), and the grid company's blank form where it offers one.
import { Anchor, Badge, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalTemplate } from '../../../../shared/portalApi/lookup';
import type { CompletenessEvaluation, CompletenessItemResult } from '../../../../shared/rules';
import { Card } from '../../app/Screen';
import { currentLanguage } from '../../i18n';
import { templateHref } from './api';
import { factLabel, factValue } from './factWords';
import { fieldId } from './FormField';
import { formKeyOfFact } from './messageForm';

function useFactWords() {
  const { t, i18n } = useTranslation();
  const listFormat = new Intl.ListFormat(currentLanguage() === 'nb' ? 'nb' : 'en', { type: 'conjunction' });
  const fieldLabel = (fact: string) => factLabel(t, fact);
  const valueWords = (fact: string, value: unknown) => factValue(t, fact, value);
  const because = (facts: Record<string, unknown>) => listFormat.format(Object.entries(facts)
    .filter(([, value]) => value !== null && value !== undefined && value !== false)
    .map(([fact, value]) => (i18n.exists(`newMessage.facts.${fact}`)
      ? t(`newMessage.facts.${fact}`, { value: valueWords(fact, value) })
      : t('newMessage.facts.other', { field: fieldLabel(fact).toLowerCase(), value: valueWords(fact, value) }))));
  return { fieldLabel, because, listFormat };
}

function MissingItem({ item, templates }: { item: CompletenessItemResult; templates: PortalTemplate[] }) {
  const { t } = useTranslation();
  const { fieldLabel, because } = useFactWords();
  const label = (currentLanguage() === 'en' ? item.label.en : undefined) ?? item.label.nb;
  const params = item.reason?.params ?? {};
  const facts = (params.facts ?? {}) as Record<string, unknown>;
  const fields = (params.fields ?? []) as string[];
  const attachment = typeof params.attachment === 'string' ? params.attachment : null;
  const template = attachment ? templates.find((tpl) => tpl.kind === attachment) : undefined;
  const reason = because(facts);
  return (
    <List.Item>
      <Stack gap={2}>
        <Text fw={600} size="sm">{label}</Text>
        {fields.length > 0 && (
          <Text size="sm">
            {t('newMessage.completeness.missingFields', { fields: '' })}
            {fields.map((fact, i) => {
              const key = formKeyOfFact(fact);
              return (
                <span key={fact}>
                  {i > 0 && ', '}
                  {key ? <Anchor href={`#${fieldId(key)}`} size="sm">{fieldLabel(fact)}</Anchor> : fieldLabel(fact)}
                </span>
              );
            })}
          </Text>
        )}
        {attachment && <Text size="sm">{t('newMessage.completeness.missingAttachment', { kind: t(`newMessage.attachments.kinds.${attachment}`) })}</Text>}
        {reason !== '' && <Text size="sm" c="dimmed">{t('newMessage.completeness.because', { facts: reason })}</Text>}
        {template && attachment && (
          <Anchor size="sm" href={templateHref(template.name)} download={template.fileName}>
            {t('newMessage.completeness.template', { kind: t(`newMessage.attachments.kinds.${attachment}`).toLowerCase() })}
          </Anchor>
        )}
      </Stack>
    </List.Item>
  );
}

export function CompletenessCard({ evaluation, unavailable, templates }: {
  evaluation: CompletenessEvaluation | null;
  unavailable: boolean;
  templates: PortalTemplate[];
}) {
  const { t } = useTranslation();
  const missing = evaluation?.items.filter((item) => !item.ok) ?? [];
  const met = evaluation?.items.filter((item) => item.ok) ?? [];
  const label = (item: CompletenessItemResult) => (currentLanguage() === 'en' ? item.label.en : undefined) ?? item.label.nb;
  return (
    <Card labelledBy="completeness-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="completeness-title">{t('newMessage.completeness.title')}</Title>
        <div role="status" aria-live="polite">
          {unavailable ? <Text size="sm">{t('newMessage.completeness.unavailable')}</Text>
            : evaluation === null ? <Text size="sm">{t('newMessage.completeness.loading')}</Text>
              : missing.length === 0 ? <Badge color="teal" variant="light" size="lg">{t('newMessage.completeness.complete')}</Badge>
                : <Badge color="orange" variant="light" size="lg">{t('newMessage.completeness.missingCount', { count: missing.length })}</Badge>}
        </div>
        {missing.length > 0 && (
          <section aria-label={t('newMessage.completeness.missing')} data-testid="completeness-missing">
            <List spacing="xs">{missing.map((item) => <MissingItem key={item.code} item={item} templates={templates} />)}</List>
          </section>
        )}
        {met.length > 0 && (
          <section aria-label={t('newMessage.completeness.met')} data-testid="completeness-met">
            <Text size="sm" fw={600} mb={4}>{t('newMessage.completeness.met')}</Text>
            <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {met.map((item) => (
                <Group component="li" key={item.code} gap={6} wrap="nowrap">
                  <ThemeIcon size="xs" radius="xl" color="teal" aria-hidden>✓</ThemeIcon>
                  <Text size="sm">{label(item)}</Text>
                </Group>
              ))}
            </Stack>
          </section>
        )}
      </Stack>
    </Card>
  );
}
