"""Reading spreadsheets: encodings, delimiters, blank and ragged rows, Excel's row numbers, and
code cells Excel stored as numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from mailmanager.core.table_import import reading
from mailmanager.core.table_import.reading import LOST_DIGITS, TableError, open_table

CHINESE = "邮箱,授权码,分组\nzhang.wei@163.com,ABCDEFGHIJKLMNOP,客户甲\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "boxes.csv"
    path.write_bytes(CHINESE.encode(encoding))
    table = open_table(path)
    assert table.headers == ("邮箱", "授权码", "分组")
    rows = list(table.rows)
    assert rows[0].cells == ("zhang.wei@163.com", "ABCDEFGHIJKLMNOP", "客户甲")
    assert rows[0].number == 2
    assert table.encoding == encoding


def test_blank_lines_count_as_rows_and_ragged_rows_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "boxes.csv"
    path.write_text("email,code\r\n\r\n a@163.com , X \r\nb@163.com\r\nc@163.com,Y,extra\r\n")
    rows = list(open_table(path).rows)
    assert [r.number for r in rows] == [2, 3, 4, 5]
    assert rows[0].is_blank()
    assert rows[1].cells == (" a@163.com ", " X ")
    assert rows[2].cells == ("b@163.com",)
    assert rows[3].cells == ("c@163.com", "Y", "extra")


def test_tsv_and_tab_sniffing(tmp_path: Path) -> None:
    path = tmp_path / "boxes.tsv"
    path.write_text("email\tcode\na@163.com\tX,Y\n")
    assert next(open_table(path).rows).cells == ("a@163.com", "X,Y")
    text = tmp_path / "boxes.txt"
    text.write_text("email\tcode\na@163.com\tZ\n")
    table = open_table(text)
    assert table.kind == "tsv" and next(table.rows).cells == ("a@163.com", "Z")


def test_xlsx_numbers_dates_and_row_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Boxes"
    sheet.append(["email", "code", "imap_port"])
    sheet.append(["a@163.com", 1234567890123456, 993.0])
    sheet.append([])
    sheet.append(["b@163.com", 1.2345678901234567e18, None])
    sheet.append(["c@163.com", 12.5, None])
    path = tmp_path / "boxes.xlsx"
    book.save(path)
    table = open_table(path, sheet="Boxes")
    assert table.headers == ("email", "code", "imap_port")
    rows = [r for r in table.rows if not r.is_blank()]
    assert [r.number for r in rows] == [2, 4, 5]
    assert rows[0].cells[:3] == ("a@163.com", "1234567890123456", "993")
    assert rows[1].cells[1] == LOST_DIGITS
    assert rows[2].cells[1] == LOST_DIGITS


def test_unreadable_files_say_why_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="cannot open"):
        open_table(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n")
    with pytest.raises(TableError, match="headers"):
        open_table(empty)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip")
    with pytest.raises(TableError, match="workbook"):
        open_table(fake)
    utf16 = tmp_path / "u16.csv"
    utf16.write_bytes("email,code\n".encode("utf-16"))
    with pytest.raises(TableError, match="UTF-16"):
        open_table(utf16)
    book = Workbook()
    path = tmp_path / "one.xlsx"
    book.save(path)
    with pytest.raises(TableError, match="no sheet"):
        open_table(path, sheet="Other")


def test_too_many_rows_stop_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    path = tmp_path / "big.csv"
    path.write_text("email,code\n" + "a@163.com,X\n" * 10)
    table = open_table(path)
    with pytest.raises(TableError, match="more than 3 rows"):
        list(table.rows)


def test_pasted_text() -> None:
    table = reading.read_text("email code\n", tab=None)
    assert table.headers == ("email code",)
