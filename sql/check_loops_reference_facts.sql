-- Loops whose edges point at deals or investments that no longer exist.
select loop_id, 'deal ' || id as missing
from (select loop_id, unnest(deal_ids) as id from investor_customer_loops)
where id not in (select deal_id from deals)
union all
select loop_id, 'investment ' || id
from (select loop_id, unnest(investment_ids) as id from investor_customer_loops)
where id not in (select investment_id from investments)
