"""Shared data and helpers for tests/hardening (imported by name)."""

import threading

COMPLAINT = {
    "title": "Jalan rusak",
    "text": "Jalan di desa kami rusak parah dan berlubang, mohon segera diperbaiki. Hubungi 081234567890.",
    "channel": "web",
    "reporter": {"name": "Budi Santoso", "phone": "081234567890", "email": "budi@example.id"},
}


class LiveServer:
    def __init__(self, app):
        from werkzeug.serving import make_server

        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(5)
