-- A cycle names the rule pack it is judged by. Partnerships often share one template (every London borough
-- uses the Pan-London standards), so the pack is no longer taken to be the partnership's own id.
alter table audit_cycle add column pack_id varchar(64);
update audit_cycle set pack_id = partnership_id;
alter table audit_cycle modify pack_id varchar(64) not null;
create index ix_audit_cycle_pack on audit_cycle (pack_id);

-- A fingerprint of everything a cycle's summary is made from (results, failures, returns, rejections, the
-- register, the pack and template versions, what is overdue today). A run rates and summarises only the
-- cycles whose fingerprint changed, so a night with nothing new costs seconds, not a rebuild of every report.
alter table cycle_summary add column inputs_fingerprint char(64);
