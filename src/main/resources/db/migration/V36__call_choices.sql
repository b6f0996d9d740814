-- A call's winners and advancing choices, written once (issue 24): the names of the
-- choices a call (race_call) gives a role ('winner' or 'advancing'), in the contest's
-- ballot order. The feed's calls (ResultsQueries), the contest timeline
-- (ContestHistoryQueries) and the staff desk (RaceDesk) read them here; an empty array
-- when the call names none.
create function call_choices(p_call bigint, p_role text) returns text[]
stable parallel safe language sql as $$
    select array(select ch.name
                 from race_call_choice x join choice ch on ch.id = x.choice_id
                 where x.call_id = p_call and x.role = p_role
                 order by ch.ballot_order, ch.id)
$$;
