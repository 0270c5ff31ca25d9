"""A spreadsheet file as rows of text cells: CSV (UTF-8, UTF-8 with BOM, GB18030), TSV, .xlsx.

Rows are streamed: a CSV is decoded as it is read, an .xlsx is read with openpyxl's read-only
mode, so memory stays bounded by ``MAX_ROWS`` and ``MAX_CELL`` whatever the file's size. That
mode still loads a workbook's whole shared-strings table, and a zip can be a bomb, so
``check_workbook`` refuses workbooks over fixed sizes before openpyxl opens them. The
file is read where it lies, never copied. Each row carries the number Excel shows for it (the
header is row 1; a blank line is a row too).

Cells are text. A number Excel stored for a code cell is turned back into its digits; a float
that cannot be a whole number of digits (``1.23457E+15``, a fraction) is marked ``LOST_DIGITS``
so the row can be refused rather than a wrong code sent.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

MAX_ROWS = 20_000
MAX_CELL = 4096
# How much of a CSV is looked at to choose its encoding and delimiter.
_SNIFF = 64 * 1024
# A number Excel kept as a float: up to 15 significant digits survive; beyond that it is lost.
_EXACT_FLOAT = 2**53
LOST_DIGITS = "\0lost-digits"

XLSX_SUFFIXES = (".xlsx", ".xlsm")

# A workbook is a zip. openpyxl's read-only mode streams the sheets but loads the whole
# shared-strings table (every distinct text cell) first, and a zip can unpack to far more than
# it holds (a zip bomb). So the sizes the zip declares are checked before openpyxl opens it
# (``zipfile`` never unpacks a member past its declared size): a workbook of MAX_ROWS real rows
# stays far below these limits, and the memory they allow is bounded (bench/bench_import.py).
# A small file that unpacks to far more (a zip bomb, or one row of millions of cells, which
# openpyxl builds whole: 270 KB took 80 s and 1.9 GB) is refused at once.
_MB = 1 << 20
MAX_XLSX_UNPACKED = 64 * _MB  # every member together, unpacked
MAX_XLSX_MEMBER = 48 * _MB  # one sheet (streamed, but a row is read whole)
MAX_XLSX_MEMBERS = 10_000
MAX_SHARED_STRINGS_BYTES = 16 * _MB  # the shared-strings table, unpacked (held in memory)
MAX_SHARED_STRINGS = 200_000  # its entries: ten distinct texts per row at MAX_ROWS rows
_CONTENT_TYPES = "[Content_Types].xml"
_SHARED_TYPE = "sharedStrings+xml"
_SHARED_ENTRY = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
TSV_SUFFIXES = (".tsv", ".tab")


class TableError(Exception):
    """The file cannot be read as a table at all (one English line; never a cell's content)."""


@dataclass(frozen=True)
class Row:
    """One spreadsheet row: its number as Excel shows it and its cells as text."""

    number: int
    cells: tuple[str, ...] = field(repr=False)

    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass
class Table:
    """A table being read: the header row, the data rows (an iterator: read them once), the
    encoding the file was read with and, for a workbook, the sheet."""

    headers: tuple[str, ...]
    rows: Iterator[Row]
    encoding: str = ""
    sheet: str = ""
    kind: str = "csv"
    closer: Callable[[], None] | None = field(default=None, repr=False)

    def close(self) -> None:
        """Let go of the file (reading every row does too)."""
        close_rows = getattr(self.rows, "close", None)
        if close_rows is not None:
            close_rows()
        if self.closer is not None:
            self.closer()

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_table(path: Path, *, sheet: str | None = None) -> Table:
    """Start reading ``path``; ``TableError`` when it is not a table we can read."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _open_xlsx(path, sheet)
    if sheet:
        raise TableError("--sheet applies to .xlsx workbooks only")
    return _open_text(path, tab=path.suffix.lower() in TSV_SUFFIXES)


def read_text(text: str, *, tab: bool | None = None) -> Table:
    """A table from text in memory (the app's paste box, tests)."""
    delimiter = _delimiter(text[:_SNIFF], tab)
    return _from_lines(io.StringIO(text, newline=None), delimiter, "text", "text")


PASTE_HEADERS = ("address", "code")


def read_pasted(text: str) -> Table:
    """The app's paste box: one mailbox per line, "address code" or "address,code" (a tab or
    a semicolon works too). Row numbers are line numbers; everything after the address is the
    code (a code shown in groups, "abcd efgh ...", is joined by the provider's format)."""
    if len(text) > MAX_ROWS * 512:
        raise TableError(f"the pasted text is too long: paste at most {MAX_ROWS:,} lines")

    def rows() -> Iterator[Row]:
        for number, line in enumerate(text.splitlines(), start=1):
            found = _PASTE_SPLIT.match(line)
            cells = (found.group(1), found.group(2).strip()) if found else (line.strip(),)
            yield Row(number, tuple(_text(c) for c in cells))

    return Table(PASTE_HEADERS, rows(), "text", "", "paste")


_PASTE_SPLIT = re.compile(r"\s*([^\s,;]+)\s*[,;\t ]\s*(.*)")


# -- CSV / TSV -----------------------------------------------------------------------------------


def _open_text(path: Path, *, tab: bool) -> Table:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise TableError(f"cannot open {path.name}: {exc.strerror or type(exc).__name__}") from None
    try:
        head = handle.read(_SNIFF)
        encoding = _encoding(handle, head)
        handle.seek(0)
        stream = io.TextIOWrapper(handle, encoding=encoding, newline="")
        first = stream.read(_SNIFF)
        stream.seek(0)
        delimiter = _delimiter(first, True if tab else None)
    except TableError:
        handle.close()
        raise
    except UnicodeDecodeError:
        handle.close()
        raise TableError(f"{path.name} is neither UTF-8 nor GB18030 text") from None
    except OSError as exc:
        handle.close()
        raise TableError(f"cannot read {path.name}: {exc.strerror or type(exc).__name__}") from None
    return _from_lines(stream, delimiter, encoding, "tsv" if delimiter == "\t" else "csv")


def _encoding(handle: io.BufferedReader, head: bytes) -> str:
    """UTF-8 (with or without its BOM) when the whole file decodes as UTF-8, else GB18030
    (what Excel on Chinese Windows saves a CSV as). Decoded in chunks: memory stays small."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise TableError("the file is UTF-16 text: save it as CSV UTF-8 and try again")
    decoder = codecs.getincrementaldecoder("utf-8")()
    handle.seek(0)
    try:
        while chunk := handle.read(1 << 20):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


def _delimiter(sample: str, tab: bool | None) -> str:
    """A tab for TSV; otherwise whichever of comma, tab and semicolon the header line uses."""
    if tab:
        return "\t"
    first = sample.lstrip("\ufeff").split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _from_lines(stream: io.TextIOBase, delimiter: str, encoding: str, kind: str) -> Table:
    csv.field_size_limit(1 << 20)
    reader = csv.reader(stream, delimiter=delimiter, skipinitialspace=False, strict=False)
    try:
        header_cells = next(reader, [])
    except (csv.Error, UnicodeDecodeError) as exc:
        stream.close()
        raise TableError(_csv_problem(exc, 1)) from None
    headers = tuple(_text(cell).lstrip("\ufeff").strip() for cell in header_cells)
    if not any(headers):
        stream.close()
        raise TableError("the first row (the headers) is empty")

    def rows() -> Iterator[Row]:
        number = 1
        try:
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except (csv.Error, UnicodeDecodeError) as exc:
                    raise TableError(_csv_problem(exc, number + 1)) from None
                number += 1
                if number - 1 > MAX_ROWS:
                    raise TableError(_too_many())
                yield Row(number, tuple(_text(c) for c in cells))
        finally:
            stream.close()

    return Table(headers, rows(), encoding, "", kind, stream.close)


def _csv_problem(exc: Exception, row: int) -> str:
    # The csv module's messages name limits and quotes, never a cell's content; still, only
    # the kind of problem is said.
    if isinstance(exc, UnicodeDecodeError):
        return f"row {row} is not valid text in the file's encoding"
    return f"row {row} cannot be read as CSV (a cell is too long or its quotes do not close)"


def _too_many() -> str:
    return f"the file has more than {MAX_ROWS:,} rows: split it into smaller files"


def _text(cell: str) -> str:
    return cell if len(cell) <= MAX_CELL else cell[:MAX_CELL]


def sheet_names(path: Path) -> list[str]:
    """The sheets of an .xlsx workbook, in order (empty for any other file, or a workbook
    over the limits: opening it then says why)."""
    if path.suffix.lower() not in XLSX_SUFFIXES:
        return []
    from openpyxl import load_workbook

    try:
        check_workbook(path)
        book = load_workbook(path, read_only=True)
    except TableError:
        return []
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        return []  # SyntaxError: XML openpyxl cannot parse (ElementTree's ParseError)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


# -- .xlsx ---------------------------------------------------------------------------------------


def check_workbook(path: Path) -> None:
    """Refuse (``TableError``) a workbook whose zip declares more than the limits allow, before
    anything is unpacked: its members together, any one member, the shared-strings table's
    size and its number of entries (counted in a stream, not trusted from its header)."""
    try:
        archive = zipfile.ZipFile(path)
    except OSError as exc:
        raise TableError(f"cannot open {path.name}: {exc.strerror or type(exc).__name__}") from None
    except (zipfile.BadZipFile, ValueError):
        raise TableError(f"cannot read {path.name} as an .xlsx workbook (not a workbook)") from None
    with archive:
        members = archive.infolist()
        unpacked = sum(m.file_size for m in members)
        largest = max((m.file_size for m in members), default=0)
        if (
            len(members) > MAX_XLSX_MEMBERS
            or unpacked > MAX_XLSX_UNPACKED
            or largest > MAX_XLSX_MEMBER
        ):
            raise TableError(
                f"{path.name} unpacks to {unpacked / _MB:,.0f} MB in {len(members):,} parts "
                f"(the largest {largest / _MB:,.0f} MB), more than a workbook of {MAX_ROWS:,} "
                f"rows needs (at most {MAX_XLSX_UNPACKED // _MB} MB, "
                f"{MAX_XLSX_MEMBER // _MB} MB per part): save it as CSV or split it"
            )
        for member in _shared_strings(archive, members):
            if member.file_size > MAX_SHARED_STRINGS_BYTES:
                raise TableError(
                    f"{path.name}'s text table holds {member.file_size / _MB:,.0f} MB, more than "
                    f"{MAX_SHARED_STRINGS_BYTES // _MB} MB: save it as CSV or split it"
                )
            count = _count_entries(archive, member)
            if count > MAX_SHARED_STRINGS:
                raise TableError(
                    f"{path.name}'s text table holds {count:,} different texts, more than "
                    f"{MAX_SHARED_STRINGS:,}: save it as CSV or split it"
                )


def _shared_strings(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]
) -> list[zipfile.ZipInfo]:
    """The shared-strings parts: those [Content_Types].xml declares (as openpyxl finds them)
    and any part named like one."""
    names = {m.filename.lower(): m for m in members}
    found = {n for n in names if n.rpartition("/")[2].startswith("sharedstrings")}
    types = names.get(_CONTENT_TYPES.lower())
    if types is not None and types.file_size <= _MB:
        text = archive.read(types).decode("utf-8", "replace")
        for part in re.findall(r"<Override\b[^>]*>", text):
            if _SHARED_TYPE in part:
                named = re.search(r'PartName="/?([^"]+)"', part)
                if named is not None:
                    found.add(named.group(1).lower())
    return [names[n] for n in sorted(found) if n in names]


def _count_entries(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> int:
    """The ``<si>`` entries of a shared-strings part, read in chunks (memory stays small)."""
    count, tail = 0, b""
    with archive.open(member) as stream:
        while chunk := stream.read(_MB):
            data = tail + chunk
            count += len(_SHARED_ENTRY.findall(data))
            tail = data[-16:]
            count -= len(_SHARED_ENTRY.findall(tail))  # counted again with the next chunk
    return count + len(_SHARED_ENTRY.findall(tail))


def _open_xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook

    check_workbook(path)
    # Opened here, so that it is closed here: openpyxl leaves its own file open when a
    # workbook fails to load.
    try:
        handle = path.open("rb")
    except OSError as exc:
        reason = exc.strerror or "not a workbook"
        raise TableError(f"cannot read {path.name} as an .xlsx workbook ({reason})") from None
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        handle.close()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a workbook"
        raise TableError(f"cannot read {path.name} as an .xlsx workbook ({reason})") from None

    def close() -> None:
        book.close()
        handle.close()

    if sheet:
        if sheet not in book.sheetnames:
            names = ", ".join(book.sheetnames)
            close()
            raise TableError(f"the workbook has no sheet {sheet!r} (sheets: {names})")
        worksheet = book[sheet]
    else:
        worksheet = book.worksheets[0]
    values = worksheet.iter_rows(values_only=True)
    try:
        header_values = next(values, ())
    except Exception:
        close()
        raise TableError(f"cannot read {path.name}: the sheet is damaged") from None
    headers = tuple(_cell(v).strip() for v in header_values)
    while headers and not headers[-1]:
        headers = headers[:-1]
    if not any(headers):
        close()
        raise TableError("the first row (the headers) is empty")

    def rows() -> Iterator[Row]:
        try:
            for number, found in enumerate(values, start=2):
                if number - 1 > MAX_ROWS:
                    raise TableError(_too_many())
                yield Row(number, tuple(_cell(v) for v in found))
        except TableError:
            raise
        except Exception:
            raise TableError(f"cannot read {path.name}: the sheet is damaged") from None
        finally:
            close()

    return Table(headers, rows(), "xlsx", worksheet.title, "xlsx", close)


def _cell(value: object) -> str:
    """A workbook cell as the text a person typed into it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT_FLOAT:
            return str(int(value))
        return LOST_DIGITS
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return _text(str(value))
