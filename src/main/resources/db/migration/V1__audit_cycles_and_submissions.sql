-- Partnerships, their audit cycles, the agencies expected to return, and what agencies returned.
-- Written for MySQL 8 and MariaDB 10.11+ alike: no CHECK-dependent logic, no JSON functions.

create table partnership (
    id          varchar(64)  not null primary key,
    name        varchar(255) not null
);

create table agency (
    id          varchar(100) not null primary key,
    name        varchar(255) not null,
    sector      varchar(40)
);

create table audit_cycle (
    id              varchar(100) not null primary key,
    partnership_id  varchar(64)  not null,
    title           varchar(255) not null,
    opens_on        date         not null,
    return_deadline date         not null,
    status          varchar(16)  not null default 'OPEN',
    constraint fk_cycle_partnership foreign key (partnership_id) references partnership (id)
);

-- The register of returns starts from here: who the partnership expects a return from in a cycle.
create table cycle_agency (
    cycle_id    varchar(100) not null,
    agency_id   varchar(100) not null,
    primary key (cycle_id, agency_id),
    constraint fk_cycle_agency_cycle foreign key (cycle_id) references audit_cycle (id),
    constraint fk_cycle_agency_agency foreign key (agency_id) references agency (id)
);

-- One current submission per agency per cycle; a corrected return replaces it and bumps the version.
create table submission (
    id                  bigint        not null auto_increment primary key,
    cycle_id            varchar(100)  not null,
    agency_id           varchar(100)  not null,
    version             int           not null,
    content_hash        char(64)      not null,
    source              varchar(1000) not null,
    completed_by_name   varchar(255)  not null,
    completed_by_role   varchar(255),
    completed_by_email  varchar(255),
    completed_by_phone  varchar(64),
    submitted_at        datetime(3)   not null,
    imported_at         datetime(3)   not null,
    outstanding_practice text,
    document            longtext      not null,
    constraint uq_submission_cycle_agency unique (cycle_id, agency_id),
    constraint fk_submission_cycle foreign key (cycle_id) references audit_cycle (id),
    constraint fk_submission_agency foreign key (agency_id) references agency (id)
);

create table item_response (
    submission_id   bigint       not null,
    item_id         varchar(20)  not null,
    standard_id     varchar(20)  not null,
    rating          varchar(40)  not null,
    statement       text,
    evidence_text   text,
    evidence_links  text,
    na_reason       text,
    last_reviewed   date,
    primary key (submission_id, item_id),
    constraint fk_item_response_submission foreign key (submission_id) references submission (id) on delete cascade
);

create table agency_action (
    submission_id   bigint       not null,
    position        int          not null,
    item_id         varchar(20),
    standard_id     varchar(20),
    action_text     text,
    lead_name       varchar(255),
    due_date        date,
    primary key (submission_id, position),
    constraint fk_agency_action_submission foreign key (submission_id) references submission (id) on delete cascade
);

-- A return that could not be imported, kept with every reason so nothing an agency sent is lost.
create table rejected_submission (
    id              bigint        not null auto_increment primary key,
    source          varchar(1000) not null,
    source_hash     char(64)      not null,
    content_hash    char(64)      not null,
    cycle_id        varchar(100),
    agency_id       varchar(100),
    received_at     datetime(3)   not null,
    content         longtext      not null,
    constraint uq_rejected_source_content unique (source_hash, content_hash)
);

create table rejection_reason (
    rejected_submission_id bigint        not null,
    position               int           not null,
    location               varchar(500)  not null,
    item_id                varchar(20),
    message                text          not null,
    primary key (rejected_submission_id, position),
    constraint fk_rejection_reason foreign key (rejected_submission_id) references rejected_submission (id) on delete cascade
);
