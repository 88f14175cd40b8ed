-- The day's articles that have text and are about compute deals.
select article_id, source, lang, published, text
from articles
where partition_date = $day and parse_error is null and is_relevant
order by article_id
