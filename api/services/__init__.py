"""Services: each takes a SQLAlchemy session and does one piece of work; no Flask in here."""
