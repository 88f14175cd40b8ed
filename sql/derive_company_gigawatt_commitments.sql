-- Gigawatts per company and role. A deal counts once for its buyer. For its providers it counts
-- in gw_total only when it has a single provider; a joint figure ("16 GW with AMD and Nvidia")
-- goes to gw_joint of each provider instead, so summing providers never counts it twice.
with deal_parties as (
    select deal_id, buyer as company, 'buyer' as role, gw, coalesce(gw_bound, 'exact') as gw_bound,
           false as joint, providers as counterparties
    from deals
    where gw is not null
    union all
    select deal_id, unnest(providers) as company, 'provider' as role, gw, coalesce(gw_bound, 'exact'),
           len(providers) > 1 as joint, [buyer] as counterparties
    from deals
    where gw is not null
)
select
    company,
    role,
    coalesce(sum(gw) filter (where not joint), 0) as gw_total,
    coalesce(sum(gw) filter (where not joint and gw_bound = 'exact'), 0) as gw_exact,
    coalesce(sum(gw) filter (where not joint and gw_bound = 'up_to'), 0) as gw_up_to,
    coalesce(sum(gw) filter (where not joint and gw_bound = 'at_least'), 0) as gw_at_least,
    coalesce(sum(gw) filter (where not joint and gw_bound = 'approx'), 0) as gw_approx,
    coalesce(sum(gw) filter (where joint), 0) as gw_joint,
    count(*) filter (where not joint) as n_deals,
    count(*) filter (where joint) as n_joint_deals,
    list_sort(list_distinct(flatten(list(counterparties)))) as counterparties,
    list_sort(list(deal_id)) as deal_ids
from deal_parties
group by company, role
order by gw_total desc, company, role
