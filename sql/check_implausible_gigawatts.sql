-- A single deal outside 1 MW .. 100 GW is almost surely a parsing error.
select deal_id, buyer, providers, gw
from deals
where gw is not null and (gw < 0.001 or gw > 100)
