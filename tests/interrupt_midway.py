"""Run the daily job on web sources and get interrupted in the middle of a source.

Used by test_pipeline_interrupted.py in a subprocess:
`python interrupt_midway.py DB SOURCES DAY SETTINGS_JSON [EXIT_AFTER]`. With EXIT_AFTER, the
process dies hard (os._exit, as kill -9 would) right after that many article fetches returned,
before the last one is handed to the store; without it, it runs until the test sends SIGTERM.
"""

import json
import os
import sys
from pathlib import Path

from pipelines.fetch import http

sys.path.insert(0, str(Path(__file__).parent))
from conftest import fast_http, run_daily_job  # noqa: E402

database, sources, day, settings = sys.argv[1:5]
exit_after = int(sys.argv[5]) if len(sys.argv) > 5 else None
print("started", flush=True)

if exit_after is not None:
    original_fetch = http.HttpClient.fetch
    fetched = 0

    def fetch_then_die(self, url, **kwargs):
        global fetched
        result = original_fetch(self, url, **kwargs)
        if "/misbehave/item/" in url:
            fetched += 1
            if fetched == exit_after:
                os._exit(9)
        return result

    http.HttpClient.fetch = fetch_then_die

run_daily_job(Path(database), day=day, sources=Path(sources), http=fast_http(**json.loads(settings)))
sys.exit("the run finished: it should have been interrupted")
