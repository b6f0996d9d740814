-- The revision chain (docs/verify.md): every revision gets a digest over the previous one, its
-- source file's SHA-256 or the staff action's canonical JSON, and the counts it set, signed
-- with the instance's Ed25519 key. Revisions made before this migration are sealed at startup,
-- in order, with the same rule (staff actions of that time have no recorded action: null).
alter table revision
    add column recorded_role   text check (recorded_role in ('admin', 'staff', 'system')),
    add column action          text,
    add column source_sha256   text check (source_sha256 ~ '^[0-9a-f]{64}$'),
    add column source_name     text,
    add column digest          text check (digest ~ '^[0-9a-f]{64}$'),
    add column previous_digest text check (previous_digest ~ '^[0-9a-f]{64}$'),
    add column signature       text,
    add check ((digest is null) = (signature is null));

-- The role of whoever made each earlier revision, as well as it can be known now.
update revision r
set recorded_role = coalesce((select lower(u.role) from staff_user u where u.username = r.recorded_by), 'system');

-- Earlier imports: the hash of the file they applied, from the import history.
update revision r
set source_sha256 = i.content_hash, source_name = i.file_name
from import_record i
where i.election_id = r.election_id and i.revision = r.number and i.outcome = 'applied';

alter table revision alter column recorded_role set not null;

-- The digest of the election's current revision, beside the revision number the feed reads.
alter table election add column digest text check (digest ~ '^[0-9a-f]{64}$');

-- The instance's signing key: one row, made on first start (RevisionSigner). Every instance
-- behind one database signs with the same key.
create table signing_key (
    id          smallint    primary key default 1 check (id = 1),
    algorithm   text        not null check (algorithm = 'Ed25519'),
    private_key bytea       not null,
    public_key  bytea       not null,
    created_at  timestamptz not null default now()
);

-- The applied files themselves, once per SHA-256, in 1 MiB chunks (like staged_upload).
create table source_file (
    sha256    text        primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    size      bigint      not null check (size >= 0),
    stored_at timestamptz not null default now()
);

create table source_file_chunk (
    sha256 text    not null references source_file on delete cascade,
    seq    integer not null check (seq >= 0),
    data   bytea   not null,
    primary key (sha256, seq)
);

-- Whether an election's source files are public (default) or for staff only.
alter table election add column sources_public boolean not null default true;
