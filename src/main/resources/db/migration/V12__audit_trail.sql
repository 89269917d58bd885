-- The audit trail (module audit): every import, evaluation run, close, reopen, pack version first used and
-- retention action, with when, what, by whom and why. Rows are only ever added.
create table audit_event (
    id           bigint        not null auto_increment primary key,
    occurred_at  datetime(3)   not null,
    cycle_id     varchar(100),
    action       varchar(40)   not null,
    subject      varchar(1000) not null,
    detail       text,
    actor        varchar(255)  not null,
    reason       text,
    index ix_audit_event_cycle (cycle_id, id)
) default character set utf8mb4 collate utf8mb4_unicode_ci;
