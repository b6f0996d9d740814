-- A contest's baseline: a contest of an earlier election whose counts per unit the
-- estimate of the final result starts from (docs/projection.md). Units are matched when
-- the estimate is made (by code, else by name), so units created later still match.
create table contest_baseline (
    contest_id          bigint      primary key references contest on delete cascade,
    baseline_contest_id bigint      not null references contest on delete cascade,
    set_by              text        not null,
    set_at              timestamptz not null default now(),
    check (contest_id <> baseline_contest_id)
);

-- Which baseline choices each choice is compared with: one by name, or every baseline
-- choice of a party (their votes summed). A choice without a row has no baseline.
create table contest_baseline_choice (
    contest_id          bigint      not null references contest_baseline on delete cascade,
    choice_id           bigint      not null references choice on delete cascade,
    baseline_choice_id  bigint      not null references choice on delete cascade,
    primary key (contest_id, choice_id, baseline_choice_id)
);

-- Who may see the estimate: off, staff (the staff desk only) or public.
alter table election add column projections text not null default 'staff'
    check (projections in ('off', 'staff', 'public'));
