-- Every deal with a gigawatt figure counts exactly once in the buyers' totals, and a provider's
-- total never repeats a deal.
select 'buyer totals differ from the deals' as problem, null as company
where abs((select coalesce(sum(gw_total), 0) from company_gigawatt_commitments where role = 'buyer')
          - (select coalesce(sum(gw), 0) from deals where gw is not null)) > 1e-9
union all
select 'deal listed twice' as problem, company
from company_gigawatt_commitments
where len(deal_ids) <> len(list_distinct(deal_ids))
union all
select 'provider totals exceed single-provider deals' as problem, null
where (select coalesce(sum(gw_total), 0) from company_gigawatt_commitments where role = 'provider')
      > (select coalesce(sum(gw), 0) from deals where gw is not null and len(providers) = 1) + 1e-9
