"""Detection: from an address to a provider and servers (catalogue, MX, SRV, autoconfig)."""
