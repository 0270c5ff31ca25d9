"""Writes .xlsx workbooks the way Excel does: text cells in the shared-strings table.

openpyxl writes text cells inline, so its workbooks never exercise what Excel's do: a
``xl/sharedStrings.xml`` that openpyxl's read-only mode loads whole before the first row. This
writer streams one sheet and its shared strings into the zip (rows from an iterable), and can
declare a ``uniqueCount`` or member sizes that lie, for the reader's limits.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_OFFICE}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_OFFICE}.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    f'{_XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    f'xmlns:r="{_REL}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence[str | int]],
    *,
    declared_unique: int | None = None,
) -> int:
    """Write ``rows`` (the first is the header) as Excel would; returns the shared strings'
    count. ``declared_unique`` overrides the ``uniqueCount`` the table declares."""
    strings: dict[str, int] = {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f'{_XML}<worksheet xmlns="{_NS}"><sheetData>'.encode())
            for number, row in enumerate(rows, start=1):
                cells = []
                for index, value in enumerate(row):
                    ref = f"{_column(index)}{number}"
                    if isinstance(value, int):
                        cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                    else:
                        found = strings.setdefault(value, len(strings))
                        cells.append(f'<c r="{ref}" t="s"><v>{found}</v></c>')
                sheet.write(f'<row r="{number}">{"".join(cells)}</row>'.encode())
            sheet.write(b"</sheetData></worksheet>")
        unique = len(strings) if declared_unique is None else declared_unique
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as table:
            table.write(
                f'{_XML}<sst xmlns="{_NS}" count="{len(strings)}" uniqueCount="{unique}">'.encode()
            )
            for text in strings:
                table.write(f"<si><t>{escape(text)}</t></si>".encode())
            table.write(b"</sst>")
    return len(strings)
