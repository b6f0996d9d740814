-- The row-by-row foreign keys of vote_count cost more than everything else an import does:
-- two referential-integrity probes (with a row lock each) for every count, 5.5 of the 6.5 s
-- it takes to write the 790,283 counts of California's 2016 general. Counts are written by
-- one code path only, the import (org.tally.ingest), and it takes every id from the
-- election's own contests, choices and reporting units, read or created under the
-- election's row lock, which every writer of those tables also takes. So the checks move
-- to where the ids come from, and the database keeps what a foreign key also did:
-- deleting a choice or a unit deletes its counts (set-wise, once per statement), and the
-- ids counts refer to cannot change.

alter table vote_count
    drop constraint vote_count_choice_id_contest_id_fkey,
    drop constraint vote_count_unit_id_fkey;

create function delete_counts_of_choices() returns trigger language plpgsql as $$
begin
    delete from vote_count v using gone g where v.contest_id = g.contest_id and v.choice_id = g.id;
    return null;
end $$;

create trigger choice_deletes_counts after delete on choice
    referencing old table as gone for each statement execute function delete_counts_of_choices();

create function delete_counts_of_units() returns trigger language plpgsql as $$
begin
    delete from vote_count v using gone g, contest c
    where c.election_id = g.election_id and v.contest_id = c.id and v.unit_id = g.id;
    return null;
end $$;

create trigger reporting_unit_deletes_counts after delete on reporting_unit
    referencing old table as gone for each statement execute function delete_counts_of_units();

create function refuse_key_change() returns trigger language plpgsql as $$
begin
    raise exception 'the id of a % cannot change: counts refer to it', tg_table_name
        using errcode = 'foreign_key_violation';
end $$;

create trigger choice_keys_fixed before update of id, contest_id on choice
    for each row when (old.id is distinct from new.id or old.contest_id is distinct from new.contest_id)
    execute function refuse_key_change();

create trigger reporting_unit_keys_fixed before update of id, election_id on reporting_unit
    for each row when (old.id is distinct from new.id or old.election_id is distinct from new.election_id)
    execute function refuse_key_change();
