"""Run the daily job and die hard (os._exit, as a kill -9 would) in the middle of a write.

Used by test_pipeline_idempotence.py in a subprocess: `python crash_midway.py DB SOURCES DAY TABLE`.
The process exits right after the rows of TABLE were deleted inside the open transaction, before
they are inserted again. It first forgets what was parsed, extracted and derived (as a new parser,
extractor and consolidation version would), so that the run rewrites every table.
"""

import os
import sys
from pathlib import Path

from pipelines import warehouse

sys.path.insert(0, str(Path(__file__).parent))
from conftest import run_daily_job  # noqa: E402

database, sources, day, table = sys.argv[1:5]
original_insert = warehouse.insert_frame


def insert_then_die(con, target, frame, **options):
    if target == table:
        os._exit(9)
    return original_insert(con, target, frame, **options)


with warehouse.connect(Path(database)) as con:
    con.execute("update articles set parse_key = null")
    con.execute("delete from extracted_articles")
    con.execute("delete from asset_inputs")

warehouse.insert_frame = insert_then_die
run_daily_job(Path(database), day=day, sources=Path(sources))
sys.exit("the run finished: it should have died midway")
