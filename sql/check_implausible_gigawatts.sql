-- A single deal outside the plausible range (pipelines/plausibility.py: 1 MW .. 100 GW) is almost
-- surely a parsing error. The bounds are parameters, the same ones corrections are checked against.
select deal_id, buyer, providers, gw
from deals
where gw is not null and (gw < $low or gw > $high)
