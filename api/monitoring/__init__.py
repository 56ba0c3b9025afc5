"""Monitoring of the model in use, for data scientists: acceptance of suggestions, bands, hoax flags,
drift (service), a page and JSON (views)."""


def init_app(app) -> None:
    from api import extensions
    from api.monitoring import service as monitoring
    from api.monitoring.views import bp

    app.extensions[extensions.MONITORING_CACHE] = monitoring.Cache(
        0 if app.config.get("TESTING") else monitoring.CACHE_SECONDS)
    app.register_blueprint(bp)
