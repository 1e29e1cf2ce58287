// The draft's lines as a table of fields, in reading order for Tab: description, main component, work or
// material, quantity, unit, unit price (typed as NOK, "12 345,50"), VAT code; then the line's net and VAT as
// calculated. A field that does not read says why beside it. Alt+Delete anywhere in a line removes it.
import { Button, NativeSelect, TextInput, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COST_KINDS, formatNokNumber, MAIN_COMPONENTS, VAT_CODES, type CalculatedLine } from '../../../../shared/rules';
import type { DraftReading, DraftRow, RowField } from './draftRows';
import classes from './Offers.module.css';

export interface FocusRequest {
  rowId: string;
  field: RowField | 'remove';
  /** Changes with every request, so asking for the same field twice focuses it twice. */
  serial: number;
}

interface Props {
  rows: DraftRow[];
  reading: DraftReading;
  focus: FocusRequest | null;
  onChange(id: string, change: Partial<DraftRow>): void;
  onRemove(id: string, field: string | undefined): void;
}

export const REMOVE_SHORTCUT = 'Alt+Delete';

export function componentOptions(t: TFunction) {
  return [...MAIN_COMPONENTS, 'fee' as const].map((c) => ({ value: c, label: t(`offers.component.${c}`) }));
}

export function EditableLinesTable({ rows, reading, focus, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const tableRef = useRef<HTMLTableElement>(null);
  const calculated = useMemo(
    () => new Map<string, CalculatedLine>((reading.calculation?.lines ?? []).map((line) => [line.id, line])),
    [reading.calculation],
  );
  const components = useMemo(() => componentOptions(t), [t]);
  const kinds = useMemo(() => COST_KINDS.map((k) => ({ value: k, label: t(`offers.kind.${k}`) })), [t]);
  const vatCodes = useMemo(() => VAT_CODES.map((v) => ({ value: v, label: t(`offers.vat.${v}`) })), [t]);

  useEffect(() => {
    if (!focus) return;
    const target = tableRef.current?.querySelector<HTMLElement>(
      `[data-row-id="${CSS.escape(focus.rowId)}"][data-field="${focus.field}"]`,
    );
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  }, [focus]);

  const onRowKeyDown = (row: DraftRow) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.key === 'Delete') {
      event.preventDefault();
      onRemove(row.id, (event.target as HTMLElement).dataset.field);
    }
  };

  if (rows.length === 0) return <p className={classes.saveState}>{t('offers.lines.none')}</p>;

  return (
    <table className={classes.table} ref={tableRef}>
      <caption>
        <VisuallyHidden>{t('offers.lines.caption')}</VisuallyHidden>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('offers.lines.description')}</th>
          <th scope="col">{t('offers.lines.component')}</th>
          <th scope="col">{t('offers.lines.kind')}</th>
          <th scope="col" className={classes.number}>{t('offers.lines.quantity')}</th>
          <th scope="col">{t('offers.lines.unit')}</th>
          <th scope="col" className={classes.number}>{t('offers.lines.unitPrice')}</th>
          <th scope="col">{t('offers.lines.vatCode')}</th>
          <th scope="col" className={classes.number}>{t('offers.lines.net')}</th>
          <th scope="col" className={classes.number}>{t('offers.lines.vat')}</th>
          <th scope="col"><VisuallyHidden>{t('offers.lines.actions')}</VisuallyHidden></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const n = index + 1;
          const problems = reading.problems[row.id] ?? {};
          const line = calculated.get(row.id);
          const problem = (field: RowField) => (problems[field] ? t(`offers.problem.${problems[field]}`) : undefined);
          const label = (field: string) => t(`offers.lines.${field}Of`, { n });
          return (
            <tr key={row.id} onKeyDown={onRowKeyDown(row)} data-testid="offer-line">
              <td style={{ minWidth: 200 }}>
                <TextInput size="xs" aria-label={label('description')} value={row.description} error={problem('description')}
                  data-row-id={row.id} data-field="description" maxLength={200}
                  onChange={(e) => onChange(row.id, { description: e.currentTarget.value })} />
              </td>
              <td style={{ width: 175 }}>
                <NativeSelect size="xs" aria-label={label('component')} data={components} value={row.component}
                  data-row-id={row.id} data-field="component"
                  onChange={(e) => onChange(row.id, { component: e.currentTarget.value as DraftRow['component'] })} />
              </td>
              <td style={{ width: 110 }}>
                <NativeSelect size="xs" aria-label={label('kind')} data={kinds} value={row.kind}
                  data-row-id={row.id} data-field="kind"
                  onChange={(e) => onChange(row.id, { kind: e.currentTarget.value as DraftRow['kind'] })} />
              </td>
              <td style={{ width: 84 }}>
                <TextInput size="xs" aria-label={label('quantity')} value={row.quantityText} error={problem('quantityText')}
                  className={classes.numberInput} inputMode="decimal" data-row-id={row.id} data-field="quantityText"
                  onChange={(e) => onChange(row.id, { quantityText: e.currentTarget.value })} />
              </td>
              <td style={{ width: 66 }}>
                <TextInput size="xs" aria-label={label('unit')} value={row.unit} error={problem('unit')} maxLength={20}
                  data-row-id={row.id} data-field="unit" onChange={(e) => onChange(row.id, { unit: e.currentTarget.value })} />
              </td>
              <td style={{ width: 124 }}>
                <TextInput size="xs" aria-label={label('unitPrice')} value={row.priceText} error={problem('priceText')}
                  className={classes.numberInput} inputMode="decimal" data-row-id={row.id} data-field="priceText"
                  onChange={(e) => onChange(row.id, { priceText: e.currentTarget.value })} />
              </td>
              <td style={{ width: 118 }}>
                <NativeSelect size="xs" aria-label={label('vatCode')} data={vatCodes} value={row.vatCode}
                  data-row-id={row.id} data-field="vatCode"
                  onChange={(e) => onChange(row.id, { vatCode: e.currentTarget.value as DraftRow['vatCode'] })} />
              </td>
              <td className={`${classes.number} ${classes.figure}`} data-testid="line-net">{line ? formatNokNumber(line.netOre) : '–'}</td>
              <td className={`${classes.number} ${classes.figure}`} data-testid="line-vat">{line ? formatNokNumber(line.vatOre) : '–'}</td>
              <td>
                <Button size="compact-xs" variant="subtle" color="red" c="red.9" data-row-id={row.id} data-field="remove"
                  aria-keyshortcuts={REMOVE_SHORTCUT} aria-label={t('offers.lines.removeOf', { n, description: row.description })}
                  onClick={() => onRemove(row.id, 'remove')}>
                  {t('offers.lines.remove')}
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
