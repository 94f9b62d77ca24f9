"""Read a batch manifest (CSV as Excel saves it, XLSX, or YAML) into rows of draft requests.

Every row is checked on its own: a bad row is reported as ``file:row: column: message`` and the
other rows still run. Row numbers are the ones a person sees in Excel (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..compose.brief import BRIEF_COLUMNS
from ..compose.request import LENGTH_RANGE, SECTIONS_RANGE, SEED_RANGE, topic_problem
from ..compose.rhetoric import KINDS
from ..errors import InputError, Problem, ProblemsError, XindegenError
from ..render.output import FORMATS
from ..safeio import ZipBomb, check_zip, read_user_file
from ..text import UndecodableError, decode_bytes
from ..yamlsafe import ProblemError, load_documents

# Every option of ``xindegen new`` by its name (``-`` written ``_``), with ``filename`` for its -o.
COLUMNS = ("topic", "author", "unit", "date", "length", "style", "template", "family", "seed",
           "material", "filename", "sections", "no_placeholders", "bold_headings", "template_dir",
           "data_dir", "format", "kind", "brief", "fact", "like", "essay", *BRIEF_COLUMNS)
_INT_COLUMNS = {"length": LENGTH_RANGE, "sections": SECTIONS_RANGE, "seed": SEED_RANGE, "essay": (1, 1000)}
_FILE_COLUMNS = ("template", "material", "brief", "like")  # relative to the manifest's folder
# Files whose words go into the drafts: by default only from the manifest's own folder, as a manifest
# handed on by someone else could otherwise quote any file the user can read into their drafts.
TEXT_COLUMNS = ("material", "brief", "like")
_DIR_COLUMNS = ("template_dir", "data_dir")
_FLAGS = {**dict.fromkeys(("1", "true", "yes", "y", "是", "√"), True),
          **dict.fromkeys(("0", "false", "no", "n", "否"), False)}


@dataclass
class Row:
    number: int  # as shown in the spreadsheet (header = 1)
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Manifest:
    file: Path
    rows: list[Row]
    problems: list[Problem]


MAX_ROWS = 100_000  # rows read from a manifest (a department's list; --shard splits bigger runs)
MAX_COLUMNS = 64  # columns read from a sheet (there are fewer known ones)
MAX_CELL = 128 * 1024  # characters in one cell, as the csv module's own field limit


def _table(file: Path) -> list[tuple[int, dict[str, Any]]]:
    suffix = file.suffix.lower()
    data = read_user_file(file)  # regular files only, with the input size cap
    if not data.strip():
        raise InputError("名单是空的", file)
    if suffix == ".csv":
        try:
            text = decode_bytes(data, detect=False)[0]  # Excel on Chinese Windows saves CSV as GBK
        except UndecodableError as exc:
            raise InputError(str(exc), file) from None
        records = _csv_rows(text, file)
        header = next(records, (1, []))[1]
        return _records(header, records, file)
    if suffix in (".xlsx", ".xlsm"):
        try:
            from openpyxl import load_workbook  # only for spreadsheets

            check_zip(data)  # openpyxl inflates a bomb whole
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
            # Read-only mode pads every row to the sheet's stated width (16384 columns for one cell
            # at XFD1048576) and up to its stated last row: take neither, only the rows there are.
            sheet.reset_dimensions()
            rows = _sheet_rows(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), file)
            first = next(rows, (1, []))[1]
        except ZipBomb as exc:
            raise InputError(f"Excel 文件{exc.args[0]}", file) from None
        except InputError:
            raise
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise InputError(f"无法读取 Excel 文件（{type(exc).__name__}）", file) from None
        header = ["" if v is None else str(v) for v in first]
        return _records(header, rows, file)
    if suffix in (".yaml", ".yml"):
        try:
            docs = load_documents(file)
        except ProblemError as exc:
            raise InputError(exc.problem.message, file, exc.problem.line) from None
        items = docs[0][0] if docs else None
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise InputError("YAML 名单应为列表，每项是“列名: 值”映射", file)
        lines = docs[0][1]
        return _records(None, ((lines.get((i,), i + 1), {str(k): v for k, v in item.items()})
                               for i, item in enumerate(items)), file)
    raise InputError("名单应为 .csv、.xlsx 或 .yaml 文件", file)


def _sheet_rows(rows: Iterator[tuple[Any, ...]], file: Path) -> Iterator[tuple[int, list[Any]]]:
    """Row 1 and the non-blank rows of a sheet, with their numbers.

    The rows missing between two rows come as one shared blank tuple, so a cell a million rows
    down is reached in about a second, without testing each empty row in between.
    """
    blank: tuple[Any, ...] | None = None
    try:
        for number, cells in enumerate(rows, start=1):
            if cells is blank:
                continue
            if number > 1 and all(c is None or not str(c).strip() for c in cells):
                blank = cells
                continue
            yield number, list(cells)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(f"无法读取 Excel 文件（{type(exc).__name__}）", file) from None


def _csv_rows(text: str, file: Path) -> Iterator[tuple[int, list[str]]]:
    """The records of a CSV with their row numbers; a broken one is a message at its row.

    The csv module accepts a quote left open and takes the rest of the file as one cell: that cell
    ends at the end of the file, which is how it is told from a real cell with line breaks.
    """
    lines = list(io.StringIO(text))
    reader = csv.reader(iter(lines))
    number = 0
    while True:
        number += 1
        start = reader.line_num
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger" in str(exc):
                raise InputError(f"这一行有一格超过 {MAX_CELL // 1024} KB"
                                 "（若有没闭合的引号，后面的内容都会算进这一格）", file, number) from None
            raise InputError(f"CSV 格式有误（{exc}）", file, number) from None
        if reader.line_num == len(lines) and _open_quote(lines[start:]):
            raise InputError("引号没有闭合：从这一行的引号起到文件末尾都成了一格", file, number)
        yield number, cells


def _open_quote(record: list[str]) -> bool:
    """Whether a record's text ends inside a quoted cell (strict parsing says so at the end)."""
    try:
        for _ in csv.reader(iter(record), strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _records(header: list[Any] | None, rows: Any, file: Path) -> list[tuple[int, dict[str, Any]]]:
    """Rows as column → cell; ``header`` None: each row is a mapping already (YAML)."""
    names = [str(h or "").strip().lower() for h in header or ()]
    out: list[tuple[int, dict[str, Any]]] = []
    for number, cells in rows:
        if header is None:
            record = cells
        else:
            if not any(str(c or "").strip() for c in cells):
                continue  # blank lines at the end of a sheet
            record = {n: c for n, c in zip(names, cells, strict=False) if n}
        if len(out) >= MAX_ROWS:
            raise InputError(f"名单超过 {MAX_ROWS} 行；请分成几份，或用 --shard 分几次生成", file, number)
        out.append((number, record))
    return out


def _shown(text: str, limit: int = 20) -> str:
    """A cell as quoted back in a message: a long one cut, so the message stays one short line."""
    return text if len(text) <= limit else text[:limit] + "…"


class _BadCell(Exception):
    """A cell that does not hold what its column needs; the message says what would."""


def _cell(column: str, text: str, folder: Path, anywhere: bool = False) -> Any:
    """The value of a non-empty cell, in the type the matching ``xindegen new`` option takes."""
    if column in _INT_COLUMNS:
        lo, hi = _INT_COLUMNS[column]
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        number = int(value) if math.isfinite(value) else None  # 1e400 and inf are no row's length
        if number is None or not lo <= number <= hi:
            raise _BadCell(f"应为 {lo}–{hi} 之间的整数，而不是“{_shown(text)}”")
        return number
    if column in _FILE_COLUMNS or column in _DIR_COLUMNS:
        path = Path(text) if Path(text).is_absolute() else folder / text
        if column in TEXT_COLUMNS and not anywhere and not path.resolve().is_relative_to(folder.resolve()):
            raise _BadCell(f"“{_shown(text, 200)}”不在名单所在的目录中：只能使用名单所在目录（及其子目录）中的文件；"
                           "确需使用别处的文件，请加 --allow-material-anywhere")
        if column in _FILE_COLUMNS and not path.is_file():
            raise _BadCell(f"找不到文件“{text}”")
        if column in _DIR_COLUMNS and not path.is_dir():
            raise _BadCell(f"找不到目录“{text}”")
        return (path,) if column == "data_dir" else path  # --data-dir may be given several times
    if column in ("no_placeholders", "bold_headings"):
        if text.lower() not in _FLAGS:
            raise _BadCell(f"应为 是 或 否（也可写 1/0、true/false），而不是“{_shown(text)}”")
        return _FLAGS[text.lower()]
    if column == "topic" and topic_problem(text):
        raise _BadCell(str(topic_problem(text)))
    if column == "kind" and text not in KINDS:
        raise _BadCell(f"应为 {'、'.join(KINDS)} 之一，而不是“{_shown(text)}”")
    if column == "fact":  # one KEY=VALUE per line, as --fact takes them
        return tuple(t.strip() for t in re.split(r"[\n；;]+", text) if t.strip())
    if column == "format" and text.lower() not in FORMATS:
        raise _BadCell(f"应为 {'、'.join(FORMATS)} 之一，而不是“{_shown(text)}”")
    return text.lower() if column == "format" else text


def read_manifest(file: Path, defaults: dict[str, Any], material_anywhere: bool = False) -> Manifest:
    """All rows with defaults filled in; problems of single rows are collected, not raised.

    ``material_anywhere``: the ``TEXT_COLUMNS`` may name files outside the manifest's folder.
    """
    table = _table(file)
    columns = set().union(*(r.keys() for _, r in table)) if table else set()
    if "topic" not in columns and not defaults.get("topic"):
        raise InputError("名单缺少必需的列 topic（或用 --topic 给出默认主题）", file)
    unknown = sorted(c for c in columns if c not in COLUMNS)
    if unknown:
        raise InputError(f"未知的列：{'、'.join(unknown)}（可用：{'、'.join(COLUMNS)}）", file)
    if defaults.get("topic") and topic_problem(str(defaults["topic"])):
        raise InputError(f"--topic：{topic_problem(str(defaults['topic']))}")
    rows, problems = [], []
    for number, record in table:
        values = dict(defaults)
        bad: list[Problem] = []
        for col in COLUMNS:
            raw = record.get(col)
            text = "" if raw is None else str(raw).strip()
            if not text:
                continue
            try:
                if len(text) > MAX_CELL:
                    raise _BadCell(f"这一格超过 {MAX_CELL // 1024} KB")
                values[col] = _cell(col, text, file.parent, material_anywhere)
            except _BadCell as exc:
                bad.append(Problem(str(file), number, col, str(exc)))
        if not values.get("topic") and not any(p.path == "topic" for p in bad):
            bad.append(Problem(str(file), number, "topic", "主题不能为空"))
        problems.extend(bad)
        if not bad:
            rows.append(Row(number, values))
    return Manifest(file, rows, problems)


def error_text(exc: XindegenError) -> str:
    """One line for a row's report: where the problem is (a data or brief file, not the manifest)."""
    extra = len(exc.problems) - 1 if isinstance(exc, ProblemsError) else 0
    return str(exc) + (f"（另有 {extra} 处问题）" if extra else "")


def check_data_dirs(manifest: Manifest, defaults: dict[str, Any]) -> None:
    """Load every data directory the batch uses once, here, before any worker starts.

    A bad ``--data-dir`` stops the batch with its problems; a bad ``data_dir`` cell fails its rows,
    as any other bad cell does. Workers then never meet a data error of their own.
    """
    from ..compose.rhetoric import load_rhetoric

    try:
        load_rhetoric(tuple(defaults.get("data_dir") or ()))
    except XindegenError:
        if not manifest.rows or any(r.values.get("data_dir") == defaults.get("data_dir") for r in manifest.rows):
            raise
    bad: dict[tuple[Path, ...], str | None] = {}
    keep = []
    for row in manifest.rows:
        dirs = tuple(row.values.get("data_dir") or ())
        if dirs not in bad:
            try:
                load_rhetoric(dirs)
                bad[dirs] = None
            except XindegenError as exc:
                bad[dirs] = error_text(exc)
        if bad[dirs] is None:
            keep.append(row)
        else:
            manifest.problems.append(Problem(str(manifest.file), row.number, "data_dir", str(bad[dirs])))
    manifest.rows[:] = keep
    manifest.problems.sort(key=lambda p: p.line or 0)  # in the order of the rows, as the other problems
