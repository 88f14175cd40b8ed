"""Report layer: the user-facing tables exported for spreadsheets and BI tools."""

from pathlib import Path

import dagster as dg

from assets.consolidate import deals, investments
from assets.derive import company_gigawatt_commitments, company_gigawatt_commitments_by_year, investor_customer_loops
from pipelines import warehouse
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
    `compute_deals.xlsx` with a sheet per table, replacing the previous export."""
    folder = Path(exports_dir.path)
    folder.mkdir(parents=True, exist_ok=True)
    with warehouse_db.connect() as con:
        files = warehouse.export_tables(con, EXPORTED_TABLES, folder)
    return dg.MaterializeResult(metadata={
        "folder": dg.MetadataValue.path(str(folder)),
        "files": dg.MetadataValue.json(sorted(path.name for path in files)),
    })
