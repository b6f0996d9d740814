-- Issue 23 (formats): identity by the file's own keys, and the counts a file states that
-- are not votes (docs/import.md, Identity by key and Other counts; docs/data-model.md).
--
-- source_key: a file's key for one of its contests, choices or reporting units (Clarity's
-- contest and choice key, NIST's @id, AP's raceID, candidateID and reportingunitID), kept
-- so that a later file of the same source finds the same row by its key, whatever name it
-- now writes. scope: the source the key is unique within ('clarity:Allegheny', 'nist:...',
-- 'ap:KY'); a choice's key includes its contest's where the format's choice keys are only
-- unique within a contest. label: the name the last file to use the key wrote for it.
create table source_key (
    election_id bigint not null references election on delete cascade,
    scope text not null check (length(scope) between 1 and 400),
    kind text not null check (kind in ('contest', 'choice', 'unit')),
    key text not null check (length(key) between 1 and 400),
    contest_id bigint references contest on delete cascade,
    choice_id bigint references choice on delete cascade,
    unit_id bigint references reporting_unit on delete cascade,
    label text not null,
    primary key (election_id, scope, kind, key),
    constraint source_key_target check (
        (kind = 'contest' and contest_id is not null and choice_id is null and unit_id is null)
        or (kind = 'choice' and choice_id is not null and unit_id is null)
        or (kind = 'unit' and unit_id is not null and contest_id is null and choice_id is null))
);
create index source_key_contest on source_key (contest_id) where contest_id is not null;
create index source_key_choice on source_key (choice_id) where choice_id is not null;
create index source_key_unit on source_key (unit_id) where unit_id is not null;

-- other_count: what a file states of a contest in a unit that is not a choice's votes
-- (NIST OtherCounts, RCTab's overvotes and undervotes, Clarity's contest-level Overvotes /
-- Undervotes vote types): replaced by each file that states them, never added to votes.
-- The contest's figure is the sum over its units, a unit's children standing in for it
-- when they have a row of the same kind (ResultsQueries, docs/data-model.md).
create table other_count (
    contest_id bigint not null references contest on delete cascade,
    unit_id bigint not null references reporting_unit on delete cascade,
    kind text not null check (kind in ('overvotes', 'undervotes', 'blank')),
    count bigint not null check (count between 0 and 1000000000000),
    primary key (contest_id, unit_id, kind)
);
create index other_count_unit on other_count (unit_id);
