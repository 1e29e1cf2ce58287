// A checklist item in words: its label in the desk's language (the rules carry Norwegian, perhaps English), and why
// it is missing — "Vedlegg mangler: Effektberegning · kreves ved hovedsikring 80 A, nettsystem 400 V TN".
import type { TFunction } from 'i18next';
import type { CompletenessItemView } from '../../api/contract';

export function itemLabel(item: Pick<CompletenessItemView, 'label'>, language: string): string {
  return language === 'en' ? (item.label.en ?? item.label.nb) : item.label.nb;
}

function factValue(t: TFunction, field: string, value: unknown): string {
  if (field === 'networkSystem' && typeof value === 'string') return t(`enums.networkSystem.${value}`);
  if (field === 'requestType' && typeof value === 'string') return t(`enums.requestType.${value}`);
  if (field === 'buildingUse' && typeof value === 'string') return t(`enums.buildingUse.${value}`);
  if (typeof value === 'boolean') return t(value ? 'completeness.yes' : 'completeness.no');
  if (Array.isArray(value)) return value.join(', ');
  if (value === null || value === undefined) return '–';
  return t([`completeness.units.${field}`, 'completeness.units.none'], { value: String(value) });
}

const fieldName = (t: TFunction, field: string): string => t([`completeness.fields.${field}`, 'completeness.fields.other'], { field });

export function missingText(t: TFunction, item: CompletenessItemView): string | null {
  const reason = item.reason;
  if (!reason) return null;
  const params = reason.params as { fields?: string[]; attachment?: string; facts?: Record<string, unknown> };
  const what =
    reason.code === 'attachment.missing'
      ? t('completeness.reason.attachment', { attachment: t(`enums.attachmentKind.${params.attachment ?? 'other'}`) })
      : t('completeness.reason.fields', { fields: (params.fields ?? []).map((f) => fieldName(t, f)).join(', ') });
  const facts = Object.entries(params.facts ?? {});
  if (facts.length === 0) return what;
  const because = facts.map(([field, value]) => `${fieldName(t, field)} ${factValue(t, field, value)}`).join(', ');
  return `${what} · ${t('completeness.reason.because', { facts: because })}`;
}
