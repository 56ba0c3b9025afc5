"""Open311 GeoReport v2 beside our API, under /open311/v2 (views.py; mapping in service.py; JSON and XML
in formats.py); discovery at /open311/discovery.json and .xml."""


def init_app(app) -> None:
    from api import errors
    from api.open311 import formats
    from api.open311.views import bp

    app.register_blueprint(bp)
    # Every error under /open311/ (routing's 404 and 405, rate limits, 500s) as a GeoReport error array.
    errors.register_format(app, "/open311/", formats.error_response)
    csrf = app.extensions.get("csrf")
    if csrf is not None:
        # Other systems send api_key, not a form token; a console session cookie alone cannot write here
        # (api.auth wants its X-CSRFToken header), so the form check is not needed.
        csrf.exempt(bp)
