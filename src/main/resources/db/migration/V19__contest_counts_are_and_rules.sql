-- Issue 23 (formats): what a contest's figures are, how a ranked-choice contest is decided,
-- and what a source's own total says beside its units (docs/import.md, docs/data-model.md).
--
-- rule 'ranked-choice': an RCTab report's contest; with seats > 1 it is multi-winner (STV).
alter table contest drop constraint contest_rule_check;
alter table contest add constraint contest_rule_check
    check (rule in ('plurality', 'majority', 'top-two', 'threshold', 'ranked-choice'));

-- counts_are: null for votes; 'state-delegate-equivalents' when a source's figures are not
-- votes (AP's Democratic caucus races). Pages then say "delegate equivalents" and show no
-- percentages of votes.
alter table contest add column counts_are text
    check (counts_are in ('state-delegate-equivalents'));

-- units_differ_by: per choice, the source's own contest-wide figure minus the sum of its units'
-- rows, where they differ (AP's state row against its counties), as the last import stated it;
-- null when they agree or the source states no such total.
alter table contest add column units_differ_by jsonb
    check (units_differ_by is null or jsonb_typeof(units_differ_by) = 'object');

-- totals_unit_id: the unit whose rows are the contest's totals when its source says which
-- (AP's state row, its tabulation of record); its other units keep their own rows and are
-- listed as they are (ResultsQueries.RULED). Null: the totals rule of docs/data-model.md.
alter table contest add column totals_unit_id bigint references reporting_unit on delete set null;
