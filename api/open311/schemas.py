"""GeoReport v2 shapes, generated into the OpenAPI document (JSON and XML).

Field names are the spec's; the `xml` hints name the elements of the XML form (api.open311.formats
writes exactly these: a wrapper element per list, one element per item). POSTs are validated through
`ServiceRequestCreate` at the boundary (types, lengths, no NUL), before anything is stored."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, RootModel

from api.open311.formats import ITEM
from api.schemas import Clean, Query, ReportText, Request, Response

Short = Annotated[Clean, Field(max_length=200)]
MAX_IDS = 100  # service_request_id: at most this many ids in one read


def _item(name: str) -> ConfigDict:
    return ConfigDict(extra="forbid", json_schema_extra={"xml": {"name": ITEM[name]}})


def _wrapper(name: str) -> ConfigDict:
    return ConfigDict(json_schema_extra={"xml": {"name": name, "wrapped": True}})


class Service(Response):
    model_config = _item("services")

    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: Literal["realtime", "batch", "blackbox"]
    keywords: str
    group: str


class ServiceList(RootModel[list[Service]]):
    model_config = _wrapper("services")


class ServiceAttribute(Response):
    model_config = _item("attributes")

    variable: bool
    code: str
    datatype: str
    required: bool
    datatype_description: str | None
    order: int
    description: str


class ServiceDefinition(Response):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"xml": {"name": "service_definition"}})

    service_code: str
    attributes: list[ServiceAttribute] = Field(json_schema_extra={"xml": {"wrapped": True}},
                                               description="none: our services take only the description")


class ServiceRequest(Response):
    model_config = _item("service_requests")

    service_request_id: str
    status: Literal["open", "closed"]
    status_notes: str | None
    service_name: str | None
    service_code: str | None
    description: str | None = Field(description=(
        "the report, as far as the caller may read it (api.access.text_access): public reads get public "
        "reports with personal data masked, and null for anonymous and secret reports"))
    agency_responsible: str | None
    service_notice: str | None
    requested_datetime: str | None
    updated_datetime: str | None
    expected_datetime: str | None
    address: str | None = Field(description="the location as given; on anonymous and secret reports masked for "
                                "callers who do not read the raw text")
    address_id: str | None
    zipcode: str | None
    lat: float | None
    long: float | None
    media_url: str | None = Field(description="null when the caller may not read the report")


class ServiceRequestList(RootModel[list[ServiceRequest]]):
    model_config = _wrapper("service_requests")


class ServiceRequestCreated(Response):
    model_config = _item("service_requests")

    service_request_id: str
    service_notice: str
    account_id: str | None


class ServiceRequestCreatedList(RootModel[list[ServiceRequestCreated]]):
    model_config = _wrapper("service_requests")


class Open311Error(Response):
    model_config = _item("errors")

    code: int
    description: str


class Open311ErrorList(RootModel[list[Open311Error]]):
    model_config = _wrapper("errors")


class Endpoint(Response):
    model_config = _item("endpoints")

    specification: Literal["http://wiki.open311.org/GeoReport_v2"]
    url: str
    changeset: str
    type: Literal["production", "test"]
    formats: list[Literal["text/xml", "application/json"]] = Field(json_schema_extra={"xml": {"wrapped": True}})


class Discovery(Response):
    """GeoReport v2 service discovery (wiki.open311.org/Service_Discovery)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"xml": {"name": "discovery"}})

    changeset: str
    contact: str
    key_service: str
    endpoints: list[Endpoint] = Field(json_schema_extra={"xml": {"wrapped": True}})


class ServiceRequestCreate(Request):
    """`POST requests` (form-encoded, as the spec says; a JSON object is accepted too). Every value is
    text except lat/long; a value given twice, a list, or a number where text belongs is refused."""

    model_config = Request.model_config | {"strict": False}  # forms carry numbers as text: lat, long

    api_key: Annotated[str, Field(max_length=200)] | None = None
    jurisdiction_id: Short | None = None
    service_code: Annotated[Clean, Field(min_length=1, max_length=100)]
    lat: Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)] | None = None
    long: Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)] | None = None
    address_string: Annotated[Clean, Field(max_length=500)] | None = None
    address_id: Short | None = None
    email: Annotated[Clean, Field(max_length=200)] | None = None
    device_id: Short | None = None
    account_id: Short | None = None
    first_name: Annotated[Clean, Field(max_length=100)] | None = None
    last_name: Annotated[Clean, Field(max_length=99)] | None = None  # "first last" fits the 200 of a name
    phone: Annotated[Clean, Field(max_length=40)] | None = None
    description: ReportText
    media_url: Annotated[Clean, Field(max_length=1000)] | None = None


class RequestsQuery(Query):
    """`GET requests`. Without dates: the last 90 days; a range may span at most 90 days (the spec's
    limits). At most 1000 requests per page, newest first; `page` and `page_size` are our extension."""

    model_config = Query.model_config | {"extra": "ignore"}  # GeoReport clients may send more than we use

    api_key: Annotated[str, Field(max_length=200)] = None
    jurisdiction_id: Short = None
    service_request_id: Annotated[str, Field(max_length=2000, description=(
        f"comma-separated ids (at most {MAX_IDS}); every other filter is then ignored"))] = None
    service_code: Annotated[str, Field(max_length=1000, description="comma-separated service codes")] = None
    start_date: Annotated[str, Field(max_length=40, description="W3C date-time, e.g. 2026-01-01T00:00:00Z; "
                                     "default: 90 days before end_date (or now)",
                                     json_schema_extra={"format": "date-time"})] = None
    end_date: Annotated[str, Field(max_length=40, description="W3C date-time; default: 90 days after start_date "
                                   "(or now)", json_schema_extra={"format": "date-time"})] = None
    status: Annotated[str, Field(max_length=20, pattern=r"^(open|closed)(,(open|closed))?$",
                                 description="open, closed, or both comma-separated")] = None
    page: Annotated[int, Field(ge=1, le=100_000, description="1-based page (extension)")] = 1
    page_size: Annotated[int, Field(ge=1, le=1000, description="requests per page, at most 1000 (extension)")] = 1000
