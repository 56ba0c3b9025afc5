"""Request, query and response shapes of the JSON API, defined once as pydantic v2 models.

Views validate bodies and query strings through them (`api.validation`), services take the validated
objects, and `api.openapi` generates `components.schemas` from them. Limits that the office may
configure (text length, batch size, page size) are read from the validation context, and written
into the document from the app config; the `x-config-max*` markers below name the setting.

Feature packages keep their own shapes beside their views (e.g. `api.hoaxes.schemas`).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from api.models import CHANNELS, CONFIDENTIALITY, DISPOSITION_ACTIONS, FOLLOWUP_STATUSES
from api.workflow import Status
from triage.text.placeholders import KINDS as PII_KINDS

BANDS = ("auto", "review", "manual")
MAX_ID = 2**31 - 1  # ids are INTEGER columns: a larger number cannot be one (and would not bind)

# Not \S: Python's and JavaScript's \s differ (U+001C..U+001F, U+0085, U+FEFF); this set is the same
# in both, so clients that validate with the document agree with the server.
NON_BLANK = "[^\\s\\x00-\\x1f\\x7f-\\x9f\\ufeff]"
_NON_BLANK = re.compile(NON_BLANK)
# NUL and lone surrogates cannot be stored in PostgreSQL text columns (and mean nothing in a report):
# NUL is dropped (it carries nothing), a lone surrogate is refused (it stands for a character we lost).
_SURROGATE = re.compile("[\ud800-\udfff]")


# -- bases ---------------------------------------------------------------------------------------

class Request(BaseModel):
    """A request body: unknown fields are refused; JSON types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Query(BaseModel):
    """A query string: every value arrives as text, so numbers are parsed (lax mode)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Response(BaseModel):
    """A response body: the document says exactly which fields come back."""

    model_config = ConfigDict(extra="forbid")


# -- text fields ---------------------------------------------------------------------------------

def _storable(value: str) -> str:
    if _SURROGATE.search(value):
        raise PydanticCustomError("unstorable_character", "must not contain unpaired surrogate characters")
    return value.replace("\x00", "")


def _non_blank(value: str) -> str:
    if not _NON_BLANK.search(value):
        raise PydanticCustomError("blank", "must contain some non-blank text (not only spaces or control characters)")
    return value


def _within(setting: str, error: str, unit: str):
    def check(value, info: ValidationInfo):
        limit = (info.context or {}).get(setting)
        if limit is not None and len(value) > limit:
            raise PydanticCustomError(error, "over the limit of {limit} " + unit, {"limit": limit})
        return value

    return check


Clean = Annotated[str, AfterValidator(_storable)]
"""Any free text we store: NUL removed, lone surrogates refused."""

ReportText = Annotated[
    str,
    Field(min_length=1, description="The report as written.",
          json_schema_extra={"pattern": NON_BLANK, "x-config-max": "MAX_TEXT_CHARS"}),
    AfterValidator(_storable), AfterValidator(_non_blank),
    AfterValidator(_within("MAX_TEXT_CHARS", "text_too_long", "characters")),
]
Title = Annotated[str, Field(max_length=300), AfterValidator(_storable)]
Reason = Annotated[str, Field(max_length=2000), AfterValidator(_storable)]
AgencyCode = Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_storable)]
TrackingId = Annotated[str, Field(min_length=1, max_length=20), AfterValidator(_storable)]


# -- model output --------------------------------------------------------------------------------

class Candidate(Response):
    label: str
    probability: float


class HeadSuggestion(Response):
    band: Literal[BANDS]
    candidates: list[Candidate]


class HoaxSuggestion(Response):
    probability: float
    band: Literal[BANDS]
    flagged: bool
    reasons: list[str] = []


class ExplanationTerm(Response):
    term: str
    weight: float


class ModelRef(Response):
    model_config = ConfigDict(extra="allow")  # e.g. agency_remap when the registry relabelled candidates
    name: str
    version: str


class Suggestion(Response):
    """`triage.suggest.Suggestion.to_dict()`, exactly as the model made it."""

    model: ModelRef
    agency: HeadSuggestion | None = None
    category: HeadSuggestion | None = None
    classification: HeadSuggestion | None = None
    hoax: HoaxSuggestion | None = None
    explanation: list[ExplanationTerm] = []


class PiiItem(Response):
    """Personal data found in `text`: kind and character span (`text[start:end]`)."""

    kind: Literal[PII_KINDS]
    start: int
    end: int
    value: str | None = Field(None, description="complaint reads only, for callers who may see the raw text")


class PersonalData(Response):
    pii: list[PiiItem]
    masked_text: str
    title_pii: list[PiiItem] | None = Field(None, description="personal data in `title`, when one was sent")
    masked_title: str | None = None


class ErrorDetail(Response):
    model_config = ConfigDict(extra="allow")
    field: str | None = None
    code: str
    message: str | None = None


class ErrorBody(Response):
    code: str
    message: str
    details: list[ErrorDetail] = Field(description="Each problem (field, code, message); empty when the "
                                       "message says it all. Always a list.")


class Error(Response):
    """Every error: `{"error": {"code", "message", "details"}}`; `details` lists each problem."""

    error: ErrorBody


# -- classify --------------------------------------------------------------------------------------

class ClassifyItem(Request):
    text: ReportText
    title: Title | None = None


class ClassifyRequest(Request):
    """One report (`text`, optional `title`) or a batch (`items`)."""

    model_config = ConfigDict(json_schema_extra={
        "oneOf": [{"required": ["text"], "not": {"required": ["items"]}},
                  {"required": ["items"], "not": {"anyOf": [{"required": ["text"]}, {"required": ["title"]}]}}],
    })

    text: ReportText = None
    title: Title | None = None
    items: Annotated[
        list[ClassifyItem],
        Field(min_length=1, description="A batch; over the limit is refused with 413 `batch_too_large`.",
              json_schema_extra={"x-config-max-items": "BATCH_LIMIT"}),
        AfterValidator(_within("BATCH_LIMIT", "batch_too_large", "items")),
    ] = None
    heads: Annotated[
        list[Literal["agency", "category", "classification", "hoax"]],
        Field(min_length=1, max_length=4, description="Only these heads (all when absent): the others are not "
                                                      "computed and are absent from the suggestion."),
    ] = None

    @model_validator(mode="wrap")
    @classmethod
    def _text_or_items_required(cls, data, handler):
        """Neither `text` nor `items` (e.g. `{"isi": ...}`): say that one is required, beside any unknown field."""
        if not isinstance(data, dict) or "text" in data or "items" in data:
            return handler(data)
        required = {"type": PydanticCustomError("required", "`text` (one report) or `items` (a batch) is required"),
                    "loc": ("text",), "input": data}
        try:
            handler(data)
        except ValidationError as exc:
            others = exc.errors(include_url=False)
            if all(e["type"] == "extra_forbidden" for e in others):
                raise ValidationError.from_exception_data(
                    cls.__name__, [required, *({"type": "extra_forbidden", "loc": e["loc"], "input": e["input"]}
                                               for e in others)]) from None
            raise
        raise ValidationError.from_exception_data(cls.__name__, [required])

    @model_validator(mode="after")
    def _one_or_batch(self):
        if self.items is not None and (self.text is not None or self.title is not None):
            raise PydanticCustomError("text_or_items", "give either `text` (one report) or `items` (a batch), not both")
        if self.items is None and self.text is None:  # both given as null
            raise PydanticCustomError("required", "`text` (one report) or `items` (a batch) is required")
        return self

    def reports(self) -> list[ClassifyItem]:
        return list(self.items) if self.items is not None else [ClassifyItem(text=self.text, title=self.title)]


class ClassifyResponse(Response):
    """A single report: `suggestion`, `pii`, `masked_text` (and `title_pii`, `masked_title` when a title was
    sent). A batch: `suggestions` and `personal_data` (the same per item, in order)."""

    suggestion: Suggestion | None = None
    pii: list[PiiItem] | None = None
    masked_text: str | None = None
    title_pii: list[PiiItem] | None = None
    masked_title: str | None = None
    suggestions: list[Suggestion] | None = None
    personal_data: list[PersonalData] | None = None


# -- complaints --------------------------------------------------------------------------------------

class Reporter(Request):
    """How to reach the reporter; stored apart from the text."""

    name: Annotated[str, Field(max_length=200), AfterValidator(_storable)] | None = None
    phone: Annotated[str, Field(max_length=40), AfterValidator(_storable)] | None = None
    email: Annotated[str, Field(max_length=200), AfterValidator(_storable)] | None = None
    address: Annotated[str, Field(max_length=1000), AfterValidator(_storable)] | None = None

    def given(self) -> dict[str, str]:
        return {k: v for k, v in self.model_dump().items() if v}


class ComplaintCreate(Request):
    text: ReportText
    title: Title | None = None
    channel: Literal[CHANNELS] = Field(None, description="default `api` for API keys, `web` for users")
    confidentiality: Literal[CONFIDENTIALITY] = "public"
    reporter: Reporter = None


class ConfidentialityHint(Response):
    """The text suggests keeping the reporter more hidden than the report was filed (a NIK or a phone
    number in a public report, a complaint against the reporter's own superior): for the caller to offer
    the reporter, never applied silently."""

    level: Literal[CONFIDENTIALITY]
    reason: str


class ComplaintCreated(Response):
    id: int
    tracking_id: str
    status: Status
    status_label: str
    received_at: str
    verify_due: str | None
    suggestion: Suggestion | None
    confidentiality: Literal[CONFIDENTIALITY]
    confidentiality_hint: ConfidentialityHint | None = None


class ComplaintSummary(Response):
    id: int
    tracking_id: str
    title: str | None = Field(description="masked for callers who may not see raw text; null when redacted")
    channel: Literal[CHANNELS]
    confidentiality: Literal[CONFIDENTIALITY]
    status: Status
    status_label: str
    agency: str | None
    band: Literal[BANDS] | None
    suggested_agency: str | None
    hoax_probability: float | None
    received_at: str
    verify_due: str | None
    followup_due: str | None
    due_at: str | None
    overdue: bool
    redacted: bool
    version: int
    cluster_id: int | None = Field(description="duplicate cluster (`/clusters/{id}`)")


class ComplaintListItem(ComplaintSummary):
    pii: list[PiiItem] | None
    masked_text: str | None = Field(description="the text with each personal-data item replaced by `[NIK]`, "
                                                "`[TELEPON]`, ...; `null` when redacted")


class ComplaintPage(Response):
    items: list[ComplaintListItem]
    next_cursor: str | None


class ReporterOut(Response):
    name: str | None
    phone: str | None
    email: str | None
    address: str | None


class SuggestionRow(Suggestion):
    id: int
    created_at: str


class DispositionOut(Response):
    id: int
    action: Literal[DISPOSITION_ACTIONS]
    agency: str | None
    reason: str | None
    suggestion_id: int | None
    user: str
    created_at: str


class FollowUpOut(Response):
    id: int
    agency: str
    status: Literal[FOLLOWUP_STATUSES]
    text: str | None
    user: str
    created_at: str


class HistoryEvent(Response):
    type: str
    from_status: str | None
    to_status: str | None
    to_label: str | None
    actor: str
    data: dict[str, Any]
    at: str


class ComplaintDetail(ComplaintSummary):
    text: str | None
    pii: list[PiiItem] | None
    masked_text: str | None
    reporter: ReporterOut | None
    suggestion: SuggestionRow | None
    suggestions: list[SuggestionRow]
    dispositions: list[DispositionOut]
    followups: list[FollowUpOut]
    history: list[HistoryEvent]


def _statuses(value: str) -> list[str]:
    parts = value.split(",")
    bad = [p for p in parts if p not in Status._value2member_map_]
    if bad:
        raise PydanticCustomError("enum", "unknown status {bad}; statuses are {known}",
                                  {"bad": ", ".join(repr(b) for b in bad), "known": ", ".join(s.value for s in Status)})
    return parts


def _limit_page(value: int, info: ValidationInfo) -> int:
    limit = (info.context or {}).get("PAGE_SIZE_MAX", 200)
    if value > limit:
        raise PydanticCustomError("range", "must be 1..{limit}", {"limit": limit})
    return value


class ComplaintQuery(Query):
    status: Annotated[str, Field(max_length=400, description="comma-separated statuses"),
                      AfterValidator(_statuses)] = None
    agency: AgencyCode = Field(None, description="agency code the complaint is currently with")
    band: Literal[BANDS] = Field(None, description="decision band of the latest suggestion")
    overdue: Literal["true", "false"] = Field(
        None, description="`true`: only complaints past the deadline of their current step; `false`: the others")
    received_from: Annotated[str, Field(max_length=40, description="ISO date or date-time, inclusive")] = None
    received_to: Annotated[str, Field(max_length=40, description="ISO date or date-time, exclusive")] = None
    sort: Literal["-received_at", "received_at", "due_at"] = Field(
        "-received_at", description="`-received_at` (newest first), `received_at`, or `due_at` (deadline first; "
        "only complaints with a running deadline)")
    limit: Annotated[int, Field(ge=1, json_schema_extra={"x-config-max": "PAGE_SIZE_MAX"}),
                     AfterValidator(_limit_page)] = 50
    cursor: Annotated[str, Field(max_length=200, description="`next_cursor` of the previous page")] = None


class DispositionCreate(Request):
    action: Literal[DISPOSITION_ACTIONS] = Field(
        description="`confirm` the suggested agency, `reassign` to `agency`, `archive` (needs `reason`), `hoax`, "
        "or `need_info` (ask the reporter; needs `reason`).")
    agency: AgencyCode = Field(None, description="agency code, for `reassign`")
    reason: Reason | None = None
    suggestion_id: Annotated[int, Field(ge=1, le=MAX_ID)] | None = None
    version: Annotated[int, Field(ge=0, le=MAX_ID)] | None = Field(
        None, description="the complaint's `version` the decision was made on: 409 if it changed meanwhile")


class FollowUpCreate(Request):
    status: Literal[FOLLOWUP_STATUSES] = Field(
        description="`in_progress` (Ditindaklanjuti), `done` (Selesai), or `not_our_authority` (back to the "
        "verifiers; `text` is the reason).")
    text: ReportText


# -- reference and operations -------------------------------------------------------------------------

class AgencyOut(Response):
    code: str
    name: str
    aliases: list[str]
    parent: str | None
    kind: str | None
    deadline_days: int
    active: bool


class AgencyList(Response):
    items: list[AgencyOut]


class LabelCheck(Response):
    ok: int
    remapped: dict[str, str]
    split: dict[str, list[str]]
    unknown: list[str]


class ModelInfo(Response):
    name: str
    path: str
    version: str | None
    active: bool
    agency_labels: LabelCheck | None = None
    metrics: dict[str, Any] | None = None
    meta: dict[str, Any]


class ModelList(Response):
    items: list[ModelInfo]


class Health(Response):
    status: Literal["ok"]


class Readiness(Response):
    status: Literal["ready", "not_ready"]
    checks: dict[str, str]
