-- The first of the day's articles, for the materialization preview.
select source, lang, published, title, n_chars
from articles
where partition_date = $day
order by article_id
limit 10
