// The queue's columns: heading key, the sort key when the column sorts, and its width in the CSS grid.
import type { QueueSortKey } from '../../api/contract';

export interface QueueColumn {
  id: string;
  labelKey: string;
  sortKey?: QueueSortKey;
  width: string;
}

export const QUEUE_COLUMNS: readonly QueueColumn[] = [
  { id: 'caseNumber', labelKey: 'queue.columns.caseNumber', width: '128px' },
  { id: 'received', labelKey: 'queue.columns.received', sortKey: 'received', width: '146px' },
  { id: 'type', labelKey: 'queue.columns.type', sortKey: 'type', width: 'minmax(140px, 1.3fr)' },
  { id: 'address', labelKey: 'queue.columns.address', sortKey: 'address', width: 'minmax(160px, 1.6fr)' },
  { id: 'installer', labelKey: 'queue.columns.installer', sortKey: 'installer', width: 'minmax(130px, 1.2fr)' },
  { id: 'status', labelKey: 'queue.columns.status', sortKey: 'status', width: '168px' },
  { id: 'due', labelKey: 'queue.columns.due', sortKey: 'due', width: '236px' },
  { id: 'assignee', labelKey: 'queue.columns.assignee', sortKey: 'assignee', width: 'minmax(110px, 0.9fr)' },
];

export const GRID_TEMPLATE = QUEUE_COLUMNS.map((column) => column.width).join(' ');
