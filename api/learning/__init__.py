"""Learning from decisions in the service: every worker keeps a memory of the decisions (through the
database), refits of the agency head run in the job worker and are promoted only when not worse, an admin can
switch it off, and the monitoring page shows what was learned and when."""
