-- The results moved by V21 are read from their new place; the per-item and per-standard rows go, and with them
-- the time stamp and pack version every finding and follow-up action repeated (the evaluation row holds both).
drop table item_rating;
drop table standard_rating;
alter table finding drop column pack_version, drop column evaluated_at;
alter table follow_up_action drop column pack_version, drop column evaluated_at;

-- For people who query the database directly (and the tests' counts): the ratings as rows again, read from
-- each evaluation's ratings document. JSON functions and json_table give their texts other collations than the
-- tables' (utf8mb4_bin or utf8mb4_general_ci, utf8mb3 on MariaDB 11.4), so every text is converted to the tables'
-- character set and collation. The application never reads these views.
create view item_rating as
select r.submission_id, r.item_id, r.standard_id, r.rag, r.rule_name,
       coalesce(r.reason, (select d.reason from result_reason d where d.pack_version = r.pack_version and d.rule_name = r.rule_name
                           and d.rag = r.rag)) as reason,
       r.pack_version, r.evaluated_at
from (select e.submission_id, e.pack_version, e.evaluated_at,
             convert(j.item_id using utf8mb4) collate utf8mb4_unicode_ci as item_id,
             convert(j.standard_id using utf8mb4) collate utf8mb4_unicode_ci as standard_id,
             convert(j.rag using utf8mb4) collate utf8mb4_unicode_ci as rag,
             convert(json_unquote(json_extract(e.ratings, concat('$.rules[', j.rule_number, ']'))) using utf8mb4)
               collate utf8mb4_unicode_ci as rule_name,
             convert(j.reason using utf8mb4) collate utf8mb4_unicode_ci as reason
      from evaluation e,
           json_table(e.ratings, '$.items[*]' columns (item_id varchar(20) path '$[0]', standard_id varchar(20) path '$[1]',
                      rag varchar(16) path '$[2]', rule_number int path '$[3]', reason text path '$[4]')) j) r;

create view standard_rating as
select r.submission_id, r.standard_id, r.rag, r.rule_name,
       coalesce(r.reason, (select d.reason from result_reason d where d.pack_version = r.pack_version and d.rule_name = r.rule_name
                           and d.rag = r.rag)) as reason,
       r.pack_version, r.evaluated_at
from (select e.submission_id, e.pack_version, e.evaluated_at,
             convert(j.standard_id using utf8mb4) collate utf8mb4_unicode_ci as standard_id,
             convert(j.rag using utf8mb4) collate utf8mb4_unicode_ci as rag,
             convert(json_unquote(json_extract(e.ratings, concat('$.rules[', j.rule_number, ']'))) using utf8mb4)
               collate utf8mb4_unicode_ci as rule_name,
             convert(j.reason using utf8mb4) collate utf8mb4_unicode_ci as reason
      from evaluation e,
           json_table(e.ratings, '$.standards[*]' columns (standard_id varchar(20) path '$[0]', rag varchar(16) path '$[1]',
                      rule_number int path '$[2]', reason text path '$[3]')) j) r;
