-- Tally's results model. Counts are never overwritten: vote_count holds the current
-- value and vote_count_change every value a revision set, so any revision can be read back.

create table election (
    id              bigserial primary key,
    slug            text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
    name            text        not null check (length(name) between 1 and 300),
    election_date   date        not null,
    kind            text        not null check (kind in ('general', 'primary', 'special-primary', 'special-general', 'runoff')),
    jurisdiction    text        not null check (length(jurisdiction) between 1 and 300),
    status          text        not null default 'scheduled'
                                check (status in ('scheduled', 'counting', 'paused', 'unofficial-complete', 'certified')),
    test            boolean     not null default false,
    time_zone       text        not null default 'America/Los_Angeles',
    revision        bigint      not null default 0 check (revision >= 0),
    last_updated    timestamptz,
    created_at      timestamptz not null default now()
);

create table reporting_unit (
    id              bigserial primary key,
    election_id     bigint      not null references election on delete cascade,
    code            text        not null check (length(code) between 1 and 300),
    name            text        not null check (length(name) between 1 and 300),
    level           text        not null check (level in ('state', 'county', 'precinct')),
    parent_id       bigint      references reporting_unit on delete cascade,
    unique (election_id, code),
    unique (id, election_id),
    check (level <> 'precinct' or parent_id is not null),
    check (level <> 'state' or parent_id is null)
);

create index reporting_unit_parent on reporting_unit (parent_id);

create table contest (
    id                  bigserial primary key,
    election_id         bigint      not null references election on delete cascade,
    slug                text        not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,199}$'),
    office              text        not null check (length(office) between 1 and 300),
    district            text        not null default '' check (length(district) <= 100),
    name                text        not null check (length(name) between 1 and 400),
    kind                text        not null default 'candidate' check (kind in ('candidate', 'measure')),
    seats               integer     not null default 1 check (seats between 1 and 100),
    rule                text        not null default 'plurality' check (rule in ('plurality', 'majority', 'top-two', 'threshold')),
    threshold           numeric(5, 2) check (threshold > 0 and threshold <= 100),
    uncontested         boolean     not null default false,
    ballot_order        integer     not null default 0,
    precincts_total     integer     check (precincts_total >= 0),
    registered_voters   bigint      check (registered_voters >= 0),
    ballots_outstanding bigint      check (ballots_outstanding >= 0),
    revision            bigint      not null default 0 check (revision >= 0),
    last_updated        timestamptz,
    unique (election_id, slug),
    unique (id, election_id),
    check ((rule = 'threshold') = (threshold is not null))
);

create table choice (
    id              bigserial primary key,
    contest_id      bigint      not null references contest on delete cascade,
    name            text        not null check (length(name) between 1 and 300),
    party           text        check (length(party) <= 100),
    incumbent       boolean     not null default false,
    write_in        boolean     not null default false,
    ballot_order    integer     not null default 0,
    unique (contest_id, name),
    unique (id, contest_id)
);

create table revision (
    election_id         bigint      not null references election on delete cascade,
    number              bigint      not null check (number > 0),
    kind                text        not null check (kind in ('import', 'correction', 'call', 'concession', 'setup')),
    source_updated_at   timestamptz,
    received_at         timestamptz not null default now(),
    recorded_by         text        not null,
    note                text,
    primary key (election_id, number)
);

create table vote_count (
    contest_id      bigint      not null,
    choice_id       bigint      not null,
    unit_id         bigint      not null references reporting_unit on delete cascade,
    vote_type       text        not null check (vote_type in ('total', 'election-day', 'mail', 'early', 'provisional')),
    votes           bigint      not null check (votes >= 0),
    revision        bigint      not null check (revision > 0),
    primary key (contest_id, unit_id, choice_id, vote_type),
    foreign key (choice_id, contest_id) references choice (id, contest_id) on delete cascade
);

create table vote_count_change (
    contest_id      bigint      not null,
    choice_id       bigint      not null,
    unit_id         bigint      not null references reporting_unit on delete cascade,
    vote_type       text        not null check (vote_type in ('total', 'election-day', 'mail', 'early', 'provisional')),
    revision        bigint      not null check (revision > 0),
    votes           bigint      not null check (votes >= 0),
    previous_votes  bigint      check (previous_votes >= 0),
    primary key (contest_id, unit_id, choice_id, vote_type, revision),
    foreign key (choice_id, contest_id) references choice (id, contest_id) on delete cascade
);

