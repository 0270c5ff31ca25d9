"""Live checks: the bounded wire, the IMAP and SMTP probes, diagnosis, hints, the runner."""
