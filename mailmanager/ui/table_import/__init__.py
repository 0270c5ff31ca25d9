"""The app's bulk import: File → Import mailboxes from a spreadsheet... (issue 20).

``dialog`` is the window (file or paste, the column mapping, the table, progress, Cancel, Save,
Retry failed rows, the reminder about the spreadsheet); ``row_text`` says what each row shows.
The work is the core's ``table_import``; the dialog runs it with ``async def`` slots on qasync's
loop.
"""
