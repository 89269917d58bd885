-- The results moved by V21 are read from their new place; the per-item and per-standard rows go, and with them
-- the time stamp and pack version every finding and follow-up action repeated (the evaluation row holds both).
drop table item_rating;
drop table standard_rating;
alter table finding drop column pack_version, drop column evaluated_at;
alter table follow_up_action drop column pack_version, drop column evaluated_at;

-- For people who query the database directly (and the tests' counts): the ratings as rows again, read from
-- each evaluation's ratings document (JSON functions give utf8mb4_bin: the rule names are given the tables'
-- collation). The application never reads these views.
create view item_rating as
select e.submission_id, r.item_id, r.standard_id, r.rag,
       json_unquote(json_extract(e.ratings, concat('$.rules[', r.rule_number, ']'))) collate utf8mb4_unicode_ci as rule_name,
       coalesce(r.reason, (select d.reason from result_reason d where d.pack_version = e.pack_version
                and d.rule_name = json_unquote(json_extract(e.ratings, concat('$.rules[', r.rule_number, ']'))) collate utf8mb4_unicode_ci
                and d.rag = r.rag)) as reason,
       e.pack_version, e.evaluated_at
from evaluation e,
     json_table(e.ratings, '$.items[*]' columns (item_id varchar(20) path '$[0]', standard_id varchar(20) path '$[1]',
                rag varchar(16) path '$[2]', rule_number int path '$[3]', reason text path '$[4]')) r;

create view standard_rating as
select e.submission_id, r.standard_id, r.rag,
       json_unquote(json_extract(e.ratings, concat('$.rules[', r.rule_number, ']'))) collate utf8mb4_unicode_ci as rule_name,
       coalesce(r.reason, (select d.reason from result_reason d where d.pack_version = e.pack_version
                and d.rule_name = json_unquote(json_extract(e.ratings, concat('$.rules[', r.rule_number, ']'))) collate utf8mb4_unicode_ci
                and d.rag = r.rag)) as reason,
       e.pack_version, e.evaluated_at
from evaluation e,
     json_table(e.ratings, '$.standards[*]' columns (standard_id varchar(20) path '$[0]', rag varchar(16) path '$[1]',
                rule_number int path '$[2]', reason text path '$[3]')) r;
