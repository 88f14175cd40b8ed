-- Also drops mentions of articles that moved to this day (their document changed) or were removed.
delete from deal_mentions
where partition_date = $day
   or article_id in (select article_id from articles where partition_date = $day)
   or article_id not in (select article_id from articles)
