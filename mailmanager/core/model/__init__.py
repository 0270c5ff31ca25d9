"""The account model: accounts, their addresses, statuses and list rows (plain data, no I/O)."""
