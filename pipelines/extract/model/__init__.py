"""The learned parts of extraction: a party tagger (CRF) and the decision layer (logistic regression).

Both are trained on labelled real articles by `bench/train_extractor.py` and committed as files
in `files/`; extraction loads them once per process. See README, "Extraction".
"""
