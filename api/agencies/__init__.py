"""The agency directory as the office owns it: import/export and history (directory, files, schemas), a
draft from a LAPOR! export (from_lapor), restructuring (merge, rename, split), its mapping, statistics."""

# The core tables first: api.models imports this package's tables at its end, so a command that starts
# with `api.agencies.directory` would otherwise meet a half-built api.agencies.models.
import api.models  # noqa: F401
