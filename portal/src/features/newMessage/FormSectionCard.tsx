// One section of the "Ny melding" form (the installation, its connection, production, the owner, the installer's
// contact, dates): its fields, those that do not apply left out (production without production, the owner's other
// kind of identifier).
import { Checkbox, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestType } from '../../../../shared/rules';
import { Card } from '../../app/Screen';
import { fieldId, FormField } from './FormField';
import { appliesTo, FIELDS, producesPower, type FieldSpec, type FormSection, type FormValues } from './messageForm';

function applies(spec: FieldSpec, values: FormValues, requestType: RequestType): boolean {
  if (!appliesTo(spec, requestType)) return false;
  if (spec.key === 'owner.nationalId') return values['owner.idKind'] === 'national_id';
  if (spec.key === 'owner.organisationNumber') return values['owner.idKind'] === 'organisation_number';
  return true;
}

const WHOLE_ROW = new Set(['installation.meteringPointIds', 'installation.address', 'installation.meterNumbers', 'freeText', 'owner.name',
  'installation.sharedServiceLine']);

export function FormSectionCard({ section, requestType, values, errorOf, onChange, onBlur }: {
  section: FormSection;
  requestType: RequestType;
  values: FormValues;
  errorOf: (key: string) => string | null;
  onChange: (key: string, value: string | boolean) => void;
  onBlur: (key: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const producing = producesPower(values, requestType);
  const titleId = `section-${section}`;
  const fields = section === 'production' && !producing ? [] : FIELDS[section].filter((spec) => applies(spec, values, requestType));
  return (
    <Card labelledBy={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={titleId}>{t(`newMessage.sections.${section}`)}</Title>
        {section === 'production' && requestType !== 'production' && (
          <Checkbox id="field-hasProduction" label={t('newMessage.hasProduction')} checked={values.hasProduction === true}
            onChange={(event) => onChange('hasProduction', event.currentTarget.checked)} />
        )}
        {fields.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
            {fields.map((spec) => (
              <div key={spec.key} style={WHOLE_ROW.has(spec.key) ? { gridColumn: '1 / -1' } : undefined}>
                {spec.type === 'checkbox' ? (
                  <Checkbox id={fieldId(spec.key)} label={t(`newMessage.field.${spec.key}`)} checked={values[spec.key] === true}
                    description={i18n.exists(`newMessage.hint.${spec.key}`) ? t(`newMessage.hint.${spec.key}`) : undefined}
                    onChange={(event) => onChange(spec.key, event.currentTarget.checked)} />
                ) : (
                  <FormField spec={spec} value={typeof values[spec.key] === 'string' ? (values[spec.key] as string) : ''}
                    error={errorOf(spec.key)} onChange={(value) => onChange(spec.key, value)} onBlur={() => onBlur(spec.key)} />
                )}
              </div>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
