"""The office that runs triage: its name, short name, timezone, report issuer, Diskominfo unit and contact.

Stored in the `setting` table by `triage setup` or the console's admin page (`/console/kantor`);
environment variables override each field (api.config.OFFICE_ENV). `service.identity(session)` is the one
place every page, report and text reads it from. Until an office is set up, the identity is the fictional
demo kabupaten the project ships with, and the console says so.
"""
