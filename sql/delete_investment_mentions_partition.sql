-- Also drops mentions of articles that moved to this day (their document changed) or were removed.
-- Rows of items that are unchanged since they were last processed (`kept_articles`) stay.
delete from investment_mentions
where (partition_date = $day
       or article_id in (select article_id from articles where partition_date = $day)
       or article_id not in (select article_id from articles))
  and article_id not in (select article_id from kept_articles)
