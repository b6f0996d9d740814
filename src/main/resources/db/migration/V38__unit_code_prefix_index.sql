-- An import reads an election's reporting units a county at a time, when the file first
-- names the county (issue 27: an import's work follows the file, not the election): the
-- county's unit and every unit whose code is under it, code like '<county>/%'. The unique
-- (election_id, code) index cannot serve a prefix LIKE unless the database's collation is
-- C; this one can, whatever the collation.
create index reporting_unit_code_prefix on reporting_unit (election_id, code text_pattern_ops);
