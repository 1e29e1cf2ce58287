// A table of figures with its caption and a "Last ned CSV" button: every table on the overview is one of these,
// so every chart's figures can also be read (and exported) as a table.
import { Button, Group, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { toCsv, type CsvCell } from './csv';
import { downloadCsv } from './downloadCsv';
import classes from './Overview.module.css';

export interface FigureColumn {
  label: string;
  numeric?: boolean;
}

interface FigureTableProps {
  caption: string;
  columns: readonly FigureColumn[];
  rows: ReadonlyArray<readonly CsvCell[]>;
  /** The CSV file's name without date or extension, e.g. `saker-per-status`. */
  fileName: string;
  /** The day the figures are for, in the file name. */
  today: string;
  emptyText?: string;
}

export function FigureTable({ caption, columns, rows, fileName, today, emptyText }: FigureTableProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const download = () => downloadCsv(`${fileName}-${today}.csv`, toCsv(columns.map((column) => column.label), rows));
  return (
    <div>
      <Group justify="space-between" align="center" mb={4} wrap="nowrap">
        <Text fw={600} size="sm" component="h3" id={captionId}>
          {caption}
        </Text>
        <Button
          size="compact-xs"
          variant="default"
          onClick={download}
          aria-label={t('overview.downloadCsvLabel', { table: caption })}
          data-testid={`csv-${fileName}`}
        >
          {t('overview.downloadCsv')}
        </Button>
      </Group>
      {/* Focusable, so a long table scrolls by keyboard too. */}
      <div className={classes.tableWrap} tabIndex={0} role="region" aria-labelledby={captionId}>
        <Table striped withTableBorder fz="sm" verticalSpacing={4} stickyHeader aria-labelledby={captionId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.label} scope="col" className={column.numeric ? classes.numeric : undefined}>
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>{emptyText ?? t('overview.none')}</Table.Td>
              </Table.Tr>
            )}
            {rows.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <Table.Th key={c} scope="row" fw={400}>
                      {typeof cell === 'number' ? formatNumber(cell) : cell}
                    </Table.Th>
                  ) : (
                    <Table.Td key={c} className={columns[c]?.numeric ? classes.numeric : undefined}>
                      {typeof cell === 'number' ? formatNumber(cell) : (cell ?? '–')}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </div>
  );
}
