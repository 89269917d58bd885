-- What each evaluation run did, for operators: counts, skip reasons, summaries written, how long it took.
create table run_report (
    job_execution_id  bigint        not null primary key,
    scope             varchar(100)  not null,
    status            varchar(20)   not null,
    started_at        datetime(3)   not null,
    ended_at          datetime(3)   not null,
    evaluated         int           not null,
    skipped           int           not null,
    rejected_files    int           not null,
    summaries_written int           not null,
    broken_packs      text,
    skip_reasons      text,
    failure           text
);
