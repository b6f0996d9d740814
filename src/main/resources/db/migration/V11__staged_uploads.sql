-- Files uploaded on the staff import page, kept between the preview and the confirmation.
-- In PostgreSQL (not one process's temp folder) so that behind a load balancer the confirm may
-- reach another instance than the preview. Stored in 1 MiB chunks, read back one at a time.
create table staged_upload (
    hash      text        primary key,
    size      bigint      not null,
    stored_at timestamptz not null default now()
);

create table staged_upload_chunk (
    hash text    not null references staged_upload (hash) on delete cascade,
    seq  integer not null,
    data bytea   not null,
    primary key (hash, seq)
);
