-- A cycle may judge different agencies by different templates (rule packs), chosen by sector or per agency in
-- its cycle.yaml (templates:), and one set of returns may serve several partnerships (partnerships:). Each is a
-- group of the cycle, rated and summarised on its own; the cycle's pack_id stays its first (or only) template.

-- The template an expected agency's return is judged by (null: the cycle's pack).
alter table cycle_agency add column pack_id varchar(64) null;

-- A template chosen by sector, for returns from agencies not on the cycle's list.
create table cycle_template_sector (
    cycle_id    varchar(100) not null,
    sector      varchar(40)  not null,
    pack_id     varchar(64)  not null,
    primary key (cycle_id, sector),
    constraint fk_cycle_template_sector_cycle foreign key (cycle_id) references audit_cycle (id)
) default character set utf8mb4 collate utf8mb4_unicode_ci;

-- The groups of a cycle: one per template (kind TEMPLATE, group_id = the pack) or per partnership (kind PARTNERSHIP).
create table cycle_group (
    cycle_id    varchar(100) not null,
    group_id    varchar(64)  not null,
    kind        varchar(16)  not null,
    name        varchar(255) not null,
    pack_id     varchar(64)  not null,
    position    int          not null,
    primary key (cycle_id, group_id),
    constraint fk_cycle_group_cycle foreign key (cycle_id) references audit_cycle (id)
) default character set utf8mb4 collate utf8mb4_unicode_ci;

-- The expected agencies of each group (an agency may be in several partnership groups, in one template group).
create table cycle_group_agency (
    cycle_id    varchar(100) not null,
    group_id    varchar(64)  not null,
    agency_id   varchar(100) not null,
    primary key (cycle_id, group_id, agency_id),
    constraint fk_cycle_group_agency_group foreign key (cycle_id, group_id) references cycle_group (cycle_id, group_id)
) default character set utf8mb4 collate utf8mb4_unicode_ci;

-- Partnership ratings per group; '' is the whole cycle (every cycle without groups, and a partnerships: cycle's overview).
alter table partnership_rating add column group_id varchar(64) not null default '';
alter table partnership_rating drop primary key, add primary key (cycle_id, group_id, standard_id, item_id);
