"""Helpers shared by the tests (not tests themselves): one module per area."""
