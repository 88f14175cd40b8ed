-- One row per deal, however many articles reported it, in whichever language.
create table if not exists deals (
    deal_id varchar primary key,       -- hash of the cluster key: stable across runs
    buyer varchar not null,
    providers varchar[] not null,
    resource varchar not null,
    gw double, gw_bound varchar,
    chips bigint, chips_bound varchar,
    usd double, usd_bound varchar, usd_vague boolean not null default false,
    eur double, eur_bound varchar, eur_vague boolean not null default false,
    year integer,
    status varchar not null,
    disagreeing_figures varchar[] not null,   -- other figures reports gave, kept not hidden
    first_reported date,
    last_reported date,
    n_mentions integer not null,
    n_articles integer not null,
    n_sources integer not null,
    languages varchar[] not null,
    mention_ids varchar[] not null,
    confidence double,                        -- the highest confidence of its mentions
    evidence varchar not null,                -- the sentence behind the headline figure
    corrections varchar[] not null default []   -- analyst corrections applied (corrections.yaml)
);
