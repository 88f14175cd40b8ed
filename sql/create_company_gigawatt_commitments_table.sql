-- Gigawatts committed per company and role over all consolidated deals.
create table if not exists company_gigawatt_commitments (
    company varchar not null,
    role varchar not null,             -- buyer or provider
    gw_total double not null,          -- sum of each deal's headline figure, whatever its bound
    gw_exact double not null,
    gw_up_to double not null,
    gw_at_least double not null,
    gw_approx double not null,
    gw_joint double not null,          -- providers only: figures shared with other providers, not in gw_total
    n_deals integer not null,
    n_joint_deals integer not null,
    counterparties varchar[] not null,
    deal_ids varchar[] not null,
    primary key (company, role)
);
