-- Issue 13: change detection (EvaluationInputs) reads what a cycle's evaluations add up to as per-cycle sums over the
-- evaluation module's own tables, each from an index that holds every column it reads, instead of every evaluation's
-- row (whose ratings make it several kilobytes) and every follow-up action's. Each replaces an index it extends.
create index ix_evaluation_cycle_inputs on evaluation (cycle_id, status, evaluated_at, failed_at);
drop index ix_evaluation_cycle on evaluation;

create index ix_follow_up_submission_due on follow_up_action (submission_id, due_date);
drop index ix_follow_up_submission on follow_up_action;
