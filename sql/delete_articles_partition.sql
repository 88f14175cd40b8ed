-- Also drops articles of documents that moved to this day because their bytes changed.
-- Rows of items that are unchanged since they were last processed (`kept_documents`) stay.
delete from articles
where (partition_date = $day
       or doc_id in (select doc_id from raw_documents where partition_date = $day))
  and doc_id not in (select doc_id from kept_documents)
