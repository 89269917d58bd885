-- A cycle's lifecycle: open (returns come in, runs evaluate it) then closed (its record is final). Closing freezes
-- the rule-pack version the cycle was last evaluated and rated with, and publishes its summary as a numbered
-- edition; reopening (with a reason, on the audit trail) sets it OPEN again, and closing again publishes the next.
alter table audit_cycle add column closed_at datetime(3) null;
alter table audit_cycle add column closed_pack_version char(64) null;
alter table audit_cycle add column latest_edition int null;
-- The runs consider only the open cycles of a partnership and the one before each.
create index ix_audit_cycle_partnership_opens on audit_cycle (partnership_id, opens_on);

-- Every published edition of a cycle's summary: never updated, never deleted. The summary document as published
-- (summary.json of the edition) is kept, so "progress since the previous cycle" reads what the board read, not a
-- recomputation under today's rules; the manifest's own SHA-256 lets verify-edition notice an edited manifest.
create table cycle_edition (
    cycle_id         varchar(100)  not null,
    edition          int           not null,
    pack_id          varchar(64)   not null,
    pack_version     char(64)      not null,
    built_at         datetime(3)   not null,
    folder           varchar(1000) not null,
    manifest_sha256  char(64)      not null,
    summary          longtext      not null,
    primary key (cycle_id, edition),
    constraint fk_cycle_edition_cycle foreign key (cycle_id) references audit_cycle (id)
) default character set utf8mb4 collate utf8mb4_unicode_ci;

-- Which returns an evaluation run wrote, for its entry on the audit trail.
create index ix_evaluation_job_execution on evaluation (job_execution_id);
