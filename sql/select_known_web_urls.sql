-- Canonical URLs of web documents stored on any day: a daily run fetches only URLs not in here.
select locator
from raw_documents
where kind in ('feed', 'listing', 'sitemap')
