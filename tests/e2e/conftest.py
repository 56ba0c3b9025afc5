"""A real server (werkzeug, in a thread) on a temporary SQLite database, and headless Chromium."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from api import extensions

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is absent (apt-get install chromium)")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="module")
def live_app(tmp_path_factory, bundle_path):
    from demo_data import seed_demo
    from werkzeug.serving import make_server

    from api import create_app
    from api.model_holder import ModelHolder

    tmp = tmp_path_factory.mktemp("e2e")
    holder = ModelHolder()
    holder.load(bundle_path)
    app = create_app({"INSTANCE_PATH": str(tmp / "instance"), "DATABASE_URL": f"sqlite:///{tmp / 'e2e.db'}",
                      "AUTO_MIGRATE": True, "MODEL_HOLDER": holder, "MODELS_DIR": str(bundle_path.parent),
                      "SECRET_KEY": "e2e-secret"})
    demo = seed_demo(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}", demo
    server.shutdown()
    thread.join(timeout=10)
    extensions.engine(app).dispose()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="id-ID")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def screenshot_dir(tmp_path) -> Path:
    """TRIAGE_SCREENSHOT_DIR=docs/screenshots refreshes the documentation's pictures; otherwise a temp dir."""
    target = os.environ.get("TRIAGE_SCREENSHOT_DIR")
    path = Path(target) if target else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path
