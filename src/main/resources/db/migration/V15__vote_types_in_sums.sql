-- Vote types in the read model (issue 12) and the county rule written once (issue 11).
--
-- 1. Where a unit's counts go in count_sum (V4), defined here and nowhere else: a precinct
--    counts toward its county (its parent) in the block of 64 precinct ids holding its id,
--    with one bit of that block; any other unit (a county, a state) is its own "county",
--    block -1, no bit. The functions are the definition; reporting_unit keeps their values
--    as stored generated columns that the sums (recount_sums below, the import's merge)
--    read, and the import asks count_place() about the units it creates before they are
--    written. Which of a county's rows count (its precincts if it has any, else its own
--    row) is the totals rule of ResultsQueries.RULED, which reads count_sum.
--    Changing these functions needs a migration that rewrites the columns and the sums.

create function count_county(p_level text, p_id bigint, p_parent bigint) returns bigint
immutable parallel safe language sql as $$
    select case when p_level = 'precinct' then p_parent else p_id end
$$;

create function count_block(p_level text, p_id bigint) returns bigint
immutable parallel safe language sql as $$
    select case when p_level = 'precinct' then p_id / 64 else -1 end
$$;

create function count_bit(p_level text, p_id bigint) returns bigint
immutable parallel safe language sql as $$
    select case when p_level = 'precinct' then 1::bigint << (p_id % 64)::integer else 0 end
$$;

-- The three at once, for units an import creates (not written yet).
create function count_place(p_level text, p_id bigint, p_parent bigint,
                            out county_id bigint, out block_no bigint, out block_bit bigint)
immutable parallel safe language sql as $$
    select count_county(p_level, p_id, p_parent), count_block(p_level, p_id), count_bit(p_level, p_id)
$$;

alter table reporting_unit
    add column sum_county_id bigint generated always as (count_county(level, id, parent_id)) stored,
    add column sum_block     bigint generated always as (count_block(level, id)) stored,
    add column sum_bit       bigint generated always as (count_bit(level, id)) stored;

-- 2. count_sum by vote type: every type a count has, not only 'total', under the same key.
--    Which units count for a county is decided per (contest, county) over all of its rows,
--    the same for every type (ResultsQueries.RULED), so a type's sums follow the totals.

alter table count_sum
    add column vote_type text not null default 'total'
        check (vote_type in ('total', 'election-day', 'mail', 'early', 'provisional')),
    drop constraint count_sum_pkey,
    add primary key (contest_id, choice_id, county_id, block, vote_type);

alter table count_sum alter column vote_type drop default;

create or replace function recount_sums(p_contests bigint[]) returns void language sql as $$
    delete from count_sum where contest_id = any(p_contests);
    insert into count_sum (contest_id, choice_id, county_id, block, vote_type, votes, precincts)
    select vc.contest_id, vc.choice_id, u.sum_county_id, u.sum_block, vc.vote_type, sum(vc.votes), bit_or(u.sum_bit)
    from vote_count vc join reporting_unit u on u.id = vc.unit_id
    where vc.contest_id = any(p_contests)
    group by 1, 2, 3, 4, 5;
$$;

select recount_sums(array(select id from contest));

-- 3. History with its split: each choice's votes per vote type as they stood after a
--    revision that changed the contest (contest_snapshot keeps the totals). Only the types
--    the contest had; revisions before this migration have none.

create table contest_type_snapshot (
    contest_id  bigint  not null,
    revision    bigint  not null check (revision > 0),
    choice_id   bigint  not null references choice on delete cascade,
    vote_type   text    not null check (vote_type in ('election-day', 'mail', 'early', 'provisional')),
    votes       bigint  not null check (votes >= 0),
    primary key (contest_id, revision, choice_id, vote_type),
    foreign key (contest_id) references contest on delete cascade
);
