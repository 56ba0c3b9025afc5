"""Console fixtures: seeded complaints and logged-in clients (service fixtures: tests/conftest.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from support.console import login, seed_complaints

TEXTS = [
    {"title": "Jalan berlubang", "text": "Jalan di Desa Sukamaju rusak parah dan berlubang besar, sudah tiga bulan "
     "tidak diperbaiki. Mohon dinas PU segera memperbaiki. Hubungi saya di 081234567890.",
     "reporter": {"name": "Budi Santoso", "phone": "081234567890"}},
    {"title": "Lampu jalan mati", "text": "Lampu penerangan jalan umum di Jl. Merdeka mati sejak seminggu, malam hari "
     "gelap dan rawan kecelakaan.", "channel": "sms"},
    {"title": "Sampah menumpuk", "text": "Sampah di pasar tidak diangkut selama empat hari, baunya menyengat dan "
     "mengganggu warga sekitar.", "channel": "app"},
    {"title": "Pungli di kantor desa", "text": "Petugas kelurahan meminta uang Rp 200.000 untuk mengurus surat "
     "keterangan, padahal seharusnya gratis. NIK saya 3201010101900001.", "confidentiality": "secret"},
]


@pytest.fixture
def seeded(app):
    """Four complaints received at different times: the oldest is overdue."""
    now = dt.datetime.now(dt.UTC)
    items = [dict(t, received_at=now - dt.timedelta(days=d)) for t, d in zip(TEXTS, (9, 2, 1, 0), strict=True)]
    return seed_complaints(app, items)


@pytest.fixture
def as_role(client, make_user):
    """as_role(role, agency=None): log the test client in as a new user of that role."""

    def do(role: str, agency: str | None = None, username: str | None = None):
        username = username or f"{role}-console"
        make_user(role, agency=agency, username=username)
        resp = login(client, username)
        assert resp.status_code == 302, resp.get_data(as_text=True)
        return client

    return do