create table progress (
    contest_id          bigint      not null references contest on delete cascade,
    unit_id             bigint      not null references reporting_unit on delete cascade,
    precincts_reporting integer     check (precincts_reporting >= 0),
    precincts_total     integer     check (precincts_total >= 0),
    ballots_cast        bigint      check (ballots_cast >= 0),
    registered_voters   bigint      check (registered_voters >= 0),
    ballots_outstanding bigint      check (ballots_outstanding >= 0),
    revision            bigint      not null check (revision > 0),
    primary key (contest_id, unit_id),
    check (precincts_reporting is null or precincts_total is null or precincts_reporting <= precincts_total)
);

-- Totals of a contest as they stood after a revision that changed it: the history feed and chart.
create table contest_snapshot (
    contest_id          bigint      not null references contest on delete cascade,
    revision            bigint      not null check (revision > 0),
    choice_id           bigint      not null references choice on delete cascade,
    votes               bigint      not null check (votes >= 0),
    primary key (contest_id, revision, choice_id)
);

create table contest_progress_snapshot (
    contest_id          bigint      not null references contest on delete cascade,
    revision            bigint      not null check (revision > 0),
    precincts_reporting integer,
    precincts_total     integer,
    source_updated_at   timestamptz,
    received_at         timestamptz not null,
    primary key (contest_id, revision)
);

create table race_call (
    id              bigserial primary key,
    contest_id      bigint      not null references contest on delete cascade,
    status          text        not null check (status in ('not-called', 'too-early', 'too-close', 'called', 'runoff', 'uncalled')),
    called_at       timestamptz not null,
    called_by       text        not null,
    note            text        check (length(note) <= 2000),
    revision        bigint      not null check (revision > 0)
);

create index race_call_contest on race_call (contest_id, id desc);

create table race_call_choice (
    call_id         bigint      not null references race_call on delete cascade,
    choice_id       bigint      not null references choice on delete cascade,
    role            text        not null check (role in ('winner', 'advancing')),
    primary key (call_id, choice_id, role)
);

create table concession (
    id              bigserial primary key,
    contest_id      bigint      not null,
    choice_id       bigint      not null,
    conceded_at     timestamptz not null,
    statement       text        check (length(statement) <= 5000),
    source_url      text        check (source_url ~ '^https?://'),
    recorded_by     text        not null,
    recorded_at     timestamptz not null default now(),
    withdrawn_at    timestamptz,
    revision        bigint      not null check (revision > 0),
    foreign key (choice_id, contest_id) references choice (id, contest_id) on delete cascade
);

create unique index concession_active on concession (choice_id) where withdrawn_at is null;

create table import_record (
    id              bigserial primary key,
    election_id     bigint      not null references election on delete cascade,
    file_name       text,
    content_hash    text        not null check (content_hash ~ '^[0-9a-f]{64}$'),
    bytes           bigint      not null check (bytes >= 0),
    rows            bigint      not null default 0 check (rows >= 0),
    format          text        not null,
    mode            text        not null check (mode in ('strict', 'setup')),
    dry_run         boolean     not null default false,
    correction      text,
    outcome         text        not null check (outcome in ('applied', 'duplicate', 'rejected', 'preview')),
    problems        jsonb,
    problem_count   integer     not null default 0,
    revision        bigint,
    recorded_by     text        not null,
    received_at     timestamptz not null default now(),
    finished_at     timestamptz
);

create index import_record_election on import_record (election_id, id desc);
create unique index import_record_applied_hash on import_record (election_id, content_hash) where outcome = 'applied';

create table staff_user (
    id              bigserial primary key,
    username        text        not null unique check (username ~ '^[A-Za-z0-9._@-]{1,100}$'),
    password_hash   text        not null,
    role            text        not null check (role in ('ADMIN', 'STAFF')),
    enabled         boolean     not null default true,
    failed_logins   integer     not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);

create table api_token (
    id              bigserial primary key,
    user_id         bigint      not null references staff_user on delete cascade,
    name            text        not null check (length(name) between 1 and 100),
    token_hash      text        not null unique,
    created_at      timestamptz not null default now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz
);

create table audit_event (
    id              bigserial primary key,
    at              timestamptz not null default now(),
    actor           text        not null,
    action          text        not null,
    target          text,
    before          jsonb,
    after           jsonb,
    detail          text
);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
