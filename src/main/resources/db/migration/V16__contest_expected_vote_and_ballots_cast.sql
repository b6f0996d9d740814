-- Staff's estimate of a contest's final vote and the ballots cast in it, set in contest setup
-- beside what files state per unit (progress.expected_votes, progress.ballots_cast). A value set
-- here wins over the files' (docs/numbers.md, "Expected vote and turnout").
alter table contest add column expected_votes bigint check (expected_votes >= 0);
alter table contest add column ballots_cast bigint check (ballots_cast >= 0);
