"""Report layer: the user-facing tables exported for spreadsheets and BI tools."""

from pathlib import Path

import dagster as dg

from assets.consolidate import deals, investments
from assets.derive import company_gigawatt_commitments, company_gigawatt_commitments_by_year, investor_customer_loops
from assets.metadata import inputs_metadata
from pipelines import warehouse
from pipelines.incremental import Inputs, record_inputs, recorded_inputs, table_fingerprint
from pipelines.resources import DUCKDB_WRITE_POOL, ExportsResource, WarehouseResource

EXPORTED_TABLES = (
    "deals",
    "investments",
    "company_gigawatt_commitments",
    "company_gigawatt_commitments_by_year",
    "investor_customer_loops",
    "deal_mentions",
    "investment_mentions",
)


@dg.asset(
    group_name="report",
    kinds={"duckdb", "csv", "parquet", "excel"},
    pool=DUCKDB_WRITE_POOL,
    deps=[deals, investments, company_gigawatt_commitments, company_gigawatt_commitments_by_year,
          investor_customer_loops],
)
def exports(warehouse_db: WarehouseResource, exports_dir: ExportsResource) -> dg.MaterializeResult:
    """The consolidated and derived tables, with the mentions behind them, for spreadsheets and BI
    tools: one CSV (lists as `[a, b]`) and one Parquet file per table, and an Excel workbook
    `compute_deals.xlsx` with a sheet per table, replacing the previous export. Skipped when the
    tables are unchanged and the files of the last export are still there."""
    folder = Path(exports_dir.path)
    folder.mkdir(parents=True, exist_ok=True)
    with warehouse_db.connect() as con:
        # Same tables, same folder, files still there: the export would write the same bytes.
        inputs = Inputs({**{table: table_fingerprint(con, table) for table in EXPORTED_TABLES}, "folder": str(folder)})
        recorded = recorded_inputs(con, "exports")
        skipped = (recorded is not None and recorded.unchanged(inputs)
                   and all((folder / name).is_file() for name in recorded.details.get("files", [None])))
        if skipped:
            names = recorded.details["files"]
        else:
            names = sorted(path.name for path in warehouse.export_tables(con, EXPORTED_TABLES, folder))
            record_inputs(con, "exports", inputs, {"files": names})
    return dg.MaterializeResult(metadata={
        "folder": dg.MetadataValue.path(str(folder)),
        "files": dg.MetadataValue.json(names),
        **inputs_metadata(inputs, recorded, skipped),
    })
