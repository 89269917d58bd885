-- Progress on an agency's own actions (the improvement plan's "progress to date" and completion).
alter table agency_action add column progress text;
alter table agency_action add column completed_on date;

-- The partnership-wide rating of each standard (item_id = '') and each item of a cycle, decided by the
-- pack's rules from how many agencies rated it green, amber, red, N/A, or did not answer.
create table partnership_rating (
    cycle_id        varchar(100) not null,
    standard_id     varchar(20)  not null,
    item_id         varchar(20)  not null,
    green           int          not null,
    amber           int          not null,
    red             int          not null,
    not_applicable  int          not null,
    not_answered    int          not null,
    rag             varchar(16)  not null,
    reason          text         not null,
    rule_name       varchar(255) not null,
    inputs          text         not null,
    pack_version    char(64)     not null,
    rated_at        datetime(3)  not null,
    primary key (cycle_id, standard_id, item_id),
    constraint fk_partnership_rating_cycle foreign key (cycle_id) references audit_cycle (id)
);

-- Which summary was last produced for a cycle: regenerated only when its content changes.
create table cycle_summary (
    cycle_id        varchar(100) not null primary key,
    content_hash    char(64)     not null,
    generated_at    datetime(3)  not null,
    output_folder   varchar(1000) not null,
    constraint fk_cycle_summary_cycle foreign key (cycle_id) references audit_cycle (id)
);
