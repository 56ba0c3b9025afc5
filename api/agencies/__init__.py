"""The agency directory as the office owns it: restructuring (merge, rename, split), its mapping,
per-agency statistics."""
