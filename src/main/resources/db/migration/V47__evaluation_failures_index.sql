-- Issue 13: a run's report and its audit entry ask for the evaluations that failed since the run started
-- (RunEvaluations.failedSince). Without an index that was a scan of every evaluation row, several kilobytes each:
-- 0.4 s twice at the end of every run on a national database, most of a run with nothing to do.
create index ix_evaluation_failed on evaluation (status, failed_at);
