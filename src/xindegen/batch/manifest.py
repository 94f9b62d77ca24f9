"""Read a batch manifest (CSV as Excel saves it, XLSX, or YAML) into rows of draft requests.

Every row is checked on its own: a bad row is reported as ``file:row: column: message`` and the
other rows still run. Row numbers are the ones a person sees in Excel (the header is row 1).
"""

from __future__ import annotations

import re

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..compose.brief import BRIEF_COLUMNS
from ..compose.request import LENGTH_RANGE, SECTIONS_RANGE, SEED_RANGE
from ..compose.rhetoric import KINDS
from ..errors import InputError, Problem
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
        reader = csv.reader(io.StringIO(text))
        header = next(reader, [])
        return _records(header, ((i, r) for i, r in enumerate(reader, start=2)))
    if suffix in (".xlsx", ".xlsm"):
        try:
            from openpyxl import load_workbook  # only for spreadsheets

            check_zip(data)  # openpyxl inflates a bomb whole
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
            rows = list(sheet.iter_rows(values_only=True))
        except ZipBomb as exc:
            raise InputError(f"Excel 文件{exc.args[0]}", file) from None
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise InputError(f"无法读取 Excel 文件（{type(exc).__name__}）", file) from None
        header = ["" if v is None else str(v) for v in (rows[0] if rows else [])]
        return _records(header, ((i, list(r)) for i, r in enumerate(rows[1:], start=2)))
    if suffix in (".yaml", ".yml"):
        try:
            docs = load_documents(file)
        except ProblemError as exc:
            raise InputError(exc.problem.message, file, exc.problem.line) from None
        items = docs[0][0] if docs else None
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise InputError("YAML 名单应为列表，每项是“列名: 值”映射", file)
        lines = docs[0][1]
        return [(lines.get((i,), i + 1), {str(k): v for k, v in item.items()}) for i, item in enumerate(items)]
    raise InputError("名单应为 .csv、.xlsx 或 .yaml 文件", file)


def _records(header: list[Any], rows: Any) -> list[tuple[int, dict[str, Any]]]:
    names = [str(h or "").strip().lower() for h in header]
    out = []
    for number, cells in rows:
        if not any(str(c or "").strip() for c in cells):
            continue  # blank lines at the end of a sheet
        out.append((number, {n: c for n, c in zip(names, cells, strict=False) if n}))
    return out


class _BadCell(Exception):
    """A cell that does not hold what its column needs; the message says what would."""


def _cell(column: str, text: str, folder: Path) -> Any:
    """The value of a non-empty cell, in the type the matching ``xindegen new`` option takes."""
    if column in _INT_COLUMNS:
        lo, hi = _INT_COLUMNS[column]
        try:
            number = int(float(text))
        except ValueError:
            number = None
        if number is None or not lo <= number <= hi:
            raise _BadCell(f"应为 {lo}–{hi} 之间的整数，而不是“{text}”")
        return number
    if column in _FILE_COLUMNS or column in _DIR_COLUMNS:
        path = Path(text) if Path(text).is_absolute() else folder / text
        if column in _FILE_COLUMNS and not path.is_file():
            raise _BadCell(f"找不到文件“{text}”")
        if column in _DIR_COLUMNS and not path.is_dir():
            raise _BadCell(f"找不到目录“{text}”")
        return (path,) if column == "data_dir" else path  # --data-dir may be given several times
    if column in ("no_placeholders", "bold_headings"):
        if text.lower() not in _FLAGS:
            raise _BadCell(f"应为 是 或 否（也可写 1/0、true/false），而不是“{text}”")
        return _FLAGS[text.lower()]
    if column == "kind" and text not in KINDS:
        raise _BadCell(f"应为 {'、'.join(KINDS)} 之一，而不是“{text}”")
    if column == "fact":  # one KEY=VALUE per line, as --fact takes them
        return tuple(t.strip() for t in re.split(r"[\n；;]+", text) if t.strip())
    if column == "format" and text.lower() not in FORMATS:
        raise _BadCell(f"应为 {'、'.join(FORMATS)} 之一，而不是“{text}”")
    return text.lower() if column == "format" else text


def read_manifest(file: Path, defaults: dict[str, Any]) -> Manifest:
    """All rows with defaults filled in; problems of single rows are collected, not raised."""
    table = _table(file)
    columns = set().union(*(r.keys() for _, r in table)) if table else set()
    if "topic" not in columns and not defaults.get("topic"):
        raise InputError("名单缺少必需的列 topic（或用 --topic 给出默认主题）", file)
    unknown = sorted(c for c in columns if c not in COLUMNS)
    if unknown:
        raise InputError(f"未知的列：{'、'.join(unknown)}（可用：{'、'.join(COLUMNS)}）", file)
    rows, problems = [], []
    for number, record in table:
        values = dict(defaults)
        bad = False
        for col in COLUMNS:
            raw = record.get(col)
            text = "" if raw is None else str(raw).strip()
            if not text:
                continue
            try:
                values[col] = _cell(col, text, file.parent)
            except _BadCell as exc:
                problems.append(Problem(str(file), number, col, str(exc)))
                bad = True
        if not values.get("topic"):
            problems.append(Problem(str(file), number, "topic", "主题不能为空"))
            bad = True
        if not bad:
            rows.append(Row(number, values))
    return Manifest(file, rows, problems)
