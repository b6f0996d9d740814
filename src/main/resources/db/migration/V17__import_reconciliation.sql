-- What each import found when it compared the totals its file states with what Tally
-- computes from the file's rows: {"checked", "agreed", "disagreements": [...]}
-- (docs/import.md, Reconciliation). Null for imports before this and for rejected ones.
alter table import_record add column reconciliation jsonb;
