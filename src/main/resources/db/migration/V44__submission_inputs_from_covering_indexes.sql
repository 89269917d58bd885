-- Issue 13: the checks that decide a run's steps (SubmissionInputs, ReturnsToEvaluate.countByPartnership) read what a
-- cycle's returns add up to as per-cycle sums over the submission module's own tables, each from an index that holds
-- every column it reads, instead of every return's row.
--   agency_sector: the sector of the return's agency, as the cycle module has it, kept beside agency_name (V38) by the
--     same writes: when a return is stored, and whenever a cycle.yaml naming its agency is read (CycleOpened). The two
--     are what the summary shows of the agencies that sent returns, so change detection sums them for each cycle.
alter table submission add column agency_sector varchar(40);

update submission s join agency a on a.id = s.agency_id set s.agency_sector = a.sector;

-- a cycle's returns: how many, their versions, the latest import, and a checksum of their agencies' ids, names and sectors
create index ix_submission_cycle_inputs on submission (cycle_id, version, imported_at, agency_id, agency_name, agency_sector);
-- a cycle's rejected files: how many, the latest
create index ix_rejected_submission_cycle on rejected_submission (cycle_id, received_at);
-- the agencies' own actions of a cycle's returns: how many are overdue or done as of the day
create index ix_agency_action_dates on agency_action (submission_id, due_date, completed_on);
-- which of a cycle's returns a run evaluates, counted by partnership before the run's evaluation step is started
-- (ReturnsToEvaluate.countByPartnership: those without results by their current version and pack version), and how
-- many are left without results after it (StoredReturns.unevaluatedLeavingFailures)
create index ix_submission_cycle_evaluation on submission (cycle_id, partnership_id, pack_id, evaluated_pack_version, version, evaluated_version,
    evaluation_status);
