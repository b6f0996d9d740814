-- API token scopes (docs/security.md, "API tokens"): what a token may do (read, import,
-- calls) and for which election (one, or all when null). Tokens made before keep working:
-- they get every scope, for every election.
alter table api_token add column scopes text[] not null default array['read', 'import', 'calls'];
alter table api_token add constraint api_token_scopes_check
    check (cardinality(scopes) between 1 and 3 and scopes <@ array['read', 'import', 'calls']);
alter table api_token add column election_id bigint references election on delete cascade;
