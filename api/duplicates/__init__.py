"""Duplicate and related reports: the ANN index of embeddings, clusters of reports about the same
problem, joint dispatch, and the console's similar-reports panel (models, service, views here)."""
