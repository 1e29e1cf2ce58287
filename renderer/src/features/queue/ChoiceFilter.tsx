// One of the queue's either-or filters (Frist, Tilbud): a labelled segmented control whose choices show how many
// cases each gives. Choosing anything but "all" clears the status filter: the cases each choice finds are in
// several statuses, and the counts beside them are of all of those.
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { formatNumber } from '../../i18n/format';

export interface FilterChoice<Value extends string> {
  value: Value;
  label: string;
  count?: number;
}

export function ChoiceFilter<Value extends string>({ label, value, choices, onChange }: {
  label: string;
  value: Value;
  choices: FilterChoice<Value>[];
  onChange: (value: Value) => void;
}) {
  const labelId = useId();
  return (
    <Stack gap={2}>
      <Text id={labelId} size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value}
        onChange={(choice) => onChange(choice)}
        data={choices.map((choice) => ({
          value: choice.value,
          label: choice.count === undefined ? choice.label : `${choice.label} (${formatNumber(choice.count)})`,
        }))}
      />
    </Stack>
  );
}
