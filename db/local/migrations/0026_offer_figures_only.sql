-- Issue 15 (the database at a million cases): an offer's totals held its whole calculation — the lines again with
-- their amounts, every step's explanation in words — some 6 kB per offer and a third of a standalone database. The desk
-- keeps the four figures the offer was (or for a draft would be) issued with (core/mutations/offerMutations.ts
-- storedFigures, as the cache has kept pulled offers since issue 14); offerService works the rest out again from the
-- lines and shows the figures as issued where that no longer agrees. The pages freed here are reused by later writes.
UPDATE `offers` SET `totals` = json_object(
    'netOre', json_extract(`totals`, '$.netOre'), 'vatOre', json_extract(`totals`, '$.vatOre'),
    'grossOre', json_extract(`totals`, '$.grossOre'), 'contributionOre', json_extract(`totals`, '$.contributionOre'))
  WHERE json_type(`totals`, '$.lines') IS NOT NULL;
