-- The staff survey (module survey): only counts per agency and question are stored, never a respondent's row,
-- free text or time. One import per cycle is current; importing again replaces it whole.
create table survey_import (
    cycle_id      varchar(100)  not null primary key,
    imported_at   datetime(3)   not null,
    source_name   varchar(255)  not null,
    file_format   varchar(20)   not null,
    dropped       text,
    pack_version  char(64)      not null
) default character set utf8mb4 collate utf8mb4_unicode_ci;

create table survey_count (
    cycle_id      varchar(100)  not null,
    agency_id     varchar(100)  not null,
    question_id   varchar(40)   not null,
    respondents   int           not null,
    agreeing      int           not null,
    disagreeing   int           not null,
    primary key (cycle_id, agency_id, question_id)
) default character set utf8mb4 collate utf8mb4_unicode_ci;

-- A self-rating the survey contradicts, as the pack's challenge rules decided it: rule, inputs, pack version.
create table challenge_flag (
    id             bigint        not null auto_increment primary key,
    cycle_id       varchar(100)  not null,
    agency_id      varchar(100)  not null,
    submission_id  bigint        not null,
    item_id        varchar(20)   not null,
    standard_id    varchar(20)   not null,
    message        text          not null,
    rule_name      varchar(255)  not null,
    policy         text,
    inputs         text          not null,
    pack_version   char(64)      not null,
    derived_at     datetime(3)   not null,
    index ix_challenge_flag_cycle (cycle_id, agency_id, item_id)
) default character set utf8mb4 collate utf8mb4_unicode_ci;
