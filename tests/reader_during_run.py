"""A reader that keeps the published snapshot open and queries it in a loop, as a BI tool or a
user's shell would while the scheduled run writes: `python reader_during_run.py SNAPSHOT STOPFILE`.

Prints "ready" once the snapshot is open, then on exit one JSON line: queries that succeeded, the
errors (refusals, locks), and the distinct answers seen.
"""

import json
import sys
import time
from pathlib import Path

import duckdb

snapshot, stop = Path(sys.argv[1]), Path(sys.argv[2])
held = duckdb.connect(str(snapshot), read_only=True)  # held open for the whole run
held.execute("select count(*) from fetch_log").fetchall()
print("ready", flush=True)
ok, errors, answers = 0, [], set()
deadline = time.monotonic() + 300
while not stop.exists() and time.monotonic() < deadline:
    try:
        answers.add(held.execute("select count(*) from fetch_log").fetchall()[0][0])
        fresh = duckdb.connect(str(snapshot), read_only=True)  # a new reader opening it mid-run
        try:
            answers.add(fresh.execute("select count(*) from fetch_log").fetchall()[0][0])
        finally:
            fresh.close()
        ok += 1
    except duckdb.Error as error:
        errors.append(str(error))
    time.sleep(0.02)
held.close()
print(json.dumps({"ok": ok, "errors": errors, "answers": sorted(answers)}), flush=True)
