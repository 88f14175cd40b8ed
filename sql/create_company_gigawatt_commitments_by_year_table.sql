-- The same commitments split by the year the text gives for the capacity (null: no year stated).
create table if not exists company_gigawatt_commitments_by_year (
    company varchar not null,
    role varchar not null,
    year integer,
    gw_total double not null,
    gw_joint double not null,
    n_deals integer not null,
    deal_ids varchar[] not null
);
