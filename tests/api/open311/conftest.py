"""Fixtures of the Open311 tests: an API key as Open311 passes it, a service, and the spec's examples."""

import xml.etree.ElementTree as ET

import pytest
from support.open311 import BASE


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
