"""The settings of learning from decisions: one frozen object, the same defaults for the running
service and for `triage evaluate --replay`, recorded in every replay's JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace


@dataclass(frozen=True)
class LearningSettings:
    # The memory of decisions (triage.learning.memory): nearest neighbours over the model's features.
    memory_capacity: int = 20_000
    memory_k: int = 10
    memory_power: float = 4.0  # similarity ** power: a near-identical report counts far more
    memory_min_similarity: float = 0.2
    memory_half_life_days: float | None = 180.0
    # How much the memory's vote counts against the model's: weight W / (W + memory_tau). `memory_tau` is
    # where a new office starts; once `blend_min_support` recent decisions show what the head and the
    # memory each said before the decision, the router picks from `memory_tau_grid` the value that gave
    # the true agency the highest likelihood on the latest `band_window` of them: a strong head earns a
    # larger tau, a weak one (a new office, drift) a smaller.
    memory_tau: float = 0.2
    memory_tau_grid: tuple[float, ...] = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 20.0)
    blend_min_support: int = 100
    # The directory prior (cold start) weighs like this many decisions and is blended out as they come.
    prior_decisions: float = 50.0
    # Automatic refits of the agency head (in the job worker; in the replay, at the same counts).
    refit_every: int = 500  # the memory learns at once; a refit (a minute or two of worker CPU) consolidates
    refit_min_decisions: int = 100
    refit_holdout: float = 0.15  # the latest share of decisions a candidate is compared on, not trained on
    refit_half_life_days: float | None = 365.0
    # Bands of the blended suggestion: auto when the recent decisions at that confidence were right this
    # often; tuned online on the latest `band_window` decisions (at least `band_min_support`).
    target_precision: float = 0.95
    review_top3: float = 0.90
    band_window: int = 1_000
    band_min_support: int = 50

    def to_dict(self) -> dict:
        """JSON's shapes (a list for the grid), so a recorded replay compares equal to the settings."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict | None) -> LearningSettings:
        """Settings with the given values over the defaults; unknown names are refused."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown learning setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        if "memory_tau_grid" in data:  # JSON has lists
            data["memory_tau_grid"] = tuple(float(v) for v in data["memory_tau_grid"])
        return replace(cls(), **data)
