"""Open311 GeoReport v2 beside our API, under /open311/v2 (views.py; mapping in service.py)."""


def init_app(app) -> None:
    from api.open311.views import bp

    app.register_blueprint(bp)
    csrf = app.extensions.get("csrf")
    if csrf is not None:
        # Other systems send api_key, not a form token; a console session cookie alone cannot write here
        # (api.auth wants its X-CSRFToken header), so the form check is not needed.
        csrf.exempt(bp)
