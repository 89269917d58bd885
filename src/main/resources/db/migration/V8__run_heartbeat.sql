-- A sign of life from each evaluation run while it runs: the process that runs it (host and pid) and when it last
-- said it was alive. The row is removed when the run ends; one left behind, whose process is gone or whose
-- heartbeat is old, is a run that died (killed, or its machine lost), which health reports DOWN at once.
create table run_heartbeat (
    job_execution_id  bigint        not null primary key,
    host              varchar(255)  not null,
    pid               bigint        not null,
    started_at        datetime(6)   not null,
    heartbeat_at      datetime(6)   not null
) default character set utf8mb4 collate utf8mb4_unicode_ci;
