-- Deals as a reader wants them: providers and languages as text, money in billions.
create or replace view deal_overview as
select
    deal_id,
    buyer,
    array_to_string(providers, ', ') as providers,
    resource,
    gw,
    gw_bound,
    chips,
    chips_bound,
    round(usd / 1e9, 2) as usd_bn,
    usd_bound,
    usd_vague,
    round(eur / 1e9, 2) as eur_bn,
    eur_bound,
    year,
    status,
    first_reported,
    last_reported,
    n_articles,
    n_sources,
    array_to_string(languages, ', ') as languages,
    evidence
from deals;
