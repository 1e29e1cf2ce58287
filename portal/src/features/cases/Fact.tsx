// One labelled fact in a description list.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">{label}</Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}
