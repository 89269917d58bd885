-- What the evaluation derived for each submission. Every row says which rule produced it, from which
-- inputs, with which rule-pack version, and when: a board can always ask "why?".

-- The state of each submission's evaluation. A failed evaluation (a broken rule pack, bad data) records
-- why in failure/failed_at and leaves the last good results, and the version that produced them, intact.
create table evaluation (
    submission_id      bigint       not null primary key,
    status             varchar(16)  not null,
    submission_version int,
    pack_id            varchar(64)  not null,
    pack_version       char(64),
    evaluated_at       datetime(3),
    job_execution_id   bigint,
    failure            text,
    failed_at          datetime(3),
    constraint fk_evaluation_submission foreign key (submission_id) references submission (id) on delete cascade
);

create table item_rating (
    submission_id   bigint       not null,
    item_id         varchar(20)  not null,
    standard_id     varchar(20)  not null,
    rag             varchar(16)  not null,
    reason          text         not null,
    rule_name       varchar(255) not null,
    inputs          text         not null,
    pack_version    char(64)     not null,
    evaluated_at    datetime(3)  not null,
    primary key (submission_id, item_id),
    constraint fk_item_rating_submission foreign key (submission_id) references submission (id) on delete cascade
);

create table standard_rating (
    submission_id   bigint       not null,
    standard_id     varchar(20)  not null,
    rag             varchar(16)  not null,
    reason          text         not null,
    rule_name       varchar(255) not null,
    inputs          text         not null,
    pack_version    char(64)     not null,
    evaluated_at    datetime(3)  not null,
    primary key (submission_id, standard_id),
    constraint fk_standard_rating_submission foreign key (submission_id) references submission (id) on delete cascade
);

create table finding (
    id              bigint       not null auto_increment primary key,
    submission_id   bigint       not null,
    code            varchar(64)  not null,
    item_id         varchar(20),
    standard_id     varchar(20),
    message         text         not null,
    rule_name       varchar(255) not null,
    inputs          text         not null,
    pack_version    char(64)     not null,
    evaluated_at    datetime(3)  not null,
    index ix_finding_submission (submission_id),
    constraint fk_finding_submission foreign key (submission_id) references submission (id) on delete cascade
);

create table follow_up_action (
    id              bigint       not null auto_increment primary key,
    submission_id   bigint       not null,
    item_id         varchar(20),
    standard_id     varchar(20)  not null,
    owner           varchar(255) not null,
    due_date        date         not null,
    action_text     text         not null,
    reason          text         not null,
    rule_name       varchar(255) not null,
    inputs          text         not null,
    pack_version    char(64)     not null,
    evaluated_at    datetime(3)  not null,
    index ix_follow_up_submission (submission_id),
    constraint fk_follow_up_submission foreign key (submission_id) references submission (id) on delete cascade
);
