-- The embargo (docs/contract.md §7): before publish_after no public surface shows the
-- election's counts. opened_after is the publish_after an "opening" revision was recorded
-- for (or that had already passed when it was set), so each embargo opens once, by whichever
-- instance gets there first.
alter table election
    add column publish_after timestamptz,
    add column opened_after  timestamptz;

-- The revision that opens an embargoed election's results at publish_after.
alter table revision drop constraint revision_kind_check;
alter table revision add constraint revision_kind_check check (kind in ('import', 'correction', 'call', 'concession', 'setup', 'opening'));
