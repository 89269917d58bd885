-- Issue 11: every table the application owns stores text as utf8mb4 (all of Unicode, emoji included), whatever
-- the server's default character set. Earlier migrations declared none, so a server whose default is latin1
-- (MariaDB started with --no-defaults, as the embedded server was) stored "Łódź" or "Tŷ'r Ŵyn" as '?' or refused
-- them. This converts existing databases; on a server that already defaulted to utf8mb4 it only sets the
-- collation.
--
-- utf8mb4_unicode_ci exists on MariaDB 10.11, 11.4 and MySQL 8.4 alike (utf8mb4_0900_ai_ci is MySQL only,
-- utf8mb4_uca1400_ai_ci MariaDB only).
--
-- Index key lengths: the widest indexed text is varchar(100) (400 bytes in utf8mb4, under the 767-byte column
-- prefix limit of the oldest row formats) and the widest key is (cycle_id, agency_id), 800 bytes, under the
-- 3072-byte key limit. Long text (source varchar(1000), hashes) is indexed through its char(64) hash only.
--
-- A foreign key must join columns of the same character set, and a column in a foreign key may not change its
-- character set (MariaDB 10.11 refuses it even with foreign_key_checks = 0, as measured; MySQL allows it only
-- with the checks off). So the foreign keys
-- on text columns are dropped, the tables converted, and the same foreign keys added back, as V1 and V4 declared
-- them (their indexes stay throughout). Foreign keys on bigint ids are not touched by the conversion.
-- Converting from latin1, the server widens a text column whose byte capacity would no longer hold as many
-- characters (text becomes mediumtext); nothing is ever narrowed or truncated.
-- The flyway_schema_history table belongs to Flyway, not to the application, and is left as it is.

alter database character set utf8mb4 collate utf8mb4_unicode_ci;

alter table audit_cycle        drop foreign key fk_cycle_partnership;
alter table cycle_agency       drop foreign key fk_cycle_agency_cycle;
alter table cycle_agency       drop foreign key fk_cycle_agency_agency;
alter table submission         drop foreign key fk_submission_cycle;
alter table submission         drop foreign key fk_submission_agency;
alter table partnership_rating drop foreign key fk_partnership_rating_cycle;
alter table cycle_summary      drop foreign key fk_cycle_summary_cycle;

alter table partnership                  convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table agency                       convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table audit_cycle                  convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table cycle_agency                 convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table submission                   convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table item_response                convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table agency_action                convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table rejected_submission          convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table rejection_reason             convert to character set utf8mb4 collate utf8mb4_unicode_ci;

alter table BATCH_JOB_INSTANCE           convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table BATCH_JOB_EXECUTION          convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table BATCH_JOB_EXECUTION_PARAMS   convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table BATCH_STEP_EXECUTION         convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table BATCH_STEP_EXECUTION_CONTEXT convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table BATCH_JOB_EXECUTION_CONTEXT  convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table BATCH_STEP_EXECUTION_SEQ     convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table BATCH_JOB_EXECUTION_SEQ      convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table BATCH_JOB_SEQ                convert to character set utf8mb4 collate utf8mb4_unicode_ci;

alter table evaluation                   convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table item_rating                  convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table standard_rating              convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table finding                      convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table follow_up_action             convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table partnership_rating           convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table cycle_summary                convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table run_report                   convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table run_heartbeat                convert to character set utf8mb4 collate utf8mb4_unicode_ci;

alter table audit_cycle        add constraint fk_cycle_partnership        foreign key (partnership_id) references partnership (id);
alter table cycle_agency       add constraint fk_cycle_agency_cycle       foreign key (cycle_id) references audit_cycle (id);
alter table cycle_agency       add constraint fk_cycle_agency_agency      foreign key (agency_id) references agency (id);
alter table submission         add constraint fk_submission_cycle         foreign key (cycle_id) references audit_cycle (id);
alter table submission         add constraint fk_submission_agency        foreign key (agency_id) references agency (id);
alter table partnership_rating add constraint fk_partnership_rating_cycle foreign key (cycle_id) references audit_cycle (id);
alter table cycle_summary      add constraint fk_cycle_summary_cycle      foreign key (cycle_id) references audit_cycle (id);
