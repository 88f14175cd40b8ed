-- A re-run of a day replaces that day's log instead of adding to it.
delete from fetch_log where partition_date = ?
