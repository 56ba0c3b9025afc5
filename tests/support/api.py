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


def conforms(spec: dict, path: str, method: str, resp) -> None:
    """The response matches the schema the OpenAPI document gives for this path, method and status."""
    from jsonschema import Draft202012Validator

    content = spec["paths"][path][method]["responses"][str(resp.status_code)]["content"]
    schema = content["application/json"]["schema"]
    errors = [e.message for e in Draft202012Validator({**schema, "components": spec["components"]}).iter_errors(resp.json)]
    assert not errors, (method, path, resp.status_code, errors[:3])
