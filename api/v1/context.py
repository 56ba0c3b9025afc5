"""Per-app objects the views hand to services."""

from flask import current_app

from api.deadlines import DeadlinePolicy
from api.model_holder import ModelHolder


def holder() -> ModelHolder:
    return current_app.extensions["triage.model"]


def deadlines() -> DeadlinePolicy:
    return current_app.extensions["triage.deadlines"]
