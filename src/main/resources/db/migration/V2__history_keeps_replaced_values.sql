-- History without writing every count twice. A count's first value stands in vote_count
-- (with the revision that set it) until a later revision replaces it; only then does
-- vote_count_change keep a row: the new value, the value it replaced and the revision that
-- had set that one. Nothing is lost: vote_counts_at() reads any revision back. A first
-- load (the bulk of election night) writes each count once instead of twice.

alter table vote_count_change add column previous_revision bigint;

update vote_count_change c
set previous_revision = (select max(p.revision) from vote_count_change p
                         where p.contest_id = c.contest_id and p.unit_id = c.unit_id
                           and p.choice_id = c.choice_id and p.vote_type = c.vote_type
                           and p.revision < c.revision)
where c.previous_votes is not null;

delete from vote_count_change where previous_votes is null or previous_revision is null;

alter table vote_count_change
    alter column previous_votes set not null,
    alter column previous_revision set not null,
    add constraint vote_count_change_previous_revision_check check (previous_revision > 0 and previous_revision < revision),
    drop constraint vote_count_change_choice_id_contest_id_fkey,
    drop constraint vote_count_change_unit_id_fkey,
    -- a replaced value belongs to a count that exists (whose own keys are checked there)
    add constraint vote_count_change_count_fkey foreign key (contest_id, unit_id, choice_id, vote_type)
        references vote_count (contest_id, unit_id, choice_id, vote_type) on delete cascade;

-- Every count of an election as it stood after a revision.
create function vote_counts_at(p_election bigint, p_revision bigint)
returns table (contest_id bigint, unit_id bigint, choice_id bigint, vote_type text, votes bigint, revision bigint)
language sql stable as $$
    select v.contest_id, v.unit_id, v.choice_id, v.vote_type, v.votes, v.revision
    from vote_count v join contest c on c.id = v.contest_id
    where c.election_id = p_election and v.revision <= p_revision
    union all
    select h.contest_id, h.unit_id, h.choice_id, h.vote_type, h.previous_votes, h.previous_revision
    from vote_count_change h join contest c on c.id = h.contest_id
    where c.election_id = p_election and h.revision > p_revision and h.previous_revision <= p_revision
$$;
