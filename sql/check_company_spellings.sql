-- Company names that differ only in case, spaces or punctuation: one company under two spellings.
with names as (
    select buyer as name from deals
    union select unnest(providers) from deals
    union select investor from investments
    union select investee from investments
)
select regexp_replace(lower(name), '[^a-z0-9]', '', 'g') as folded, list(name order by name) as spellings
from names
group by folded
having count(*) > 1
