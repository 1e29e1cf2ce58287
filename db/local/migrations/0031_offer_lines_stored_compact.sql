-- Issue 15 (the cache at a million cases): an offer's lines without their key names, one JSON array per line in the
-- order of core/offers/storedLines.ts (id, component, kind, description, quantity × 1000, unit, unit price in øre, VAT
-- code, [price list, version, item code] or null). The names were half of every offer: about 1 kB each, and rows of
-- some 2.2 kB left a third of every page they were on empty. The same for the copy of a pulled row a local change
-- keeps to roll back to (server_row, 0025). Each row's lines are rewritten from its own (a correlated subquery: one
-- pass over the offers). The two statements differ only in where the lines are read from and written to.
UPDATE offers SET lines = (
    SELECT json_group_array(json_array(
        json_extract(l.value, '$.id'), json_extract(l.value, '$.component'), json_extract(l.value, '$.kind'),
        json_extract(l.value, '$.description'), json_extract(l.value, '$.quantityMilli'), json_extract(l.value, '$.unit'),
        json_extract(l.value, '$.unitPriceOre'), json_extract(l.value, '$.vatCode'),
        CASE WHEN json_type(l.value, '$.source') = 'object' THEN json_array(json_extract(l.value, '$.source.priceListId'),
          json_extract(l.value, '$.source.version'), json_extract(l.value, '$.source.itemCode')) END
      ) ORDER BY l.key)
    FROM json_each(offers.lines) l)
  WHERE json_type(lines, '$[0]') = 'object';
--> statement-breakpoint
-- `|| ''` keeps the lines a string inside server_row, as the trigger of 0025 writes them.
UPDATE offers SET server_row = json_set(server_row, '$.lines', (
    SELECT json_group_array(json_array(
        json_extract(l.value, '$.id'), json_extract(l.value, '$.component'), json_extract(l.value, '$.kind'),
        json_extract(l.value, '$.description'), json_extract(l.value, '$.quantityMilli'), json_extract(l.value, '$.unit'),
        json_extract(l.value, '$.unitPriceOre'), json_extract(l.value, '$.vatCode'),
        CASE WHEN json_type(l.value, '$.source') = 'object' THEN json_array(json_extract(l.value, '$.source.priceListId'),
          json_extract(l.value, '$.source.version'), json_extract(l.value, '$.source.itemCode')) END
      ) ORDER BY l.key)
    FROM json_each(json_extract(offers.server_row, '$.lines')) l) || '')
  WHERE server_row IS NOT NULL AND json_type(json_extract(server_row, '$.lines'), '$[0]') = 'object';
