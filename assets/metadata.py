"""Materialization metadata shared by the assets: row count and a small preview."""

import dagster as dg
import polars as pl

from pipelines.incremental import skip_reason

PREVIEW_ROWS = 10
_PREVIEW_CELL_CHARS = 80


def frame_metadata(frame: pl.DataFrame, preview_columns: list[str], **extra: object) -> dict[str, object]:
    """Row count and a Markdown preview of the first rows: what the UI shows on the asset page."""
    return {
        "dagster/row_count": frame.height,
        "preview": dg.MetadataValue.md(markdown_preview(frame.select(preview_columns).head(PREVIEW_ROWS))),
        **extra,
    }


def inputs_metadata(inputs, recorded, skipped: bool) -> dict[str, object]:
    """Whether a derived asset recomputed its table or kept it, and why (`pipelines.incremental`)."""
    if skipped:
        work = skip_reason(recorded)
    elif recorded is None:
        work = "computed: no record of earlier inputs"
    else:
        work = f"recomputed: changed {', '.join(recorded.changed_parts(inputs))}"
    return {"skipped": skipped, "work": work, "inputs_fingerprint": inputs.fingerprint[:16]}


def step_metadata(outcome, unit: str) -> dict[str, object]:
    """What a partitioned step did (a `pipelines.partition_steps.StepOutcome`): how much it
    computed, how much was unchanged since an earlier run and kept, on how many processes."""
    return {
        f"{unit}_processed": outcome.processed,
        f"{unit}_unchanged": outcome.reused,
        "workers": outcome.workers,
    }


def markdown_preview(frame: pl.DataFrame) -> str:
    if frame.height == 0:
        return "_no rows_"
    header = "| " + " | ".join(frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    rows = ["| " + " | ".join(_cell(value) for value in row) + " |" for row in frame.iter_rows()]
    return "\n".join([header, rule, *rows])


def _cell(value: object) -> str:
    text = "" if value is None else ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= _PREVIEW_CELL_CHARS else text[: _PREVIEW_CELL_CHARS - 1] + "…"
