// One colour per case status, shared by the queue's status dots and the case view's badge. Colour is never the
// only signal: the status name is always written beside it.
import type { CaseStatus } from '../../../shared/rules';

export const STATUS_COLOR: Record<CaseStatus, string> = {
  new: 'blue',
  in_review: 'indigo',
  waiting_for_info: 'yellow',
  approved: 'teal',
  rejected: 'red',
  offer_sent: 'violet',
  offer_accepted: 'violet',
  invoice_sent: 'grape',
  paid: 'green',
  completion_reported: 'cyan',
  meter_mounted: 'cyan',
  metering_point_registered: 'lime',
  closed: 'gray',
  developer_project: 'orange',
  termination_requested: 'pink',
  connected: 'lime',
  disconnected: 'pink',
};
