-- Totals without reading every count. The totals rule (ResultsQueries.RULED) works on a
-- small aggregate of the counts: per contest, choice, county and block of 64 precinct ids,
-- the sum of the 'total' votes and a bit per precinct of the block that has a count (block
-- -1: a county's own row, or any unit that is not a precinct). It used to be computed from
-- vote_count on every read: 0.3 s for a statewide election, after every county file on
-- election night, in each import and in each instance's feed cache. Now the import keeps it,
-- adding what each revision changed, so a read costs what the aggregate holds (about 17k rows
-- for California's 2016 general) and an import what its own rows change.

create table count_sum (
    contest_id  bigint  not null,
    choice_id   bigint  not null,
    county_id   bigint  not null,
    block       bigint  not null check (block >= -1),
    votes       bigint  not null, -- no check: an upsert adds negative deltas (corrections)
    precincts   bigint  not null default 0,
    primary key (contest_id, choice_id, county_id, block),
    foreign key (choice_id, contest_id) references choice (id, contest_id) on delete cascade
);

-- The sums of the given contests, computed again from their counts.
create function recount_sums(p_contests bigint[]) returns void language sql as $$
    delete from count_sum where contest_id = any(p_contests);
    insert into count_sum (contest_id, choice_id, county_id, block, votes, precincts)
    select vc.contest_id, vc.choice_id,
           case when u.level = 'precinct' then u.parent_id else u.id end,
           case when u.level = 'precinct' then u.id / 64 else -1 end,
           sum(vc.votes),
           bit_or(case when u.level = 'precinct' then 1::bigint << (u.id % 64)::integer else 0 end)
    from vote_count vc join reporting_unit u on u.id = vc.unit_id
    where vc.contest_id = any(p_contests) and vc.vote_type = 'total'
    group by 1, 2, 3, 4;
$$;

select recount_sums(array(select id from contest));

-- A deleted unit takes its counts (V3) and, with them, its part of the sums.
create or replace function delete_counts_of_units() returns trigger language plpgsql as $$
begin
    delete from vote_count v using gone g, contest c
    where c.election_id = g.election_id and v.contest_id = c.id and v.unit_id = g.id;
    perform recount_sums(array(select c.id from contest c where c.election_id in (select election_id from gone)));
    return null;
end $$;
