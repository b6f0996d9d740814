-- Sign-in throttling (docs/security.md): failed attempts by account and client address, and
-- the addresses each account has signed in from. Replaces the account lockout, which let a
-- stranger lock any account: staff_user.locked_until is no longer set.
create table sign_in_failure (
    id        bigserial   primary key,
    username  text        not null,
    address   text        not null,
    failed_at timestamptz not null default now()
);
create index sign_in_failure_by_account on sign_in_failure (username, failed_at);

create table sign_in_address (
    username       text        not null,
    address        text        not null,
    first_signed_in timestamptz not null default now(),
    primary key (username, address)
);

update staff_user set locked_until = null, failed_logins = 0;
