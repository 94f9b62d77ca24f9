"""PDF preview of .docx files through LibreOffice in headless mode.

Each run gets a private LibreOffice profile (``-env:UserInstallation``), so several previews can
run at once, and a fontconfig file shipped with the templates that maps the Chinese font names
Word documents use (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) to free fonts, so the PDF
shows distinct faces rather than one fallback for everything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError, OutputError
from ..fsutil import check_writable, write_output
from ..paths import builtin_templates_dir
from ..safeio import ZipBomb, check_zip, read_user_file

_CANDIDATES = ("soffice", "libreoffice")
_MAC_APP = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
_WINDOWS = ("C:/Program Files/LibreOffice/program/soffice.exe",
            "C:/Program Files (x86)/LibreOffice/program/soffice.exe")
TIMEOUT_SECONDS = 300


def find_soffice() -> str | None:
    """The LibreOffice executable, or None. ``XINDEGEN_SOFFICE`` overrides the search."""
    override = os.environ.get("XINDEGEN_SOFFICE")
    if override:
        return override if shutil.which(override) or Path(override).is_file() else None
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for path in (_MAC_APP, *_WINDOWS):
        if Path(path).is_file():
            return path
    return None


def fontconfig_file() -> Path:
    """The fontconfig file with the Chinese font aliases used for previews."""
    return builtin_templates_dir() / "fonts.conf"


def convert_to_pdf(docs: Sequence[Path], outdir: Path) -> list[Path]:
    """Convert ``docs`` to PDF in ``outdir`` with one LibreOffice run; return the PDF paths.

    Raises :class:`OutputError` when LibreOffice is missing, fails, or leaves a PDF out.
    """
    soffice = find_soffice()
    if soffice is None:
        raise OutputError("未找到 LibreOffice（soffice），无法生成 PDF 预览。请先安装 LibreOffice："
                          "Debian/Ubuntu 用 sudo apt install libreoffice-writer，"
                          "Windows/macOS 从 https://zh-cn.libreoffice.org 下载")  # no file is at fault
    env = dict(os.environ)
    conf = fontconfig_file()
    if conf.is_file():
        env["FONTCONFIG_FILE"] = str(conf)
    with tempfile.TemporaryDirectory(prefix="xindegen-lo-") as profile:
        cmd = [soffice, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
               f"-env:UserInstallation={Path(profile).as_uri()}",
               "--convert-to", "pdf", "--outdir", str(outdir), *(str(d) for d in docs)]
        try:
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True,
                                  timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise OutputError(f"LibreOffice 超过 {TIMEOUT_SECONDS} 秒未完成转换", outdir) from None
        except OSError as exc:
            raise OutputError(f"无法启动 LibreOffice：{exc.strerror or exc}", soffice) from None
    pdfs = [outdir / (d.stem + ".pdf") for d in docs]
    missing = [d for d, pdf in zip(docs, pdfs, strict=True) if not pdf.is_file()]
    if missing or proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        reason = detail[-1] if detail else f"退出码 {proc.returncode}"
        raise OutputError(f"LibreOffice 未能转换此文件：{reason}", missing[0] if missing else docs[0])
    return pdfs


def preview(doc: Path, pdf: Path | None = None, overwrite: bool = False) -> Path:
    """Write a PDF preview of ``doc`` (default: the same name with .pdf) and return its path."""
    data = read_user_file(doc)  # a regular file within the input cap: LibreOffice gets a copy
    suffix = doc.suffix.lower()
    if suffix not in (".docx", ".doc", ".odt", ".rtf"):
        raise InputError("只能预览 Word 文档（.docx）", doc)
    _check_document(data, suffix, doc)
    target = pdf if pdf is not None else doc.with_suffix(".pdf")
    check_writable(target, overwrite)
    with tempfile.TemporaryDirectory(prefix="xindegen-pdf-") as tmp:
        # Convert a copy with a plain ASCII name: LibreOffice names its output after the input.
        work = Path(tmp) / f"preview{suffix}"
        work.write_bytes(data)
        try:
            (produced,) = convert_to_pdf([work], Path(tmp))
        except OutputError as exc:  # name the user's file, not our private copy
            raise OutputError(exc.message, doc if exc.file == str(work) else exc.file) from None
        write_output(target, produced.read_bytes(), overwrite=overwrite)
    return target


_WORD_MAGIC = {".doc": b"\xd0\xcf\x11\xe0", ".rtf": b"{\\rtf"}


def _check_document(data: bytes, suffix: str, doc: Path) -> None:
    """Refuse what LibreOffice would turn into a garbage PDF (random bytes) or inflate without end."""
    if suffix in _WORD_MAGIC:
        if not data.startswith(_WORD_MAGIC[suffix]):
            raise InputError(f"不是有效的 {suffix} 文件（文件损坏或格式不符）", doc)
        return
    try:
        members = check_zip(data)
    except ZipBomb as exc:
        raise InputError(f"文档{exc.args[0]}", doc) from None
    except zipfile.BadZipFile:
        raise InputError(f"无法打开文档（文件损坏或不是 {suffix} 格式）", doc) from None
    if suffix == ".docx" and "word/document.xml" not in members:
        raise InputError("不是 Word 文档：缺少 word/document.xml", doc)
    if suffix == ".odt" and "content.xml" not in members:
        raise InputError("不是 OpenDocument 文档：缺少 content.xml", doc)
