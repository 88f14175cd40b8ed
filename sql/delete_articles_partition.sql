-- Also drops articles of documents that moved to this day because their bytes changed.
delete from articles
where partition_date = $day
   or doc_id in (select doc_id from raw_documents where partition_date = $day)
