"""Who is calling: a user account or an API key, reduced to what access checks need."""

from __future__ import annotations

from dataclasses import dataclass

from api.workflow import Role


@dataclass(frozen=True)
class Principal:
    kind: str  # "user" or "key"
    id: int
    name: str
    role: Role
    agency_id: int | None = None

    @property
    def actor(self) -> str:
        """How the principal is written into history rows."""
        return f"{self.kind}:{self.name}"
