"""Who is calling: a user account or an API key, reduced to what access checks need."""

from __future__ import annotations

from dataclasses import dataclass

# API keys are for other systems (LAPOR! gateways, SMS bridges): they act with this role.
SYSTEM = "system"


@dataclass(frozen=True)
class Principal:
    kind: str  # "user" or "key"
    id: int
    name: str
    role: str
    agency_id: int | None = None

    @property
    def actor(self) -> str:
        """How the principal is written into history rows."""
        return f"{self.kind}:{self.name}"
