"""Personal data over the API: /classify and complaint reads return `pii` and `masked_text`, and masked
output never contains the original personal data."""

from __future__ import annotations

TEXT = ("Nama saya Budi Santoso, NIK 3201011505900003, HP +62 812-3456-7890, email budi.s@contoh.id. "
        "Jalan di RT 03/RW 05 rusak 2 km sejak 2023, sudah keluar Rp 150.000. Transfer ke rek BCA 1234567890. "
        "Mobil B 1234 XYZ parkir di trotoar.")
VALUES = ["Budi Santoso", "3201011505900003", "+62 812-3456-7890", "budi.s@contoh.id", "1234567890", "B 1234 XYZ"]
KEPT = ["RT 03/RW 05", "2 km", "2023", "Rp 150.000"]


def _check(pii, masked, text=TEXT):
    kinds = {p["kind"] for p in pii}
    assert {"NAMA", "NIK", "TELEPON", "EMAIL", "REKENING", "PLAT"} <= kinds
    for p in pii:
        assert 0 <= p["start"] < p["end"] <= len(text)
    for v in VALUES:
        assert v not in masked
    for k in KEPT:
        assert k in masked
    assert "[NIK]" in masked and "[TELEPON]" in masked


def test_classify_returns_pii_and_masked_text(client, api_key):
    one = client.post("/api/v1/classify", json={"text": TEXT}, headers=api_key)
    assert one.status_code == 200
    _check(one.json["pii"], one.json["masked_text"])
    assert all(set(p) == {"kind", "start", "end"} for p in one.json["pii"])
    batch = client.post("/api/v1/classify", json={"items": [{"text": TEXT}, {"text": "lampu mati"}]}, headers=api_key)
    pd = batch.json["personal_data"]
    assert len(pd) == 2 and pd[1] == {"pii": [], "masked_text": "lampu mati"}
    _check(pd[0]["pii"], pd[0]["masked_text"])


def test_classify_reports_personal_data_in_titles_too(client, api_key):
    title = "Jalan rusak, hub Budi 081234567890"
    one = client.post("/api/v1/classify", json={"text": "lampu mati", "title": title}, headers=api_key).json
    assert [p["kind"] for p in one["title_pii"]] == ["TELEPON"]
    assert "081234567890" not in one["masked_title"] and "[TELEPON]" in one["masked_title"]
    assert one["pii"] == [] and one["masked_text"] == "lampu mati"
    batch = client.post("/api/v1/classify", json={"items": [{"text": TEXT, "title": title}, {"text": "lampu mati"}]},
                        headers=api_key).json["personal_data"]
    assert batch[0]["masked_title"] == one["masked_title"] and batch[0]["title_pii"] == one["title_pii"]
    assert "title_pii" not in batch[1] and "masked_title" not in batch[1]


def test_complaint_reads_return_pii_and_masked_text(client, verifier, scientist):
    tid = client.post("/api/v1/complaints", json={"text": TEXT, "channel": "web"}, headers=verifier).json["tracking_id"]
    detail = client.get(f"/api/v1/complaints/{tid}", headers=verifier).json
    _check(detail["pii"], detail["masked_text"])
    items = client.get("/api/v1/complaints", headers=scientist).json["items"]
    [item] = [i for i in items if i["tracking_id"] == tid]
    _check(item["pii"], item["masked_text"])
    secret = client.post("/api/v1/complaints", json={"text": TEXT, "confidentiality": "secret"}, headers=verifier)
    [red] = [i for i in client.get("/api/v1/complaints", headers=scientist).json["items"]
             if i["tracking_id"] == secret.json["tracking_id"]]
    assert red["masked_text"] is None and red["pii"] is None


def test_masked_output_never_contains_the_personal_data(client, api_key):
    texts = [
        "saya bernama Siti Aminah, hp 0812 3456 7890, atas nama Siti Aminah juga di KK",
        "No rek BRI 0123-4567-8901-234 a.n. Ahmad Fauzi, telp (021) 555-1234",
        "NIK 32.01.01.150590.0003 dan email x.y@mail.co.id, plat nomor AB 12 CD",
        "kontak Pak Joko di 62-813-1111-2222 atau www.contoh-situs.com/lapor",
    ]
    resp = client.post("/api/v1/classify", json={"items": [{"text": t} for t in texts]}, headers=api_key)
    for t, pdata in zip(texts, resp.json["personal_data"], strict=True):
        assert pdata["pii"], t
        for p in pdata["pii"]:
            value = t[p["start"]:p["end"]]
            assert value not in pdata["masked_text"], (value, pdata["masked_text"])


def test_intake_hints_more_confidentiality_when_the_text_asks_for_it(client, verifier):
    """A public report that carries the reporter's NIK gets an "anonymous" hint; the report stays as filed."""
    nik = client.post("/api/v1/complaints", json={"text": "Nik. 3204124101990001Saya mohon KTP segera dicetak",
                                                  "channel": "web"}, headers=verifier).json
    assert nik["confidentiality"] == "public"
    assert nik["confidentiality_hint"]["level"] == "anonymous"
    assert "NIK" in nik["confidentiality_hint"]["reason"] and "3204124101990001" not in nik["confidentiality_hint"]["reason"]
    plain = client.post("/api/v1/complaints", json={"text": "lampu jalan mati di depan pasar", "channel": "web"},
                        headers=verifier).json
    assert plain["confidentiality_hint"] is None
    filed = client.post("/api/v1/complaints", json={"text": "NIK 3204124101990001 KTP belum jadi", "channel": "web",
                                                    "confidentiality": "anonymous"}, headers=verifier).json
    assert filed["confidentiality"] == "anonymous" and filed["confidentiality_hint"] is None
