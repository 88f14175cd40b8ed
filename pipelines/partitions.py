"""Daily partitions: each day's run reads, parses and extracts only that day's new documents."""

import dagster as dg

from pipelines import settings
from pipelines.settings import PARTITION_TIMEZONE

__all__ = ["FIRST_DAY", "PARTITION_TIMEZONE", "daily_partitions"]

# The partitions start where data can begin: the first day this database has data for, or today on
# a fresh install (COMPUTE_DEALS_FIRST_DAY overrides; see settings.first_day). A fixed start in the
# past would list every day before the first run as "missing", days no run can ever fetch.
FIRST_DAY = settings.first_day(settings.today())

# end_offset=1: today is a partition too, so a run can read what was published today.
daily_partitions = dg.DailyPartitionsDefinition(start_date=FIRST_DAY.isoformat(), timezone=PARTITION_TIMEZONE,
                                                end_offset=1)
