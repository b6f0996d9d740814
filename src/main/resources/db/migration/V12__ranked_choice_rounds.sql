-- A ranked-choice contest's rounds as each RCTab report states them. A new report is a
-- new revision: earlier revisions' rounds are kept, so the history can show them.
create table rcv_round (
    contest_id          bigint          not null references contest on delete cascade,
    revision            bigint          not null check (revision > 0),
    round               int             not null check (round > 0),
    threshold           numeric(20, 4)  check (threshold >= 0),
    exhausted_transfer  numeric(20, 4)  not null default 0 check (exhausted_transfer >= 0),
    overvotes           numeric(20, 4)  check (overvotes >= 0),
    skipped_rankings    numeric(20, 4)  check (skipped_rankings >= 0),
    exhausted_choices   numeric(20, 4)  check (exhausted_choices >= 0),
    repeated_rankings   numeric(20, 4)  check (repeated_rankings >= 0),
    primary key (contest_id, revision, round)
);

-- Each choice's tally in a round, the votes it gains (or, eliminated or elected, loses)
-- on the way to the next round, and what happened to it in this round.
create table rcv_tally (
    contest_id  bigint          not null,
    revision    bigint          not null,
    round       int             not null,
    choice_id   bigint          not null,
    votes       numeric(20, 4)  not null check (votes >= 0),
    transfer    numeric(20, 4)  not null default 0,
    outcome     text            check (outcome in ('elected', 'eliminated')),
    primary key (contest_id, revision, round, choice_id),
    foreign key (contest_id, revision, round) references rcv_round on delete cascade,
    foreign key (choice_id, contest_id) references choice (id, contest_id) on delete cascade
);
