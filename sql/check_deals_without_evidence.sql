-- Consolidated deals that cannot be traced back to a sentence.
select deal_id, buyer, providers
from deals
where evidence is null or trim(evidence) = '' or len(mention_ids) = 0
   or not exists (select 1 from deal_mentions m where list_contains(deals.mention_ids, m.mention_id))
