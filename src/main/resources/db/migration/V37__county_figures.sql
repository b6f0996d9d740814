-- The county rule for figures, written once (issue 24; docs/numbers.md, "The county rule").
--
-- A contest's expected vote, ballots cast and registered voters come from the files per
-- reporting unit (progress). Per contest and county (the county of a unit is
-- reporting_unit.sum_county_id, V15: a precinct's county, else the unit itself), each
-- figure on its own:
--   the sum of the county's precincts' figures when the county has precincts in the
--   contest and every one of them states the figure, else the county's own row's figure
--   (null when it has none).
-- A county's precincts in a contest are those with a count (their bits in count_sum) or a
-- progress row, each once. So a county and its precincts are never both counted, and a
-- sum of some precincts never passes for the county's figure. (The counts' rule differs on
-- purpose: a county's precincts count when it has any, else its own row: ResultsQueries.RULED.)
create function county_figures(p_contests bigint[])
returns table (contest_id bigint, county_id bigint, expected_votes bigint, ballots_cast bigint,
               registered_voters bigint)
stable parallel safe language sql as $$
    with figures as (
        select p.contest_id, u.sum_county_id as county_id, u.level = 'precinct' as precinct, u.sum_block,
               u.sum_bit, p.expected_votes, p.ballots_cast, p.registered_voters
        from progress p join reporting_unit u on u.id = p.unit_id
        where p.contest_id = any(p_contests)
    ), precincts as (
        select b.contest_id, b.county_id, sum(bit_count(b.bits::bit(64))) as precincts
        from (select k.contest_id, k.county_id, k.block, bit_or(k.bits) as bits
              from (select s.contest_id, s.county_id, s.block, s.precincts as bits
                    from count_sum s
                    where s.contest_id = any(p_contests) and s.block <> -1
                    union all
                    select f.contest_id, f.county_id, f.sum_block, f.sum_bit from figures f where f.precinct) k
              group by k.contest_id, k.county_id, k.block) b
        group by b.contest_id, b.county_id
    )
    select f.contest_id, f.county_id,
           case when n.precincts > 0 and count(f.expected_votes) filter (where f.precinct) = n.precincts
                then sum(f.expected_votes) filter (where f.precinct)
                else max(f.expected_votes) filter (where not f.precinct) end::bigint,
           case when n.precincts > 0 and count(f.ballots_cast) filter (where f.precinct) = n.precincts
                then sum(f.ballots_cast) filter (where f.precinct)
                else max(f.ballots_cast) filter (where not f.precinct) end::bigint,
           case when n.precincts > 0 and count(f.registered_voters) filter (where f.precinct) = n.precincts
                then sum(f.registered_voters) filter (where f.precinct)
                else max(f.registered_voters) filter (where not f.precinct) end::bigint
    from figures f
    left join precincts n on n.contest_id = f.contest_id and n.county_id = f.county_id
    group by f.contest_id, f.county_id, n.precincts
$$;
