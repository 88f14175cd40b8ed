"""Asset checks on the consolidated and derived tables: each is a query returning offending rows."""

import dagster as dg

from assets.consolidate import deals, investments
from assets.derive import company_gigawatt_commitments, investor_customer_loops
from assets.metadata import markdown_preview
from pipelines import warehouse
from pipelines.plausibility import FIGURE_RANGES
from pipelines.resources import WarehouseResource

DEALS_HAVE_EVIDENCE = "every_deal_has_evidence"
ONE_SPELLING_PER_COMPANY = "one_spelling_per_company"
GIGAWATTS_PLAUSIBLE = "gigawatts_in_plausible_range"
NO_DEAL_COUNTED_TWICE = "no_deal_counted_twice"
LOOPS_REFERENCE_FACTS = "loops_reference_existing_facts"


def _offending_rows_check(name: str, asset, query: str, description: str,
                          params: dict | None = None) -> dg.AssetChecksDefinition:
    @dg.asset_check(name=name, asset=asset, description=description, blocking=False)
    def _check(warehouse_db: WarehouseResource) -> dg.AssetCheckResult:
        with warehouse_db.connect() as con:
            offending = warehouse.query_frame(con, warehouse.read_sql(query), params)
        return dg.AssetCheckResult(
            passed=offending.height == 0,
            metadata={"offending_rows": offending.height,
                      "examples": dg.MetadataValue.md(markdown_preview(offending.head(10)))},
        )

    return _check


asset_checks = [
    _offending_rows_check(DEALS_HAVE_EVIDENCE, deals, "check_deals_without_evidence",
                          "Every consolidated deal points at mentions with an evidence sentence."),
    _offending_rows_check(ONE_SPELLING_PER_COMPANY, investments, "check_company_spellings",
                          "No company appears under two spellings across deals and investments."),
    _offending_rows_check(GIGAWATTS_PLAUSIBLE, deals, "check_implausible_gigawatts",
                          f"Every deal's gigawatt figure lies between {FIGURE_RANGES['gw'].describe()}.",
                          {"low": FIGURE_RANGES["gw"].low, "high": FIGURE_RANGES["gw"].high}),
    _offending_rows_check(NO_DEAL_COUNTED_TWICE, company_gigawatt_commitments, "check_commitments_double_counted",
                          "Buyer totals add up to the deals' gigawatts; no deal is counted twice."),
    _offending_rows_check(LOOPS_REFERENCE_FACTS, investor_customer_loops, "check_loops_reference_facts",
                          "Every loop edge references deals and investments that exist."),
]
