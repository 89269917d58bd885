-- What a cycle does with a return from an agency not on its expected list (cycle.yaml's unexpectedAgencies:
-- ACCEPT imports it and flags it in the import report and the register of returns, REJECT refuses the file),
-- and the cycle.yaml the cycle was opened from, so that the flag or the refusal can say where the list is.
alter table audit_cycle add column unexpected_agencies varchar(16) not null default 'ACCEPT';
alter table audit_cycle add column definition_file varchar(1000);
