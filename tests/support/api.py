"""Shared test data and helpers for the service tests (tests/ is on sys.path: pytest puts the root conftest's folder there)."""

import base64

PASSWORD = "rahasia-123"

COMPLAINT = {
    "title": "Jalan rusak",
    "text": "Jalan di desa kami rusak parah dan berlubang, mohon segera diperbaiki. Hubungi 081234567890.",
    "channel": "web",
    "reporter": {"name": "Budi Santoso", "phone": "081234567890", "email": "budi@example.id"},
}


def basic(username: str, password: str = PASSWORD) -> dict:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}
