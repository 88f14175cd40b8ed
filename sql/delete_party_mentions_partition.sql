-- As for the fact mentions: the day's rows, and rows of articles that moved to this day or were removed.
-- Rows of articles unchanged since they were last extracted (`kept_articles`) stay.
delete from party_mentions
where (partition_date = $day
       or article_id in (select article_id from articles where partition_date = $day)
       or article_id not in (select article_id from articles))
  and article_id not in (select article_id from kept_articles)
