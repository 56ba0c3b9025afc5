"""GeoReport v2 shapes (JSON; the XML forms carry the same fields), generated into the OpenAPI document.

Field names are the spec's. Form posts are validated through `ServiceRequestCreate`, so Open311 input
meets the same limits as `/api/v1/complaints` (report text, reporter fields)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, RootModel

from api.schemas import Clean, Query, ReportText, Request, Response

Short = Annotated[Clean, Field(max_length=200)]


class Service(Response):
    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: Literal["realtime", "batch", "blackbox"]
    keywords: str
    group: str


class ServiceList(RootModel[list[Service]]):
    pass


class ServiceDefinition(Response):
    service_code: str
    attributes: list[dict]


class ServiceRequest(Response):
    service_request_id: str
    status: Literal["open", "closed"]
    status_notes: str | None
    service_name: str | None
    service_code: str | None
    description: str | None = Field(description="public reads: only for public reports, personal data masked")
    agency_responsible: str | None
    service_notice: str | None
    requested_datetime: str | None
    updated_datetime: str | None
    expected_datetime: str | None
    address: str | None
    address_id: str | None
    zipcode: str | None
    lat: float | None
    long: float | None
    media_url: str | None


class ServiceRequestList(RootModel[list[ServiceRequest]]):
    pass


class ServiceRequestCreated(Response):
    service_request_id: str
    service_notice: str
    account_id: str | None


class ServiceRequestCreatedList(RootModel[list[ServiceRequestCreated]]):
    pass


class Open311Error(Response):
    code: int
    description: str


class Open311ErrorList(RootModel[list[Open311Error]]):
    pass


class ServiceRequestCreate(Request):
    """`POST requests` (form-encoded, as the spec says; JSON is accepted too)."""

    model_config = Request.model_config | {"strict": False}  # forms carry every value as text

    api_key: Annotated[str, Field(max_length=200)] | None = None
    jurisdiction_id: Short | None = None
    service_code: Annotated[Clean, Field(min_length=1, max_length=100)]
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    long: Annotated[float, Field(ge=-180, le=180)] | None = None
    address_string: Annotated[Clean, Field(max_length=500)] | None = None
    address_id: Short | None = None
    email: Annotated[Clean, Field(max_length=200)] | None = None
    device_id: Short | None = None
    account_id: Short | None = None
    first_name: Annotated[Clean, Field(max_length=100)] | None = None
    last_name: Annotated[Clean, Field(max_length=100)] | None = None
    phone: Annotated[Clean, Field(max_length=40)] | None = None
    description: ReportText
    media_url: Annotated[Clean, Field(max_length=1000)] | None = None


class RequestsQuery(Query):
    api_key: Annotated[str, Field(max_length=200)] = None
    jurisdiction_id: Short = None
    service_request_id: Annotated[str, Field(max_length=2000, description="comma-separated ids")] = None
    service_code: Annotated[str, Field(max_length=100)] = None
    start_date: Annotated[str, Field(max_length=40, description="ISO 8601; default 90 days ago",
                                     json_schema_extra={"format": "date-time"})] = None
    end_date: Annotated[str, Field(max_length=40, description="ISO 8601", json_schema_extra={"format": "date-time"})] = None
    status: Literal["open", "closed"] = None
