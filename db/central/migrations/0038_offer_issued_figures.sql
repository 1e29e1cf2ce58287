-- Issue 14 (the initial pull): the desk's cache keeps an offer's lines and the figures it was issued with, and works
-- the rest of its calculation out again (shared/rules/offerCalculation.ts ISSUED_FIGURES). Kept here as a stored
-- generated column so that a pull does not parse every offer's whole calculation (some 6 kB of JSON) to take four
-- figures out of it. Concatenation, because json_build_object is not immutable; the order of the keys is the one
-- ISSUED_FIGURES gives (test/integration/central/offers.test.ts compares them).
ALTER TABLE offers ADD COLUMN issued_figures text GENERATED ALWAYS AS (
  '{"netOre":' || coalesce(totals::json ->> 'netOre', 'null')
  || ',"vatOre":' || coalesce(totals::json ->> 'vatOre', 'null')
  || ',"grossOre":' || coalesce(totals::json ->> 'grossOre', 'null')
  || ',"contributionOre":' || coalesce(totals::json ->> 'contributionOre', 'null') || '}'
) STORED;
