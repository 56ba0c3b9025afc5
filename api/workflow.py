"""The SP4N-LAPOR! workflow: status names, roles, Indonesian labels, allowed transitions, running clocks.

This is the one place status and role names are spelled; everything else imports them from here.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """Who acts: the four kinds of user account, and `system` for another system's API key."""

    VERIFIER = "verifier"
    ADMIN = "admin"
    DATA_SCIENTIST = "data_scientist"
    AGENCY_OFFICER = "agency_officer"
    SYSTEM = "system"


USER_ROLES = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER)
ROLE_LABELS_ID = {Role.VERIFIER: "Verifikator", Role.ADMIN: "Admin", Role.DATA_SCIENTIST: "Data scientist",
                  Role.AGENCY_OFFICER: "Petugas instansi", Role.SYSTEM: "Sistem lain"}


class Status(StrEnum):
    RECEIVED = "received"
    NEED_INFO = "need_info"
    ARCHIVED = "archived"
    HOAX = "hoax"
    DISPATCHED = "dispatched"
    RETURNED = "returned"
    FOLLOWED_UP = "followed_up"
    CLOSED = "closed"


LABELS_ID = {
    Status.RECEIVED: "Diterima",
    Status.NEED_INFO: "Menunggu Info Pelapor",
    Status.ARCHIVED: "Diarsipkan",
    Status.HOAX: "Hoaks",
    Status.DISPATCHED: "Didisposisikan",
    Status.RETURNED: "Dikembalikan (bukan kewenangan)",
    Status.FOLLOWED_UP: "Ditindaklanjuti",
    Status.CLOSED: "Selesai",
}

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.DISPATCHED, Status.ARCHIVED, Status.NEED_INFO, Status.HOAX}),
    # Once the reporter answers, or an agency hands it back, verifiers decide again.
    Status.NEED_INFO: frozenset({Status.DISPATCHED, Status.ARCHIVED, Status.NEED_INFO, Status.HOAX}),
    Status.RETURNED: frozenset({Status.DISPATCHED, Status.ARCHIVED, Status.NEED_INFO, Status.HOAX}),
    Status.DISPATCHED: frozenset({Status.FOLLOWED_UP, Status.RETURNED}),
    Status.FOLLOWED_UP: frozenset({Status.FOLLOWED_UP, Status.CLOSED, Status.RETURNED}),
    Status.ARCHIVED: frozenset(),
    Status.HOAX: frozenset(),
    Status.CLOSED: frozenset(),
}

# Statuses waiting for a verifier (their clock is verify_due) and for an agency (followup_due).
AWAITING_VERIFIER = frozenset({Status.RECEIVED, Status.RETURNED})
AWAITING_AGENCY = frozenset({Status.DISPATCHED, Status.FOLLOWED_UP})
# A verifier may decide on these (need_info: the reporter has been asked; the clock is paused).
DECIDABLE = frozenset({Status.RECEIVED, Status.NEED_INFO, Status.RETURNED})

# Disposition action -> resulting status.
ACTION_STATUS = {
    "confirm": Status.DISPATCHED,
    "reassign": Status.DISPATCHED,
    "archive": Status.ARCHIVED,
    "hoax": Status.HOAX,
    "need_info": Status.NEED_INFO,
}


class InvalidTransition(Exception):
    def __init__(self, current: str, target: str):
        super().__init__(f"cannot go from {current!r} ({label(current)}) to {target!r} ({label(target)})")
        self.current, self.target = current, target


def label(status: str) -> str:
    return LABELS_ID.get(Status(status), status) if status in Status._value2member_map_ else status


def check(current: str, target: str) -> None:
    if Status(target) not in TRANSITIONS[Status(current)]:
        raise InvalidTransition(current, target)


# Indonesian labels of the other values shown to people (console pages, exports).
BAND_LABELS_ID = {"auto": "Otomatis", "review": "Perlu ditinjau", "manual": "Manual", None: "Tanpa saran"}
CHANNEL_LABELS_ID = {"web": "Situs web", "sms": "SMS", "app": "Aplikasi", "social": "Media sosial",
                     "hotline": "Telepon", "api": "Sistem lain"}
CONFIDENTIALITY_LABELS_ID = {"public": "Publik", "anonymous": "Anonim", "secret": "Rahasia"}
ACTION_LABELS_ID = {"confirm": "Dikonfirmasi", "reassign": "Dialihkan", "archive": "Diarsipkan",
                    "hoax": "Ditandai hoaks", "need_info": "Minta info pelapor"}
FOLLOWUP_LABELS_ID = {"in_progress": "Sedang ditangani", "done": "Selesai ditangani",
                      "not_our_authority": "Bukan kewenangan"}
CLASSIFICATION_LABELS_ID = {"pengaduan": "Pengaduan", "aspirasi": "Aspirasi",
                            "permintaan_informasi": "Permintaan informasi"}
