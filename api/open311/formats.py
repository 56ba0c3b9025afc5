"""GeoReport v2's two formats: every Open311 answer, errors included, as JSON or as XML.

The format is the URL's extension (`requests.xml`, `requests.json`), as the spec says; an address without
one (an unknown path) answers XML if the client's Accept header prefers it, else JSON.

XML is built with xml.etree (escaping is the library's), in the element names of the spec's examples:
a list is a wrapper element (`services`, `service_requests`, `errors`, `attributes`, `endpoints`,
`formats`) with one element per item (`service`, `request`, `error`, ...), null is an empty element,
booleans are `true`/`false`. Characters that XML 1.0 cannot carry (C0 controls other than tab, newline
and carriage return; lone surrogates; U+FFFE, U+FFFF) are removed: a report may contain them, a parser
would reject the whole document because of them.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from flask import Response, request

FORMATS = ("json", "xml")
MIMETYPES = {"json": "application/json", "xml": "text/xml"}  # the spec's discovery names these two
# The item element of each list, by the list's element name (the spec's examples).
ITEM = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value) -> str:
    """A value as XML character data: booleans as the spec writes them, forbidden characters removed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(parent: ET.Element, value) -> None:
    if value is None:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _fill(ET.SubElement(parent, key), item)
    elif isinstance(value, list):
        item_tag = ITEM[parent.tag]
        for item in value:
            _fill(ET.SubElement(parent, item_tag), item)
    else:
        parent.text = xml_text(value)


def to_xml(root: str, payload) -> bytes:
    """`payload` (a list, or a dict of fields) under the element `root`, as a UTF-8 document."""
    element = ET.Element(root)
    _fill(element, payload)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def respond(payload, fmt: str, root: str, status: int = 200) -> Response:
    """`root` names the XML document element; JSON carries `payload` as it is."""
    if fmt == "xml":
        body = to_xml(root, payload)
    else:
        body = json.dumps(payload, ensure_ascii=False)
    return Response(body, status=status, content_type=f"{MIMETYPES[fmt]}; charset=utf-8")


def requested_format(path: str | None = None) -> str:
    """The format of the current request (its extension; for other paths, the Accept header)."""
    path = request.path if path is None else path
    last = path.rsplit("/", 1)[-1]
    if "." in last:
        ext = last.rsplit(".", 1)[-1].lower()
        if ext in FORMATS:
            return ext
    best = request.accept_mimetypes.best_match(["application/json", "text/xml", "application/xml"])
    return "xml" if best in ("text/xml", "application/xml") else "json"


def error_response(status: int, description: str, fmt: str | None = None) -> Response:
    """A GeoReport v2 error array, `[{"code", "description"}]` (XML: `<errors><error>...`)."""
    return respond([{"code": status, "description": description}], fmt or requested_format(), "errors", status)
