from pipelines.consolidate.corrections import (
    Correction,
    Corrections,
    CorrectionsError,
    UnusedCorrection,
    load_corrections,
    parse_corrections,
)
from pipelines.consolidate.deals import ConsolidationResult, consolidate_deals, consolidate_investments

__all__ = [
    "ConsolidationResult", "Correction", "Corrections", "CorrectionsError", "UnusedCorrection",
    "consolidate_deals", "consolidate_investments", "load_corrections", "parse_corrections",
]
