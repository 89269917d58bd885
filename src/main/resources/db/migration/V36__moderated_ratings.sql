-- Moderated ratings (module moderation): the rating of an item a challenge day, moderation panel or peer review
-- agreed for an agency, who agreed it, when and why. Rows are only added: the latest per item is in force, the
-- earlier ones are its history.
create table moderated_rating (
    id           bigint        not null auto_increment primary key,
    cycle_id     varchar(100)  not null,
    agency_id    varchar(100)  not null,
    item_id      varchar(20)   not null,
    rating       varchar(40)   not null,
    agreed_by    varchar(500)  not null,
    agreed_on    date          not null,
    reason       text          not null,
    recorded_at  datetime(3)   not null,
    recorded_by  varchar(255)  not null,
    index ix_moderated_rating_cycle (cycle_id, agency_id, item_id, id)
) default character set utf8mb4 collate utf8mb4_unicode_ci;
