"""Report layer: the read-only snapshot readers open, the exports for spreadsheets and BI tools,
and the HTML report."""

from datetime import date
from pathlib import Path

import dagster as dg

from assets.consolidate import deals, investments
from assets.derive import (
    company_candidates, company_gigawatt_commitments, company_gigawatt_commitments_by_year, investor_customer_loops,
)
from pipelines import settings, warehouse
from assets.metadata import inputs_metadata
from pipelines.exports import EXPORTED_TABLES, export_database
from pipelines.incremental import Inputs, record_inputs, recorded_inputs, table_fingerprint
from pipelines.resources import DUCKDB_WRITE_POOL, ExportsResource, WarehouseResource

__all__ = ["exports_and_report", "warehouse_snapshot"]


@dg.asset(
    group_name="report",
    kinds={"duckdb"},
    pool=DUCKDB_WRITE_POOL,
    deps=[deals, investments, company_gigawatt_commitments, company_gigawatt_commitments_by_year,
          investor_customer_loops, company_candidates],
)
def warehouse_snapshot(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource) -> dg.MaterializeResult:
    """A read-only copy of the DuckDB file (`compute_deals.snapshot.duckdb` beside it), published
    when a run has written everything, with the reader views (`deal_overview`, `deal_coverage`, ...).
    `compute-deals sql`, BI tools and the exports open this copy: a reader never blocks the
    scheduled run and never sees a half-written state; the copy is replaced atomically."""
    with warehouse_db.connect() as con:
        warehouse.ensure_views(con)
        snapshot = warehouse.publish_snapshot(con, Path(warehouse_db.database), warehouse_db.snapshot_path)
        counts = warehouse.table_counts(con)
    size_mb = snapshot.stat().st_size / 1e6
    context.log.info(f"snapshot published: {snapshot} ({size_mb:.1f} MB)")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(snapshot)),
        "size_mb": round(size_mb, 2),
        "rows": dg.MetadataValue.json(counts),
        "views": dg.MetadataValue.json(list(warehouse.VIEWS)),
    })


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            "exports", deps=[warehouse_snapshot], group_name="report", kinds={"csv", "parquet", "excel"},
            description="The consolidated and derived tables, with the mentions behind them, for spreadsheets "
                        "and BI tools, in a dated folder beside the database (`compute_deals_exports/<day>/`, "
                        "and `latest`): one CSV (lists `a; b`) and one Parquet file (typed lists) per table, and "
                        "an Excel workbook `compute_deals.xlsx` with a readable sheet per table. The same code "
                        "as `compute-deals export`.",
        ),
        dg.AssetSpec(
            "report", deps=[warehouse_snapshot], group_name="report", kinds={"html", "plotly"},
            description="`report.html` in the export folder: one self-contained page that opens offline, with "
                        "headline figures, gigawatt charts per buyer and provider, the investor-customer loops as "
                        "a graph, a timeline, every deal with its sources and evidence sentences, what is new "
                        "since the previous export, and companies seen for the first time.",
        ),
    ],
    pool=DUCKDB_WRITE_POOL,
)
def exports_and_report(context: dg.AssetExecutionContext, warehouse_db: WarehouseResource,
                       exports_dir: ExportsResource):
    """Write the export folder and its report from the published snapshot; when no exported table
    changed since the last export and its files are still there, `latest` is already right: keep it."""
    day = _export_day(context)
    root = Path(exports_dir.path)
    with warehouse.connect(warehouse_db.snapshot_path, read_only=True) as snapshot:
        inputs = Inputs({**{table: table_fingerprint(snapshot, table) for table in EXPORTED_TABLES},
                         "root": str(root), "keep": str(exports_dir.keep)})
    with warehouse_db.connect() as con:
        recorded = recorded_inputs(con, "exports")
    latest = root / "latest"
    skipped = (recorded is not None and recorded.unchanged(inputs)
               and all((latest / name).is_file() for name in recorded.details.get("files", ["-"])))
    if skipped:
        context.log.info(f"exports: no exported table changed since the last export; {latest} is kept")
        work = inputs_metadata(inputs, recorded, skipped)
        yield dg.MaterializeResult(asset_key="exports", metadata={
            "folder": dg.MetadataValue.path(str(latest.resolve())), "latest": dg.MetadataValue.path(str(latest)),
            "files": dg.MetadataValue.json(recorded.details["files"]), **work})
        yield dg.MaterializeResult(asset_key="report", metadata={
            "report_path": dg.MetadataValue.path(str(latest.resolve() / "report.html")),
            "report_url": dg.MetadataValue.url((latest.resolve() / "report.html").as_uri()), **work})
        return
    with warehouse.connect(warehouse_db.snapshot_path, read_only=True) as snapshot:
        result = export_database(snapshot, database=Path(warehouse_db.database), root=root, day=day,
                                 keep=exports_dir.keep, read_from=warehouse_db.snapshot_path)
    files = sorted(path.name for path in result.files)
    with warehouse_db.connect() as con:
        record_inputs(con, "exports", inputs, {"files": files})
    work = inputs_metadata(inputs, recorded, False)
    context.log.info(f"exports: {len(result.rows)} tables, {sum(result.rows.values())} rows → {result.folder}")
    if result.pruned:
        context.log.info(f"exports: deleted the exports of {', '.join(result.pruned)} (keeping {exports_dir.keep})")
    yield dg.MaterializeResult(asset_key="exports", metadata={
        "folder": dg.MetadataValue.path(str(result.folder)),
        "latest": dg.MetadataValue.path(str(result.latest)),
        "files": dg.MetadataValue.json(files),
        "rows": dg.MetadataValue.json(result.rows), **work,
    })
    yield dg.MaterializeResult(asset_key="report", metadata={
        "report_path": dg.MetadataValue.path(str(result.report)),
        "report_url": dg.MetadataValue.url(result.report.as_uri()),
        "compared_with": result.previous_day or "nothing (first export)", **work,
    })


def _export_day(context: dg.AssetExecutionContext) -> date:
    """The run's partition day (the day whose news the export includes), or today."""
    tag = context.run.tags.get("dagster/partition")
    try:
        return date.fromisoformat(tag) if tag else settings.today()
    except ValueError:
        return settings.today()
