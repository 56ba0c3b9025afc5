"""Hoaxes: the review list with the model's reasons, confirmation with a standard clarification, and
monthly counts for Diskominfo (models, service, texts, views and templates in this package)."""
