"""Daily partitions: each day's run reads, parses and extracts only that day's new documents."""

import dagster as dg

PARTITION_TIMEZONE = "Europe/Berlin"

# end_offset=1: today is a partition too, so a run can read what was published today.
daily_partitions = dg.DailyPartitionsDefinition(start_date="2025-01-01", timezone=PARTITION_TIMEZONE, end_offset=1)
