delete from raw_documents where partition_date = ?
