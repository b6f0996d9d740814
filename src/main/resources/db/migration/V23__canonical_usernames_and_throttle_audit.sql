-- One canonical user name (docs/security.md, "Canonical user names"): lower case, no
-- white space at the ends. Sign-in, the throttle, account creation and every table below
-- use it, so "Admin", "admin " and "admin\t" are one account and one throttle key.

-- Accounts that differ only by case: the oldest keeps the plain lower-case name, the others
-- become name-<id> (audited), so no account is lost and none signs in as another.
insert into audit_event (actor, action, target, before, after, detail)
select 'system', 'user-renamed', 'user ' || u.username, jsonb_build_object('username', u.username),
       jsonb_build_object('username', left(lower(u.username), 90) || '-' || u.id),
       'user names are now lower case (V23); another account already had this name'
from staff_user u
where exists (select 1 from staff_user o where o.id < u.id and lower(o.username) = lower(u.username));

update staff_user u set username = left(lower(u.username), 90) || '-' || u.id
where exists (select 1 from staff_user o where o.id < u.id and lower(o.username) = lower(u.username));

update staff_user set username = lower(username) where username <> lower(username);

alter table staff_user drop constraint if exists staff_user_username_check;
alter table staff_user add constraint staff_user_username_check check (username ~ '^[a-z0-9._@-]{1,100}$');

-- An admin who sets another user's password makes them choose their own at next sign-in.
alter table staff_user add column must_change_password boolean not null default false;

-- Throttle records in the canonical form; failures are kept one day (pruned by the app).
update sign_in_failure set username = lower(btrim(username, E' \t\r\n\f\v'));
delete from sign_in_failure where failed_at < now() - interval '1 day';
-- Failures for names no account has: counted per address, so random names cannot buy
-- endless password hashing.
alter table sign_in_failure add column unknown_user boolean not null default false;
create index sign_in_failure_by_address on sign_in_failure (address, failed_at);
create index sign_in_failure_by_time on sign_in_failure (failed_at);

insert into sign_in_address (username, address, first_signed_in)
select lower(username), address, min(first_signed_in) from sign_in_address
where username <> lower(username) group by lower(username), address
on conflict do nothing;
delete from sign_in_address where username <> lower(username);

-- Refused (throttled) attempts: one audit entry per address and five-minute window, and
-- this counter beside it, instead of one append-only row per attempt.
create table sign_in_throttled (
    address      text        not null,
    window_start timestamptz not null,
    attempts     integer     not null check (attempts > 0),
    accounts     text[]      not null check (cardinality(accounts) between 1 and 10),
    last_at      timestamptz not null default now(),
    audit_id     bigint      references audit_event,
    primary key (address, window_start)
);
create index sign_in_throttled_by_audit on sign_in_throttled (audit_id);

-- The audit page filters by action, actor and time.
create index audit_event_by_action on audit_event (action, id);
create index audit_event_by_actor on audit_event (actor, id);
create index audit_event_by_time on audit_event (at);
