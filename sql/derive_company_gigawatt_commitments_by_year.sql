-- The commitments of derive_company_gigawatt_commitments.sql, split by the deal's year.
with deal_parties as (
    select deal_id, buyer as company, 'buyer' as role, year, gw, false as joint
    from deals
    where gw is not null
    union all
    select deal_id, unnest(providers) as company, 'provider' as role, year, gw, len(providers) > 1 as joint
    from deals
    where gw is not null
)
select
    company,
    role,
    year,
    coalesce(sum(gw) filter (where not joint), 0) as gw_total,
    coalesce(sum(gw) filter (where joint), 0) as gw_joint,
    count(*) as n_deals,
    list_sort(list(deal_id)) as deal_ids
from deal_parties
group by company, role, year
order by company, role, year nulls last
