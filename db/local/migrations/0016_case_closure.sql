-- Every case can end (issue 13, item 1): why a closed case ended (rules/caseClosure.ts CLOSURE_REASONS; the
-- handler's words stay in decision_reason) and, for a case cancelled after the owner accepted the offer, the costs
-- already incurred in øre. Pulled from the central columns of the same names (central 0031).
ALTER TABLE `cases` ADD `closure_reason` text;
--> statement-breakpoint
ALTER TABLE `cases` ADD `cancellation_costs_ore` integer;
