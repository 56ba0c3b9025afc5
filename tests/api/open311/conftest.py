"""Fixtures of the Open311 tests: an API key as Open311 passes it, a service, and the spec's examples."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

HERE = Path(__file__).parent
EXAMPLES = json.loads((HERE / "georeport_v2_examples.json").read_text())
XML_EXAMPLES = {e.get("name"): e[0] for e in ET.parse(HERE / "georeport_v2_examples.xml").getroot()}
BASE = "/open311/v2"


def shape(element: ET.Element) -> dict:
    """Element names and nesting (first item of each list), without the text."""
    out = {}
    for child in element:
        out.setdefault(child.tag, shape(child))
    return out


@pytest.fixture
def key(api_key):
    return api_key["Authorization"].removeprefix("Bearer ")


@pytest.fixture
def service(client):
    return client.get(f"{BASE}/services.json").json[0]


@pytest.fixture
def post(client, key, service):
    """post(description, **fields) -> the service_request_id of a new request (form-encoded, by the key)."""

    def make(description: str, fmt: str = "json", **fields) -> str:
        form = {"api_key": key, "service_code": service["service_code"], "lat": "-6.9175", "long": "107.6191",
                "description": description, **fields}
        resp = client.post(f"{BASE}/requests.{fmt}", data=form)
        assert resp.status_code == 201, resp.data
        if fmt == "xml":
            return ET.fromstring(resp.data).find("request/service_request_id").text
        return resp.json[0]["service_request_id"]

    return make
