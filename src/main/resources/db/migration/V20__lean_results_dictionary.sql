-- Lean results (issue 13): what is derived is written once. Each return's item and standard ratings move into its
-- evaluation row (ratings, a compact JSON document: see evaluation/StoredRatings), which already carries the pack
-- version and the time once; findings and follow-up actions keep a row each, for the queries and reports that need
-- them. Texts fixed per rule-pack version are stored once here, and inputs are rebuilt from the stored return.

alter table evaluation add column ratings mediumtext;

-- The reason a rule gives for a rating under one pack version; a rating whose reason differs keeps its own (the
-- application compares texts exactly, so the case-insensitive collation never merges two rules' reasons).
create table result_reason (
    pack_version    char(64)     not null,
    rule_name       varchar(255) not null,
    rag             varchar(16)  not null,
    reason          text         not null,
    primary key (pack_version, rule_name, rag)
) character set utf8mb4 collate utf8mb4_unicode_ci row_format = dynamic; -- a key of 1340 bytes: under 3072, over the 767 of older formats

-- The pack's policy values as rules see them, an input of many results, once per pack version.
create table result_policy_values (
    pack_version    char(64)     not null primary key,
    policy_values   text         not null
) character set utf8mb4 collate utf8mb4_unicode_ci;
