from pipelines.consolidate.deals import consolidate_deals, consolidate_investments

__all__ = ["consolidate_deals", "consolidate_investments"]
