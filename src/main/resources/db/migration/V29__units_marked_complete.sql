-- Units staff marked complete for a contest's estimate (docs/projection.md): a unit is
-- complete when its file says so or when staff mark it here.
create table unit_complete (
    contest_id  bigint      not null references contest on delete cascade,
    unit_id     bigint      not null references reporting_unit on delete cascade,
    marked_by   text        not null,
    marked_at   timestamptz not null default now(),
    primary key (contest_id, unit_id)
);
