// A new version made from the newest: the effective date (today at the earliest), the standard fees' texts, prices
// and VAT codes, and the catalogue by main component, where items are edited, added and removed. Every field is a
// labelled native control in reading order, so the whole form works by Tab and typing; publishing asks first.
import { Alert, Button, Group, NativeSelect, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COST_KINDS, VAT_CODES, type MainComponent } from '../../../../shared/rules';
import type { PriceListDetail, PriceListVersionSummary } from '../../api/contract';
import { useApiMutation } from '../../data/useApiMutation';
import { formatNumber } from '../../i18n/format';
import { describePriceListError } from './describePriceListError';
import {
  draftFrom, itemsByComponent, newItemCode, readDraft, type DraftField, type FeeRow, type ItemRow, type PriceListDraft,
} from './priceListDraft';
import classes from './PriceLists.module.css';
import { PublishDialog } from './PublishDialog';
import { validityText } from './PriceListView';

interface Props {
  newest: PriceListDetail;
  today: string;
  onCancel(): void;
  onPublished(summary: PriceListVersionSummary): void;
}

export function PriceListEditor({ newest, today, onCancel, onPublished }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PriceListDraft>(() => draftFrom(newest.priceList, newest.nextVersion, today));
  const [checked, setChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { run: publishList, pending: busy, error, clearError } = useApiMutation('priceList.publish');
  const [focusCode, setFocusCode] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const reading = useMemo(() => readDraft(draft, today), [draft, today]);
  const kinds = useMemo(() => COST_KINDS.map((k) => ({ value: k, label: t(`offers.kind.${k}`) })), [t]);
  const vatCodes = useMemo(() => VAT_CODES.map((v) => ({ value: v, label: t(`offers.vat.${v}`) })), [t]);

  useEffect(() => {
    if (!focusCode) return;
    formRef.current?.querySelector<HTMLInputElement>(`[data-item="${CSS.escape(focusCode)}"][data-field="description"]`)?.focus();
    setFocusCode(null);
  }, [focusCode]);

  const problem = (row: string, field: DraftField) => {
    const code = checked ? reading.problems[row]?.[field] : undefined;
    return code ? t(`priceLists.problem.${code}`) : undefined;
  };
  const changeFee = (code: FeeRow['code'], patch: Partial<FeeRow>) =>
    setDraft((d) => ({ ...d, fees: d.fees.map((fee) => (fee.code === code ? { ...fee, ...patch } : fee)) }));
  const changeItem = (code: string, patch: Partial<ItemRow>) =>
    setDraft((d) => ({ ...d, items: d.items.map((item) => (item.code === code ? { ...item, ...patch } : item)) }));
  const addItem = (component: MainComponent) => {
    const code = newItemCode(draft, component);
    setDraft((d) => ({
      ...d,
      items: [...d.items, { code, component, kind: 'material', description: '', unit: 'stk', priceText: '', vatCode: 'exempt' }],
    }));
    setFocusCode(code);
  };
  const removeItem = (item: ItemRow) => {
    setDraft((d) => ({ ...d, items: d.items.filter((other) => other.code !== item.code) }));
    // Focus stays in the component: its "add" button is always there.
    formRef.current?.querySelector<HTMLButtonElement>(`[data-add="${item.component}"]`)?.focus();
  };

  const askToPublish = () => {
    setChecked(true);
    clearError();
    if (reading.priceList) setConfirming(true);
  };
  const publish = async () => {
    if (!reading.priceList) return;
    const published = await publishList({ priceList: reading.priceList });
    if (!published) return;
    setConfirming(false);
    onPublished(published);
  };

  const dateProblem = checked && reading.dateProblem ? t(`priceLists.problem.${reading.dateProblem}`) : undefined;
  const problemCount = Object.values(reading.problems).reduce((n, fields) => n + Object.keys(fields).length, 0)
    + (reading.dateProblem ? 1 : 0) + (reading.listProblem ? 1 : 0);

  return (
    <form ref={formRef} onSubmit={(event) => { event.preventDefault(); askToPublish(); }} aria-label={t('priceLists.editor.label', { version: draft.version })}>
      <Title order={2} size="h3">{t('priceLists.editor.title', { version: draft.version })}</Title>
      <Text size="sm" c="gray.8" mb="sm">{t('priceLists.editor.intro', { version: newest.version })}</Text>
      <Group align="flex-start" gap="lg" mb="sm">
        <TextInput type="date" label={t('priceLists.fact.effectiveFrom')} value={draft.effectiveFrom} min={today}
          description={t('priceLists.editor.dateHelp')} error={dateProblem} required
          onChange={(e) => setDraft((d) => ({ ...d, effectiveFrom: e.currentTarget.value }))} data-testid="effective-from" />
        <dl className={classes.facts}>
          <dt>{t('priceLists.fact.offerValidity')}</dt>
          <dd>{validityText(t, draft.base.offerValidity)}</dd>
          <dt>{t('priceLists.fact.paymentTerms')}</dt>
          <dd>{t('priceLists.paymentTermsDays', { count: draft.base.paymentTermsDays, formatted: formatNumber(draft.base.paymentTermsDays) })}</dd>
        </dl>
      </Group>

      <Title order={3} className={classes.componentHeading}>{t('priceLists.fees.title')}</Title>
      <table className={classes.table}>
        <thead>
          <tr>
            <th scope="col">{t('priceLists.column.description')}</th>
            <th scope="col">{t('priceLists.column.unit')}</th>
            <th scope="col" className={classes.number}>{t('priceLists.column.unitPriceNok')}</th>
            <th scope="col">{t('priceLists.column.vatCode')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.fees.map((fee) => {
            const row = `fee:${fee.code}`;
            const name = fee.description || fee.code;
            return (
              <tr key={fee.code} data-testid="fee-row">
                <td>
                  <TextInput size="xs" aria-label={t('priceLists.field.description', { name })} value={fee.description} maxLength={200}
                    error={problem(row, 'description')} onChange={(e) => changeFee(fee.code, { description: e.currentTarget.value })} />
                </td>
                <td style={{ width: 80 }}>
                  <TextInput size="xs" aria-label={t('priceLists.field.unit', { name })} value={fee.unit} maxLength={20}
                    error={problem(row, 'unit')} onChange={(e) => changeFee(fee.code, { unit: e.currentTarget.value })} />
                </td>
                <td style={{ width: 140 }}>
                  <TextInput size="xs" aria-label={t('priceLists.field.unitPrice', { name })} value={fee.priceText} inputMode="decimal"
                    className={classes.numberInput} error={problem(row, 'priceText')}
                    onChange={(e) => changeFee(fee.code, { priceText: e.currentTarget.value })} />
                </td>
                <td style={{ width: 150 }}>
                  <NativeSelect size="xs" aria-label={t('priceLists.field.vatCode', { name })} data={vatCodes} value={fee.vatCode}
                    onChange={(e) => changeFee(fee.code, { vatCode: e.currentTarget.value as FeeRow['vatCode'] })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <Title order={3} className={classes.componentHeading}>{t('priceLists.catalogue.title')}</Title>
      {checked && reading.listProblem && <Text c="red.9" size="sm" role="alert">{t(`priceLists.problem.${reading.listProblem}`)}</Text>}
      {itemsByComponent(draft.items).map(({ component, items }) => {
        const componentName = t(`offers.component.${component}`);
        return (
          <section key={component} aria-label={componentName}>
            <Title order={4} className={classes.componentHeading}>{componentName}</Title>
            {items.length > 0 && (
              <table className={`${classes.table} ${classes.itemTable}`}>
                <caption><VisuallyHidden>{componentName}</VisuallyHidden></caption>
                <thead>
                  <tr>
                    <th scope="col">{t('priceLists.column.description')}</th>
                    <th scope="col" style={{ width: 120 }}>{t('priceLists.column.kind')}</th>
                    <th scope="col" style={{ width: 80 }}>{t('priceLists.column.unit')}</th>
                    <th scope="col" className={classes.number} style={{ width: 150 }}>{t('priceLists.column.unitPriceNok')}</th>
                    <th scope="col" style={{ width: 150 }}>{t('priceLists.column.vatCode')}</th>
                    <th scope="col" style={{ width: 70 }}><VisuallyHidden>{t('priceLists.column.actions')}</VisuallyHidden></th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item, index) => {
                    const row = `item:${item.code}`;
                    const name = item.description || t('priceLists.field.newItem', { component: componentName, n: index + 1 });
                    return (
                      <tr key={item.code} data-testid="item-row">
                        <td>
                          <TextInput size="xs" aria-label={t('priceLists.field.description', { name })} value={item.description}
                            maxLength={200} error={problem(row, 'description')} data-item={item.code} data-field="description"
                            onChange={(e) => changeItem(item.code, { description: e.currentTarget.value })} />
                        </td>
                        <td style={{ width: 120 }}>
                          <NativeSelect size="xs" aria-label={t('priceLists.field.kind', { name })} data={kinds} value={item.kind}
                            onChange={(e) => changeItem(item.code, { kind: e.currentTarget.value as ItemRow['kind'] })} />
                        </td>
                        <td style={{ width: 80 }}>
                          <TextInput size="xs" aria-label={t('priceLists.field.unit', { name })} value={item.unit} maxLength={20}
                            error={problem(row, 'unit')} onChange={(e) => changeItem(item.code, { unit: e.currentTarget.value })} />
                        </td>
                        <td style={{ width: 140 }}>
                          <TextInput size="xs" aria-label={t('priceLists.field.unitPrice', { name })} value={item.priceText}
                            inputMode="decimal" className={classes.numberInput} error={problem(row, 'priceText')}
                            onChange={(e) => changeItem(item.code, { priceText: e.currentTarget.value })} />
                        </td>
                        <td style={{ width: 150 }}>
                          <NativeSelect size="xs" aria-label={t('priceLists.field.vatCode', { name })} data={vatCodes} value={item.vatCode}
                            onChange={(e) => changeItem(item.code, { vatCode: e.currentTarget.value as ItemRow['vatCode'] })} />
                        </td>
                        <td style={{ width: 70 }}>
                          <Button size="compact-xs" variant="subtle" color="red" c="red.9" aria-label={t('priceLists.field.remove', { name })}
                            onClick={() => removeItem(item)}>
                            {t('priceLists.editor.remove')}
                          </Button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <Button size="compact-sm" variant="subtle" data-add={component} onClick={() => addItem(component)}
              aria-label={t('priceLists.editor.addTo', { component: componentName })}>
              {t('priceLists.editor.add')}
            </Button>
          </section>
        );
      })}

      {checked && problemCount > 0 && (
        <Alert color="red" mt="md" role="alert" title={t('priceLists.editor.problemsTitle')}>
          {t('priceLists.editor.problems', { count: problemCount })}
        </Alert>
      )}
      {error && !confirming && (
        <Alert color="red" mt="md" role="alert" title={describePriceListError(t, error).title}>
          {describePriceListError(t, error).message}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm" mt="md">
        <Button variant="default" onClick={onCancel}>{t('priceLists.editor.cancel')}</Button>
        <Button type="submit">{t('priceLists.editor.publish')}</Button>
      </Group>
      <PublishDialog opened={confirming} version={draft.version} effectiveFrom={draft.effectiveFrom} busy={busy} error={error}
        onClose={() => setConfirming(false)} onConfirm={() => void publish()} />
    </form>
  );
}
