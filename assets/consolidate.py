"""Consolidate layer: one row per deal and per investment, however often and wherever reported."""

import dagster as dg
import polars as pl

from assets.metadata import PREVIEW_ROWS, frame_metadata, inputs_metadata
from pipelines import settings, warehouse
from pipelines.consolidate import ConsolidationResult, consolidate_deals, consolidate_investments
from pipelines.incremental import Inputs, code_fingerprint, file_fingerprint, query_fingerprint, record_inputs, recorded_inputs
from pipelines.resources import DUCKDB_WRITE_POOL, CorrectionsResource, WarehouseResource
from pipelines.schemas import DEALS_SCHEMA, INVESTMENTS_SCHEMA

CORRECTIONS_APPLIED_CHECK = "every_correction_applied"


def _corrections_check(asset: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(CORRECTIONS_APPLIED_CHECK, asset=asset,
                             description="Every entry of corrections.yaml matched a mention or a consolidated row.")


class ConfidenceSettings(dg.Config):
    """How confident the extraction must be for a mention to count (empty: `settings.min_confidence`, the
    threshold tuned by cross-validation; 0 counts every mention)."""
    min_confidence: float | None = None


def _consolidate(context, warehouse_db, corrections, table, mentions_table, consolidate, schema, preview,
                 min_confidence: float):
    mentions_sql = warehouse.read_sql(f"select_{mentions_table}_for_consolidation")
    with warehouse_db.connect() as con:
        inputs = Inputs({mentions_table: query_fingerprint(con, mentions_sql),
                         "corrections": file_fingerprint(corrections.path),
                         "code": code_fingerprint("pipelines.consolidate"),
                         "min_confidence": repr(min_confidence)})
        recorded = recorded_inputs(con, table)
        skipped = recorded is not None and recorded.unchanged(inputs)
        if skipped:
            # Same mentions, same corrections, same code, same threshold: the table is still right.
            frame = warehouse.query_frame(con, f"select * from {table} limit {PREVIEW_ROWS}")
            details = recorded.details
        else:
            mentions = warehouse.query_frame(con, mentions_sql)
            result: ConsolidationResult = consolidate(mentions, corrections.load(), min_confidence)
            frame = pl.DataFrame(result, schema=schema)
            warehouse.replace_table(con, table, frame)
            counted = mentions.filter(pl.col("confidence").is_null() | (pl.col("confidence") >= min_confidence))
            details = {"rows": frame.height, "mentions": mentions.height, "mentions_counted": counted.height,
                       "corrected_rows": frame.filter(pl.col("corrections").list.len() > 0).height,
                       "unused_corrections": [str(correction) for correction in result.unused_corrections]}
            record_inputs(con, table, inputs, details)
    context.log.info(f"{table}: {details['rows']} consolidated from {details['mentions']} mentions"
                     + (" (unchanged, kept)" if skipped else ""))
    unused = details["unused_corrections"]
    for problem in unused:
        context.log.warning(f"unused correction: {problem}")
    yield dg.MaterializeResult(metadata={
        **frame_metadata(frame, preview),
        "dagster/row_count": details["rows"], "mentions": details["mentions"],
        "mentions_counted": details.get("mentions_counted", details["mentions"]), "min_confidence": min_confidence,
        "corrected_rows": details["corrected_rows"],
        **inputs_metadata(inputs, recorded, skipped),
    })
    yield dg.AssetCheckResult(check_name=CORRECTIONS_APPLIED_CHECK, passed=not unused,
                              severity=dg.AssetCheckSeverity.WARN,
                              metadata={"unused": dg.MetadataValue.json(unused)})


@dg.asset(group_name="consolidate", kinds={"polars", "duckdb"}, pool=DUCKDB_WRITE_POOL,
          deps=["deal_mentions"], check_specs=[_corrections_check("deals")])
def deals(context: dg.AssetExecutionContext, config: ConfidenceSettings, warehouse_db: WarehouseResource,
          corrections: CorrectionsResource):
    """Each compute deal once, across sources and languages: buyer, providers, resource, the
    headline figures with their bounds, the figures that disagree, first and last report dates,
    how many articles and sources reported it, and the mention ids it came from. A later expansion
    of the same pair with a new figure stays a deal of its own. Recomputed over the whole history
    on every run, with the analysts' corrections (corrections.yaml) applied, whenever the mentions, the
    corrections, the consolidation code or the threshold changed (otherwise kept: metadata `skipped`). Only
    mentions whose confidence clears the threshold count (config `min_confidence`, default tuned for precision)."""
    threshold = settings.min_confidence("deal") if config.min_confidence is None else config.min_confidence
    yield from _consolidate(context, warehouse_db, corrections, "deals", "deal_mentions", consolidate_deals,
                            DEALS_SCHEMA, ["buyer", "providers", "resource", "gw", "gw_bound", "usd", "confidence",
                                           "n_articles", "languages"], threshold)


@dg.asset(group_name="consolidate", kinds={"polars", "duckdb"}, pool=DUCKDB_WRITE_POOL,
          deps=["investment_mentions"], check_specs=[_corrections_check("investments")])
def investments(context: dg.AssetExecutionContext, config: ConfidenceSettings, warehouse_db: WarehouseResource,
                corrections: CorrectionsResource):
    """Each equity investment and warrant once, across sources and languages, with its headline
    amount, disagreeing figures, report dates and the mention ids it came from, corrections applied;
    only mentions whose confidence clears the threshold count. Kept as it is when nothing it reads changed."""
    threshold = settings.min_confidence("investment") if config.min_confidence is None else config.min_confidence
    yield from _consolidate(context, warehouse_db, corrections, "investments", "investment_mentions",
                            consolidate_investments, INVESTMENTS_SCHEMA,
                            ["investor", "investee", "instrument", "usd", "confidence", "n_articles", "languages"],
                            threshold)
