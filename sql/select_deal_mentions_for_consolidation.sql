-- Every mention with the content hash of its article: syndicated copies count as one text.
select m.*, a.content_hash
from deal_mentions m
left join articles a using (article_id)
