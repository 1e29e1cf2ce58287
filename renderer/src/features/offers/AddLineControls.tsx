// Adding a line: from the offer's own price-list version (type to search, arrows, Enter adds it), or a free line
// typed in by hand (Enter adds it). Either way the new line's first field to fill gets the focus.
import { Button, Select, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNok, MAIN_COMPONENTS } from '../../../../shared/rules';
import type { OfferCatalogue } from '../../api/contract';
import { freeRow, rowFromCatalogueItem, rowFromFee, type DraftRow, type RowField } from './draftRows';
import classes from './Offers.module.css';

interface Props {
  catalogue: OfferCatalogue | undefined;
  onAdd(row: DraftRow, focusField: RowField): void;
}

const newLineId = (): string => `line:${crypto.randomUUID()}`;

export function AddLineControls({ catalogue, onAdd }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [free, setFree] = useState('');
  const [freeMissing, setFreeMissing] = useState(false);

  const data = useMemo(() => {
    if (!catalogue) return [];
    const fees = {
      group: t('offers.component.fee'),
      items: catalogue.standardFees.map((fee) => ({
        value: `fee:${fee.code}`,
        label: `${fee.description} – ${formatNok(fee.unitPriceOre)}/${fee.unit}`,
      })),
    };
    const byComponent = MAIN_COMPONENTS.map((component) => ({
      group: t(`offers.component.${component}`),
      items: catalogue.catalogue
        .filter((item) => item.component === component)
        .map((item) => ({
          value: `item:${item.code}`,
          label: `${item.description} – ${formatNok(item.unitPriceOre)}/${item.unit}`,
        })),
    })).filter((group) => group.items.length > 0);
    return [...byComponent, fees].filter((group) => group.items.length > 0);
  }, [catalogue, t]);

  const addFromList = (value: string | null) => {
    if (!value || !catalogue) return;
    const [kind, code] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    const fee = kind === 'fee' ? catalogue.standardFees.find((f) => f.code === code) : undefined;
    const item = kind === 'item' ? catalogue.catalogue.find((i) => i.code === code) : undefined;
    const row = fee ? rowFromFee(fee, catalogue, newLineId()) : item ? rowFromCatalogueItem(item, catalogue, newLineId()) : null;
    setSearch('');
    if (row) onAdd(row, 'quantityText');
  };

  const addFree = () => {
    if (free.trim() === '') {
      setFreeMissing(true);
      return;
    }
    onAdd(freeRow(newLineId(), free.trim()), 'priceText');
    setFree('');
    setFreeMissing(false);
  };

  return (
    <div className={classes.addRow}>
      <Select
        label={t('offers.add.fromList')}
        description={catalogue ? t('offers.add.fromListHint', { version: catalogue.version }) : undefined}
        placeholder={t('offers.add.fromListPlaceholder')}
        data={data}
        value={null}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        onChange={addFromList}
        nothingFoundMessage={t('offers.add.nothingFound')}
        maxDropdownHeight={320}
        disabled={!catalogue}
        size="sm"
        w={420}
        data-testid="add-from-list"
      />
      <form
        style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}
        onSubmit={(event) => {
          event.preventDefault();
          addFree();
        }}
      >
        <TextInput
          label={t('offers.add.free')}
          description={t('offers.add.freeHint')}
          placeholder={t('offers.add.freePlaceholder')}
          value={free}
          maxLength={200}
          error={freeMissing ? t('offers.problem.descriptionRequired') : undefined}
          onChange={(event) => {
            setFree(event.currentTarget.value);
            setFreeMissing(false);
          }}
          size="sm"
          w={320}
        />
        <Button type="submit" variant="default" size="sm">
          {t('offers.add.freeButton')}
        </Button>
      </form>
    </div>
  );
}
