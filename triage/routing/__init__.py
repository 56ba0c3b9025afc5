"""Cold-start routing: suggest an agency from the office's directory alone, before any report is decided.

- ``directory``: the agency directory as data (``AgencyEntry``, ``read_directory``).
- ``agency_types``: the knowledge base of perangkat daerah types and matching of entries to types.
- ``prior``: ``DirectoryPrior``, a scikit-learn-style estimator fitted on a directory, no texts.
"""
