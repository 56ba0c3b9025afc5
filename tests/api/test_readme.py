"""The README's commands match the code they describe."""

from __future__ import annotations

import re
from pathlib import Path

from api.cli import serve

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_serve_port_is_the_port_serve_uses():
    port = next(p.default for p in serve.params if p.name == "port")
    urls = re.findall(r"triage serve\s+#.*?http://127\.0\.0\.1:(\d+)", README.read_text(encoding="utf-8"))
    assert urls and {int(u) for u in urls} == {port}
