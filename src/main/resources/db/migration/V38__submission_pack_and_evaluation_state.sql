-- Issue 13: what the evaluation asks of every stored return, held on the return itself, so that no query need join
-- the cycle's or the evaluation's tables to the submission table.
--   partnership_id, agency_name, pack_id: the cycle's partnership, the agency's registered name and the pack (template)
--     the return is judged by (its agency's own, else its sector's, else the cycle's). Set by the submission module when
--     a return is stored, from the cycle module's API, and set again whenever a cycle.yaml is read (CycleOpened), which
--     is the only time any of them can change.
--   evaluation_status, evaluated_version, evaluated_pack_version: the evaluation row's status, submission_version and
--     pack_version, as the evaluation module records them through StoredReturns in the transaction that writes the row
--     (null: no evaluation row, as for a new or corrected return).
alter table submission
    add column partnership_id         varchar(64),
    add column agency_name            varchar(255),
    add column pack_id                varchar(64),
    add column evaluation_status      varchar(16),
    add column evaluated_version      int,
    add column evaluated_pack_version char(64);

update submission s join audit_cycle c on c.id = s.cycle_id join agency a on a.id = s.agency_id
set s.partnership_id = c.partnership_id, s.agency_name = a.name,
    s.pack_id = coalesce((select ca.pack_id from cycle_agency ca where ca.cycle_id = s.cycle_id and ca.agency_id = s.agency_id),
                         (select ts.pack_id from cycle_template_sector ts where ts.cycle_id = s.cycle_id and ts.sector = a.sector),
                         c.pack_id);

update submission s join evaluation e on e.submission_id = s.id
set s.evaluation_status = e.status, s.evaluated_version = e.submission_version, s.evaluated_pack_version = e.pack_version;

-- a run's partition reads its partnership's returns by id
create index ix_submission_partnership on submission (partnership_id, id);
