"""Shared data and helpers for tests/api/open311 (imported by name): the GeoReport v2 spec's examples."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "api" / "open311"
EXAMPLES = json.loads((HERE / "georeport_v2_examples.json").read_text())
XML_EXAMPLES = {e.get("name"): e[0] for e in ET.parse(HERE / "georeport_v2_examples.xml").getroot()}
BASE = "/open311/v2"


def shape(element: ET.Element) -> dict:
    """Element names and nesting (first item of each list), without the text."""
    out = {}
    for child in element:
        out.setdefault(child.tag, shape(child))
    return out
