-- The name of a choice as the file first wrote it ("- PHILIP MURPHY", "Tom Cotton (REP)"),
-- kept for audit beside the normalised name Tally shows and exports (docs/contract.md §3: one normaliser).
alter table choice add column written_name text check (length(written_name) <= 400);

-- The source's or staff's estimate of a contest's final vote in a unit (OpenElections
-- expected_votes, AP's expected vote): what expectedVotePct is computed from.
alter table progress add column expected_votes bigint check (expected_votes >= 0);
