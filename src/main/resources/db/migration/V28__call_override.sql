-- The reason staff gave to call a race while the estimate's margin range included zero
-- or a known remainder was at least the margin (docs/projection.md, "Call guard").
alter table race_call add column override text check (length(override) <= 2000);
