-- Deals as stated in one article, each with the sentence it came from.
create table if not exists deal_mentions (
    mention_id varchar primary key,    -- hash of article + evidence span + parties
    article_id varchar not null,
    partition_date date not null,
    source varchar not null,
    lang varchar,
    published date,
    buyer varchar not null,
    providers varchar[] not null,
    resource varchar not null,
    gw double, gw_bound varchar,
    chips bigint, chips_bound varchar,
    usd double, usd_bound varchar, usd_vague boolean not null default false,
    eur double, eur_bound varchar, eur_vague boolean not null default false,
    year integer,
    status varchar not null,
    confidence double,                 -- the decision layer's probability (null: no model)
    evidence varchar not null,
    evidence_start integer not null,
    evidence_end integer not null
);
