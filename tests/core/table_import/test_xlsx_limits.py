"""The reader's limits for .xlsx workbooks, checked before openpyxl opens them.

openpyxl's read-only mode streams the sheets but loads the whole shared-strings table first,
and a zip can unpack to far more than it holds. Workbooks here are written as Excel writes
them (``tests.helpers.xlsx_writer``: text cells in the shared-strings table); the limits on the
table are lowered for speed (the real ones are measured in bench/bench_import.py), the zip bomb
meets the real limit.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from mailmanager.cli import main
from mailmanager.core.table_import import reading
from mailmanager.core.table_import.reading import TableError, open_table, sheet_names
from tests.helpers.xlsx_writer import write_xlsx


def boxes(count: int, note: str = "") -> Iterator[Sequence[str | int]]:
    yield ["email", "code", "note"]
    for n in range(count):
        yield [f"u{n}@example.com", f"Code{n:08d}", f"{note}{n}"]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every workbook openpyxl was asked to load (it must not be, for a refused one)."""
    seen: list[Path] = []
    real = openpyxl.load_workbook

    def spy(filename: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(Path(getattr(filename, "name", filename)))  # a path or an open file
        return real(filename, *args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spy)
    return seen


def test_an_excel_style_workbook_reads_its_shared_strings(tmp_path: Path) -> None:
    path = tmp_path / "boxes.xlsx"
    assert write_xlsx(path, boxes(3)) == 3 + 3 * 3
    with open_table(path) as table:
        assert table.headers == ("email", "code", "note")
        rows = list(table.rows)
    assert [(r.number, r.cells) for r in rows] == [
        (n + 2, (f"u{n}@example.com", f"Code{n:08d}", str(n))) for n in range(3)
    ]


def test_a_shared_strings_table_over_the_size_limit_is_refused_before_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[Path]
) -> None:
    monkeypatch.setattr(reading, "MAX_SHARED_STRINGS_BYTES", 20_000)
    path = tmp_path / "big.xlsx"
    write_xlsx(path, boxes(400, note="n" * 40))
    with pytest.raises(TableError) as refused:
        open_table(path)
    message = str(refused.value)
    assert "big.xlsx's text table holds" in message and "save it as CSV" in message
    assert "\n" not in message and "Code0000" not in message
    assert opened == []
    assert sheet_names(path) == []  # the dialog's sheet list: nothing, opening then says why
    assert opened == []


def test_the_number_of_shared_strings_is_counted_not_taken_from_the_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[Path]
) -> None:
    monkeypatch.setattr(reading, "MAX_SHARED_STRINGS", 1000)
    path = tmp_path / "many.xlsx"
    count = write_xlsx(path, boxes(400), declared_unique=3)  # the header lies
    assert count > 1000
    with pytest.raises(TableError, match=f"holds {count:,} different texts, more than 1,000"):
        open_table(path)
    assert opened == []
    # Just under the limit it is read.
    monkeypatch.setattr(reading, "MAX_SHARED_STRINGS", count)
    with open_table(path) as table:
        assert len(list(table.rows)) == 400
    assert opened == [path]


def test_a_zip_bomb_is_refused_from_its_declared_sizes(tmp_path: Path, opened: list[Path]) -> None:
    path = tmp_path / "bomb.xlsx"
    write_xlsx(path, boxes(2))
    size = reading.MAX_XLSX_MEMBER + (1 << 20)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as book,
        book.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as member,
    ):
        block = b"\0" * (1 << 20)
        for _ in range(size >> 20):
            member.write(block)
    assert path.stat().st_size < 2 << 20  # a small file that unpacks to 49 MB
    part_mb = reading.MAX_XLSX_MEMBER >> 20
    with pytest.raises(
        TableError,
        match=(
            rf"bomb\.xlsx unpacks to {part_mb + 1} MB .*largest {part_mb + 1} MB"
            rf".*{part_mb} MB per part"
        ),
    ):
        open_table(path)
    assert opened == []


def test_the_command_line_exits_2_with_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opened: list[Path],
) -> None:
    monkeypatch.setattr(reading, "MAX_SHARED_STRINGS_BYTES", 20_000)
    path = tmp_path / "big.xlsx"
    write_xlsx(path, boxes(400, note="n" * 40))
    assert main(["import-table", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "text table holds" in err
    assert "Traceback" not in err and "Code0000" not in err
    assert opened == []
