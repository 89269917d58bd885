-- Issue 13: each evaluation row names the cycle its return belongs to (a return never moves between cycles), so that
-- the evaluation module can say what a cycle's evaluations add up to (change detection, CycleInputs) with one grouped
-- query over its own table, instead of fetching every return id of the cycles in scope from the submission module.
alter table evaluation add column cycle_id varchar(100);

update evaluation e join submission s on s.id = e.submission_id set e.cycle_id = s.cycle_id;

create index ix_evaluation_cycle on evaluation (cycle_id);
