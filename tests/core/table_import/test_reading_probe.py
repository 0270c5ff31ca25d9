"""Hostile workbooks (security probe after issue 20): a small file must not hang the app.

A 300 KB .xlsx whose one row holds two million cells took 80 s and 1.9 GB before it was
refused; an external entity in a sheet must not read a local file into a cell.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from mailmanager.core.table_import.reading import TableError, open_table


def workbook_with(tmp_path: Path, sheet_xml: bytes) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["email", "code"])
    plain = io.BytesIO()
    book.save(plain)
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    path = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            archive.writestr(info.filename, data)
    return path


SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def test_a_zip_bomb_is_refused_at_once(tmp_path: Path) -> None:
    cell = b'<c t="inlineStr"><is><t>xxxxxxxxxx</t></is></c>'
    row = b'<row r="1">' + cell * 2_000_000 + b"</row>"
    path = workbook_with(tmp_path, SHEET_START + b"<sheetData>" + row + b"</sheetData></worksheet>")
    assert path.stat().st_size < 1_000_000
    started = time.monotonic()
    with pytest.raises(TableError, match="unpacks to"):
        open_table(path)
    assert time.monotonic() - started < 5


def test_an_external_entity_reads_no_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE")
    doctype = f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>'.encode()
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?>' + doctype + SHEET_START[38:]
        + b'<sheetData><row r="1"><c t="inlineStr"><is><t>email</t></is></c>'
        b'<c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>'
    )  # fmt: skip
    path = workbook_with(tmp_path, xml)
    try:
        with open_table(path) as table:
            cells = list(table.headers) + [c for r in table.rows for c in r.cells]
    except TableError as exc:
        assert "TOPSECRETVALUE" not in str(exc)
        return
    assert not any("TOPSECRETVALUE" in cell for cell in cells)
