-- What the fitter needs on a work order (local migration 0020): the cabinet, the cable (type and cross-section),
-- the short-circuit fuse and the framework agreement's item. Written only with the order, by the supervisor who
-- places it (the INSERT grant of 0014 widened by these columns); checked here as the desk checks them.
ALTER TABLE work_orders
  ADD COLUMN cabinet_id text,
  ADD COLUMN cable_type text,
  ADD COLUMN cable_cross_section_mm2 integer,
  ADD COLUMN short_circuit_fuse_a integer,
  ADD COLUMN framework_item text,
  ADD CONSTRAINT work_orders_cabinet_id_length CHECK (char_length(cabinet_id) BETWEEN 1 AND 60),
  ADD CONSTRAINT work_orders_cable_type_length CHECK (char_length(cable_type) BETWEEN 1 AND 60),
  ADD CONSTRAINT work_orders_cable_cross_section CHECK (cable_cross_section_mm2 BETWEEN 1 AND 1000),
  ADD CONSTRAINT work_orders_short_circuit_fuse CHECK (short_circuit_fuse_a BETWEEN 1 AND 4000),
  ADD CONSTRAINT work_orders_framework_item_length CHECK (char_length(framework_item) BETWEEN 1 AND 200);
--> statement-breakpoint
GRANT INSERT (cabinet_id, cable_type, cable_cross_section_mm2, short_circuit_fuse_a, framework_item)
  ON work_orders TO supervisor;
