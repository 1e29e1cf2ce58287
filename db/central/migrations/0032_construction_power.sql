-- Construction power as it runs (issue 13, item 3; electron/shared/rules/constructionPower.ts): connected with the
-- meter read at the start → termination requested → disconnected with the final reading → closed with the metering
-- point deregistered; the cabinet rent billed afterwards for the actual days. The columns mirror local 0017.
ALTER TABLE cases ADD COLUMN power_connected_on date,
  ADD COLUMN start_meter_reading numeric(12, 1),
  ADD COLUMN power_disconnected_on date,
  ADD COLUMN final_meter_reading numeric(12, 1),
  ADD COLUMN cabinet_rent_days integer,
  ADD COLUMN cabinet_rent_rate_ore bigint,
  ADD COLUMN cabinet_rent_net_ore bigint;
--> statement-breakpoint
-- The second line behind the desk's and the service's refusals (constructionPower.ts): a register only counts up,
-- a cabinet does not come down before it went up, and the rent is for at least the one day it stood.
ALTER TABLE cases ADD CONSTRAINT cases_meter_readings_valid CHECK (
  (start_meter_reading IS NULL OR start_meter_reading >= 0)
  AND (final_meter_reading IS NULL OR (start_meter_reading IS NOT NULL AND final_meter_reading >= start_meter_reading)));
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_power_period_valid CHECK (
  power_disconnected_on IS NULL OR (power_connected_on IS NOT NULL AND power_disconnected_on >= power_connected_on));
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_cabinet_rent_valid CHECK (
  (cabinet_rent_days IS NULL OR cabinet_rent_days >= 1)
  AND (cabinet_rent_rate_ore IS NULL OR cabinet_rent_rate_ore >= 0)
  AND (cabinet_rent_net_ore IS NULL OR cabinet_rent_net_ore >= 0));
--> statement-breakpoint
-- domain.ts CASE_STATUSES: construction power's `connected` and `disconnected`.
ALTER TABLE cases DROP CONSTRAINT cases_status_known;
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_status_known CHECK (status IN ('new', 'in_review', 'waiting_for_info',
  'approved', 'rejected', 'offer_sent', 'offer_accepted', 'invoice_sent', 'paid', 'completion_reported',
  'meter_mounted', 'metering_point_registered', 'closed', 'developer_project', 'termination_requested',
  'connected', 'disconnected'));
--> statement-breakpoint
-- The actions registerConnection and registerDisconnection write these (mutations/caseActions.ts decisionColumns).
GRANT UPDATE (power_connected_on, start_meter_reading, power_disconnected_on, final_meter_reading, cabinet_rent_days,
  cabinet_rent_rate_ore, cabinet_rent_net_ore)
  ON cases TO case_handler, supervisor;
--> statement-breakpoint
-- The installer follows the cabinet's readings and rent on the portal's case page (0019 granted the columns of its day).
GRANT SELECT (power_connected_on, start_meter_reading, power_disconnected_on, final_meter_reading, cabinet_rent_days,
  cabinet_rent_rate_ore, cabinet_rent_net_ore)
  ON cases TO portal_user;
