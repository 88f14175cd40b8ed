"""Daily partitions: each day's run reads, parses and extracts only that day's new documents."""

from datetime import datetime
from zoneinfo import ZoneInfo

import dagster as dg

from pipelines import settings

PARTITION_TIMEZONE = "Europe/Berlin"

# The partitions start where data can begin: the first day this database has data for, or today on
# a fresh install (COMPUTE_DEALS_FIRST_DAY overrides; see settings.first_day). A fixed start in the
# past would list every day before the first run as "missing", days no run can ever fetch.
FIRST_DAY = settings.first_day(datetime.now(ZoneInfo(PARTITION_TIMEZONE)).date())

# end_offset=1: today is a partition too, so a run can read what was published today.
daily_partitions = dg.DailyPartitionsDefinition(start_date=FIRST_DAY.isoformat(), timezone=PARTITION_TIMEZONE,
                                                end_offset=1)
