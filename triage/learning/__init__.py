"""Learning from verifiers' decisions while serving: a memory of decisions, the blend with the model and the
directory prior (`router`), automatic refits of the agency head (`refit`), and the replay protocol that measures
it all the way a deployment lives it (`replay`). No Flask, no database."""
