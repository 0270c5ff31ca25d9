"""Bulk import of mailboxes from a spreadsheet (CSV, TSV, .xlsx) that proves every code first.

``reading`` turns a file into rows of text cells (streamed, bounded), ``headers`` maps its
columns to fields, ``rows`` turns each row into a candidate mailbox or a reason it is not one,
``consent`` applies the trust rule per row, ``batch`` proves the candidates (asyncio over the
checker) and saves the proven ones through the registry. No Qt: the CLI and the app share it.
"""
