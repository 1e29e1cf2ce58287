// One field of the "Ny melding" form, drawn from its FieldSpec: a text, number, date, list or choice, with its hint
// and, once the installer has left it (or tried to send), what is wrong with it.
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGDER_MUNICIPALITIES } from '../../../../shared/rules';
import type { FieldSpec } from './messageForm';

const MUNICIPALITY_NAMES = new Map(AGDER_MUNICIPALITIES.map((m) => [m.number, m.name]));

/** The options' words: municipalities by number and name, the rest from the feature's words. */
function optionLabel(spec: FieldSpec, option: string, t: (key: string) => string): string {
  switch (spec.key) {
    case 'installation.municipalityNumber':
      return `${option} ${MUNICIPALITY_NAMES.get(option) ?? ''}`;
    case 'installation.phases':
      return t(`newMessage.options.phases.${option}`);
    case 'owner.idKind':
      return t(`newMessage.options.idKind.${option}`);
    default:
      return t(`newMessage.options.${spec.key.split('.').pop() ?? ''}.${option}`);
  }
}

export const fieldId = (key: string) => `field-${key.replace(/\./g, '-')}`;

export function FormField({ spec, value, error, onChange, onBlur }: {
  spec: FieldSpec;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const { t, i18n } = useTranslation();
  const hintKey = `newMessage.hint.${spec.key}`;
  const common = {
    id: fieldId(spec.key),
    label: t(`newMessage.field.${spec.key}`),
    description: i18n.exists(hintKey) ? t(hintKey) : undefined,
    withAsterisk: spec.required,
    error: error ?? undefined,
    onBlur,
  };
  if (spec.type === 'select') {
    const options = (spec.options ?? []).map((option) => ({ value: option, label: optionLabel(spec, option, t) }));
    const data = spec.key === 'installation.municipalityNumber'
      ? [{ value: '', label: t('newMessage.options.chooseMunicipality') }, ...options] : options;
    return <NativeSelect {...common} data={data} value={value} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
  if (spec.type === 'list' || spec.type === 'textarea') {
    return (
      <Textarea {...common} autosize minRows={spec.type === 'list' ? 1 : 3} maxLength={spec.maxLength} value={value}
        onChange={(event) => onChange(event.currentTarget.value)} />
    );
  }
  const numeric = spec.type === 'integer' || spec.type === 'decimal' || spec.check !== undefined;
  return (
    <TextInput
      {...common}
      type={spec.type === 'date' ? 'date' : spec.type === 'email' ? 'email' : spec.type === 'tel' ? 'tel' : 'text'}
      inputMode={spec.type === 'decimal' ? 'decimal' : numeric ? 'numeric' : undefined}
      autoComplete="off"
      maxLength={spec.maxLength}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
