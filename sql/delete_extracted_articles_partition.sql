-- Forgets the extraction of the day's articles, of articles that moved to this day and of removed
-- articles, except those extracted from the same input by the same extractor (`kept_articles`).
delete from extracted_articles
where (partition_date = $day
       or article_id in (select article_id from articles where partition_date = $day)
       or article_id not in (select article_id from articles))
  and article_id not in (select article_id from kept_articles)
