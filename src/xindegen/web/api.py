"""The JSON API under ``/api/`` and the page: each endpoint reads its input, calls the library
function the command line calls, and answers in JSON (or with the file).

Bad input is answered ``400 {"error": "…"}`` in Chinese (``problems`` lists every finding when
there are several), an unknown upload or batch ``400``/``404``, a body over its limit ``413``;
nothing answers with a traceback. The library works in a thread, at most two requests at a time.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import threading
import traceback
import zipfile
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import ProblemsError, XindegenError
from ..llm.client import LLMError
from ..model import Outline
from .guard import Guard, Settings
from .store import MAX_UPLOAD, ApiError, BatchRun, Store

log = logging.getLogger("xindegen.web")
STATIC = Path(__file__).parent / "static"
MB = 1024 * 1024
MAX_JSON = 4 * MB
MAX_ROWS = 300  # drafts per batch from the page; the command line has no such limit
MAX_CHECK = 300  # files per 查重 request
MAX_SETS = 20
MATERIAL = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")
CHECKED = (".docx", ".md", ".txt", ".markdown", ".text")
_WORK = threading.BoundedSemaphore(2)  # library calls at once: the machine has few cores
T = TypeVar("T")

NO_PACK = ("没有与这个主题对应的主题包，初稿只写了这类场合共通的内容；在“简报”中写下只有你知道的事实，"
           "或上传学习材料，初稿会具体得多。")
MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "md": "text/markdown; charset=utf-8", "txt": "text/plain; charset=utf-8",
         "yaml": "application/yaml; charset=utf-8"}


# ---- reading requests ------------------------------------------------------------------------

async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes ``limit`` (announced or not)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"内容太大（上限 {limit // MB} MB）")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"内容太大（上限 {limit // MB} MB）")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: Request) -> dict[str, Any]:
    if "application/json" not in request.headers.get("content-type", ""):
        raise ApiError(415, "请求应为 JSON（Content-Type: application/json）")
    body = await read_body(request, MAX_JSON)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, f"请求内容不是有效的 JSON（{exc.__class__.__name__}）") from None
    if not isinstance(data, dict):
        raise ApiError(400, "请求内容应为 JSON 对象（{…}）")
    return data


def _text(data: dict[str, Any], key: str, limit: int = 300) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"{key} 应为文字")
    if len(value) > limit:
        raise ApiError(400, f"{key} 太长（上限 {limit} 字）")
    return value


def _int(data: dict[str, Any], key: str, lo: int, hi: int) -> int | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(400, f"{key} 应为整数")
    if not lo <= value <= hi:
        raise ApiError(400, f"{key} 应在 {lo}–{hi} 之间（收到 {value}）")
    return value


def _flag(data: dict[str, Any], key: str) -> bool:
    value = data.get(key, False)
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    if not isinstance(value, (bool, int)) or value is None:
        raise ApiError(400, f"{key} 应为 true 或 false")
    return bool(value)


def _texts(data: dict[str, Any], key: str, limit: int = 20) -> list[str]:
    """A list of texts, given as a JSON array or as lines of one text."""
    value = data.get(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(400, f"{key} 应为文字列表")
    items = [v for v in value if v.strip()]
    if len(items) > limit:
        raise ApiError(400, f"{key} 最多 {limit} 项")
    return items


def _unknown(data: dict[str, Any], known: tuple[str, ...] | frozenset[str], what: str) -> None:
    extra = sorted(k for k in data if k not in known)
    if extra:
        raise ApiError(400, f"未知的{what}：{'、'.join(extra)}（可用：{'、'.join(sorted(known))}）")


# ---- the options of `xindegen new` -----------------------------------------------------------

def _brief_keys() -> tuple[str, ...]:
    from ..compose.brief import BRIEF_COLUMNS

    return tuple(BRIEF_COLUMNS)


NEW_KEYS = frozenset({"topic", "length", "seed", "family", "sections", "author", "unit", "date", "kind",
                      "no_placeholders", "fact", "material", "brief", "angles", "headings", "writer"})


def writers() -> list[dict[str, str]]:
    """The writers this server offers: offline always, the language model when one is configured."""
    from ..errors import InputError
    from ..llm.config import load_llm_config

    out = [{"name": "offline", "label": "离线（内置语料）"}]
    try:
        config = load_llm_config()
    except InputError:  # none configured (or the configuration is broken: `xindegen llm check` says why)
        return out
    return [*out, {"name": "llm", "label": f"大模型（{config.model}）"}]


def _writer(data: dict[str, Any]) -> str:
    writer = _text(data, "writer", 20) or "offline"
    if writer not in ("offline", "llm"):
        raise ApiError(400, "writer 应为 offline 或 llm")
    return writer


def compose_request(data: dict[str, Any], store: Store) -> Any:
    """The :class:`ComposeRequest` the options of ``xindegen new`` ask for, given as JSON.

    Files are uploads (``material``, ``brief``: their ids); everything else has its command-line
    name. The library reads the files and checks the rest, as for ``xindegen new``.
    """
    from ..compose.brief import LIST_FIELDS
    from ..compose.request import LENGTH_RANGE, SECTIONS_RANGE, SEED_RANGE, request_from_options
    from ..compose.rhetoric import KINDS

    brief_keys = _brief_keys()
    _unknown(data, NEW_KEYS | set(brief_keys), "选项")
    options: dict[str, Any] = {
        "topic": _text(data, "topic", 200), "family": _text(data, "family", 40),
        "author": _text(data, "author", 60), "unit": _text(data, "unit", 100), "date": _text(data, "date", 40),
        "kind": _text(data, "kind", 20),
        "length": _int(data, "length", *LENGTH_RANGE), "seed": _int(data, "seed", *SEED_RANGE),
        "sections": _int(data, "sections", *SECTIONS_RANGE),
        "no_placeholders": _flag(data, "no_placeholders"), "fact": tuple(_texts(data, "fact")),
    }
    if options["kind"] is not None and options["kind"] not in KINDS:
        raise ApiError(400, f"kind 应为 {'、'.join(KINDS)} 之一")
    for key in brief_keys:  # the brief's questions, answered in the form
        if key in LIST_FIELDS:
            items = _texts(data, key)
            options[key] = "\n".join(items) if items else None
        else:
            options[key] = _text(data, key, 300)
    if data.get("material"):
        options["material"] = store.upload(data["material"], MATERIAL, "学习材料").path
    if data.get("brief"):
        options["brief"] = store.upload(data["brief"], (".yaml", ".yml"), "简报文件").path
    request = request_from_options(options)
    angles, headings = _texts(data, "angles", 6), _texts(data, "headings", 6)
    if angles or headings:
        request = replace(request, angles=tuple(angles), headings=tuple(headings),
                          sections=len(angles) or len(headings))
    return request


def outline_in(value: Any) -> Outline:
    from ..outline_io import outline_from_data

    return outline_from_data(value, "提纲")


def outline_out(outline: Outline) -> dict[str, Any]:
    from ..outline_io import outline_to_data

    return outline_to_data(outline)


# ---- endpoints -------------------------------------------------------------------------------

Handler = Callable[[Request], Awaitable[Response]]


def _guarded(fn: Callable[..., T], *args: Any) -> T:
    with _WORK:
        return fn(*args)


async def work(fn: Callable[..., T], *args: Any) -> T:
    """Run a library call in a worker thread (at most two at once)."""
    return await run_in_threadpool(_guarded, fn, *args)


def error_response(exc: BaseException, store: Store) -> JSONResponse:
    if isinstance(exc, ApiError):
        return JSONResponse({"error": exc.message}, exc.status)
    if isinstance(exc, LLMError):  # the model's server failed us, not the user's input
        return JSONResponse({"error": store.display(str(exc))}, 502)
    if isinstance(exc, XindegenError):
        payload: dict[str, Any] = {"error": store.display(str(exc))}
        if isinstance(exc, ProblemsError) and len(exc.problems) > 1:
            payload["problems"] = [store.display(line) for line in exc.lines()]
        return JSONResponse(payload, 400)
    if isinstance(exc, OSError):
        log.error("I/O error: %s", exc)
        return JSONResponse({"error": "服务器读写临时文件失败，请重试"}, 500)
    log.error("unexpected error\n%s", "".join(traceback.format_exception(exc)))
    return JSONResponse({"error": f"服务器内部错误（{exc.__class__.__name__}），请重试或报告问题"}, 500)


class Api:
    """The endpoints, over one :class:`Store`."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    def route(self, fn: Handler) -> Handler:
        async def wrapped(request: Request) -> Response:
            try:
                return await fn(request)
            except Exception as exc:
                return error_response(exc, self.store)

        return wrapped

    # ---- page and reference data ----
    async def index(self, request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def info(self, request: Request) -> Response:
        def answer() -> dict[str, Any]:
            from ..compose.explain import KIND_LABELS
            from ..compose.request import DEFAULT_LENGTH, DEFAULT_SECTIONS, LENGTH_RANGE, SECTIONS_RANGE
            from ..compose.rhetoric import load_rhetoric
            from ..render.output import FORMATS
            from ..render.templates import list_templates

            rh = load_rhetoric()
            return {
                "version": __version__,
                "families": [{"name": f.name, "label": f.label} for f in rh.families.values()],
                "kinds": [{"key": k, "label": v} for k, v in KIND_LABELS.items()],
                "styles": [{"name": t.name, "description": t.description} for t in list_templates()
                           if t.kind == "docx"],
                "formats": list(FORMATS),
                "length": {"default": DEFAULT_LENGTH, "min": LENGTH_RANGE[0], "max": LENGTH_RANGE[1]},
                "sections": {"default": DEFAULT_SECTIONS, "min": SECTIONS_RANGE[0], "max": SECTIONS_RANGE[1]},
                "limits": {"upload_mb": MAX_UPLOAD // MB, "json_mb": MAX_JSON // MB, "batch_rows": MAX_ROWS,
                           "check_files": MAX_CHECK},
                "writers": writers(),
            }

        return JSONResponse(await work(answer))

    async def topic(self, request: Request) -> Response:
        from ..compose.brief import questions
        from ..compose.explain import kind_label
        from ..compose.plan import explain
        from ..compose.request import ComposeRequest
        from ..compose.rhetoric import KINDS

        topic = (request.query_params.get("topic") or "").strip()
        kind = request.query_params.get("kind") or None
        if not topic:
            raise ApiError(400, "主题不能为空")
        if len(topic) > 200:
            raise ApiError(400, "主题太长（上限 200 字）")
        if kind is not None and kind not in KINDS:
            raise ApiError(400, f"kind 应为 {'、'.join(KINDS)} 之一")
        frame = await work(explain, ComposeRequest(topic=topic, kind=kind))
        asked = [{"key": q.key, "label": q.label, "ask": q.ask, "multiple": q.multiple}
                 for q in questions(frame["kind"])]
        return JSONResponse({"frame": frame, "kind": frame["kind"], "kind_label": kind_label(frame["kind"]),
                             "questions": asked})

    # ---- drafts ----
    async def new(self, request: Request) -> Response:
        data = await read_json(request)

        def answer() -> dict[str, Any]:
            from ..compose.draft import write_draft
            from ..compose.explain import only_common, plan_lines

            writer = _writer(data)
            req = compose_request(data, self.store)
            draft = write_draft(req, writer=writer)
            return {"outline": outline_out(draft), "meta": draft.meta, "plan": plan_lines(draft.meta),
                    "advice": [NO_PACK] if only_common(draft, req) else [], "chars": draft.body_chars()}

        return JSONResponse(await work(answer))

    async def section(self, request: Request) -> Response:
        from ..compose.request import SEED_RANGE

        data = await read_json(request)
        _unknown(data, ("outline", "index", "options", "seed"), "字段")
        options = data.get("options") or {}
        if not isinstance(options, dict):
            raise ApiError(400, "options 应为对象（与 /api/new 的选项相同）")
        index = _int(data, "index", 0, 5)
        if index is None:
            raise ApiError(400, "缺少 index（要重写的部分，从 0 开始）")
        seed = _int(data, "seed", *SEED_RANGE)

        def answer() -> dict[str, Any]:
            from ..compose.plan import rewrite_section

            outline = outline_in(data.get("outline"))
            req = compose_request({**options, "topic": options.get("topic") or outline.topic}, self.store)
            again = rewrite_section(outline, index, req, seed=seed)
            out = outline_out(again)
            return {"outline": out, "section": out["sections"][index], "index": index}

        return JSONResponse(await work(answer))

    async def headings(self, request: Request) -> Response:
        from ..compose.request import SECTIONS_RANGE, SEED_RANGE
        from ..compose.rhetoric import KINDS

        data = await read_json(request)
        _unknown(data, ("topic", "count", "family", "sections", "seed", "kind", "angles"), "选项")
        topic = _text(data, "topic", 200)
        if not topic or not topic.strip():
            raise ApiError(400, "主题不能为空")
        count = _int(data, "count", 1, MAX_SETS) or 8
        sections = _int(data, "sections", *SECTIONS_RANGE) or 3
        kind = _text(data, "kind", 20)
        if kind is not None and kind not in KINDS:
            raise ApiError(400, f"kind 应为 {'、'.join(KINDS)} 之一")

        def answer() -> dict[str, Any]:
            from ..compose.plan import heading_choices
            from ..compose.rhetoric import load_rhetoric

            rh = load_rhetoric()
            sets = heading_choices(topic, count, family=_text(data, "family", 40), sections=sections,
                                   seed=_int(data, "seed", *SEED_RANGE), kind=kind,
                                   angles=_texts(data, "angles", 6), rhetoric=rh)
            return {"sets": [{"family": s.family, "label": rh.families[s.family].label,
                              "headings": list(s.headings), "tags": list(s.tags), "angles": list(s.angles)}
                             for s in sets]}

        return JSONResponse(await work(answer))

    async def render(self, request: Request) -> Response:
        from ..batch.names import safe_filename
        from ..render.output import FORMATS, RenderOptions, render_bytes

        q = request.query_params
        fmt = q.get("format", "")
        if fmt not in FORMATS:
            raise ApiError(400, f"format 应为 {'、'.join(FORMATS)} 之一")
        data = await read_json(request)
        if isinstance(data.get("outline"), dict) and "title" not in data:
            data = data["outline"]  # {"outline": …} as /api/new answers, or the outline itself
        style = q.get("style") or "gongwen"
        template = self.store.upload(q["template"], (".docx",), "Word 模板").path if q.get("template") else None

        def answer() -> bytes:
            from ..render.templates import list_templates

            if style not in {t.name for t in list_templates() if t.kind == "docx"}:
                raise ApiError(400, f"没有名为“{style}”的 Word 样式")
            options = RenderOptions(style=style, docx_template=template,
                                    bold_headings=q.get("bold_headings", "") in ("1", "true", "on"))
            return render_bytes(outline_in(data), fmt, options)

        body = await work(answer)
        title = data.get("title") if isinstance(data.get("title"), str) else "心得体会"
        name = safe_filename(f"{title}.{fmt}")
        disposition = f"attachment; filename=\"draft.{fmt}\"; filename*=UTF-8''{quote(name)}"
        return Response(body, media_type=MEDIA[fmt], headers={"content-disposition": disposition})

    async def outline(self, request: Request) -> Response:
        data = await read_json(request)
        _unknown(data, ("upload", "yaml"), "字段")

        def answer() -> dict[str, Any]:
            from ..outline_io import load_outline, loads_outline

            if data.get("upload"):
                outline = load_outline(self.store.upload(data["upload"], (".yaml", ".yml"), "提纲文件").path)
            elif isinstance(data.get("yaml"), str):
                outline = loads_outline(data["yaml"], "提纲")
            else:
                raise ApiError(400, "请给出 upload（上传的提纲文件）或 yaml（提纲文字）")
            return {"outline": outline_out(outline)}

        return JSONResponse(await work(answer))

    async def parse(self, request: Request) -> Response:
        data = await read_json(request)
        _unknown(data, ("upload", "text", "name"), "字段")

        def answer() -> dict[str, Any]:
            from ..parse.decompose import format_outlines, parse_file, parse_text

            if data.get("upload"):
                outlines = parse_file(self.store.upload(data["upload"], (), "范文文件").path)
            elif isinstance(data.get("text"), str):
                outlines = parse_text(data["text"], _text(data, "name", 100) or "粘贴的文字")
            else:
                raise ApiError(400, "请给出 text（粘贴的文章）或 upload（上传的文件）")
            return {"outlines": [outline_out(o) for o in outlines], "yaml": format_outlines(outlines)}

        return JSONResponse(await work(answer))

    async def check(self, request: Request) -> Response:
        data = await read_json(request)
        _unknown(data, ("files", "against"), "字段")
        files, against = data.get("files") or [], data.get("against") or []
        if not isinstance(files, list) or not isinstance(against, list):
            raise ApiError(400, "files 和 against 应为上传编号的列表")
        if not files or len(files) + len(against) < 2:
            raise ApiError(400, "查重至少需要两个文件")
        if len(files) + len(against) > MAX_CHECK:
            raise ApiError(400, f"一次最多检查 {MAX_CHECK} 个文件")
        mine = [self.store.upload(f, CHECKED, "文稿") for f in files]
        others = [self.store.upload(f, CHECKED, "对照稿") for f in against]
        shown: dict[str, str] = {}
        taken: set[str] = set()
        for up in [*mine, *others]:
            name, n = up.name, 1
            while name in taken:
                n += 1
                name = f"{up.name}（{n}）"
            taken.add(name)
            shown[str(up.path)] = name

        def answer() -> dict[str, Any]:
            from ..batch.check import check_files

            results = check_files([u.path for u in mine], [u.path for u in others] or None)
            return {"results": [{"name": shown.get(r.name, r.name), "share": r.share,
                                 "partner": shown.get(r.partner, r.partner) if r.partner else None,
                                 "partner_share": r.partner_share, "passages": r.passages} for r in results]}

        return JSONResponse(await work(answer))

    async def upload(self, request: Request) -> Response:
        name = request.query_params.get("name", "")
        if not name.strip():
            raise ApiError(400, "请在地址中给出文件名：/api/uploads?name=文件名")
        body = await read_body(request, MAX_UPLOAD)
        if not body:
            raise ApiError(400, f"文件“{name}”是空的")
        up = self.store.add_upload(name, body)
        return JSONResponse({"id": up.id, "name": up.name, "size": up.size}, 201)

    # ---- batches ----
    async def batch_start(self, request: Request) -> Response:
        data = await read_json(request)
        _unknown(data, ("manifest", "files", "options"), "字段")
        options = data.get("options") or {}
        if not isinstance(options, dict):
            raise ApiError(400, "options 应为对象")
        manifest = self.store.upload(data.get("manifest"), (".csv", ".xlsx", ".xlsm", ".yaml", ".yml"), "名单")
        files = [self.store.upload(f, (), "附带文件") for f in (data.get("files") or [])]
        run = self.store.new_batch()
        try:
            job = await work(self._prepare, run, manifest, files, options)
        except BaseException:
            self.store.drop_batch(run)
            raise
        run.thread = threading.Thread(target=self._run_batch, args=(run, *job), name=f"batch-{run.id}",
                                      daemon=True)
        run.thread.start()
        return JSONResponse(run.status(), 202)

    def _prepare(self, run: BatchRun, manifest: Any, files: list[Any], options: dict[str, Any]) -> tuple[Any, ...]:
        """Copy the inputs into the batch's folder and check the manifest before any draft."""
        import shutil

        from ..batch.manifest import read_manifest
        from ..batch.runner import BatchOptions
        from ..compose.request import LENGTH_RANGE, SECTIONS_RANGE, SEED_RANGE
        from ..render.templates import list_templates

        _unknown(options, ("topic", "length", "sections", "family", "no_placeholders", "style", "template",
                           "bold_headings", "format", "name", "seed"), "选项")
        names = {manifest.name, *(f.name for f in files)}
        if len(names) != 1 + len(files):
            raise ApiError(400, "上传的文件中有同名文件，请改名后再上传")
        for up in (manifest, *files):
            shutil.copyfile(up.path, run.inputs / up.name)
        defaults: dict[str, Any] = {
            "topic": _text(options, "topic", 200), "family": _text(options, "family", 40),
            "length": _int(options, "length", *LENGTH_RANGE), "sections": _int(options, "sections", *SECTIONS_RANGE),
            "no_placeholders": _flag(options, "no_placeholders"), "bold_headings": _flag(options, "bold_headings"),
            "style": _text(options, "style", 40),
        }
        if defaults["style"] and defaults["style"] not in {t.name for t in list_templates() if t.kind == "docx"}:
            raise ApiError(400, f"没有名为“{defaults['style']}”的 Word 样式")
        if options.get("template"):
            template = self.store.upload(options["template"], (".docx",), "Word 模板")
            defaults["template"] = run.inputs / f"模板-{template.name}"
            shutil.copyfile(template.path, defaults["template"])
        fmt = _text(options, "format", 10) or "docx"
        if fmt not in ("docx", "md", "txt", "yaml"):
            raise ApiError(400, "format 应为 docx、md、txt、yaml 之一")
        name = _text(options, "name", 100) or f"{{row}}-{{author}}-{{topic}}.{fmt}"
        defaults = {k: v for k, v in defaults.items() if v not in (None, False)}
        path = run.inputs / manifest.name
        parsed = read_manifest(path, defaults, material_anywhere=True)  # the stricter check below says why
        if len(parsed.rows) > MAX_ROWS:
            raise ApiError(400, f"名单有 {len(parsed.rows)} 行，网页上一次最多生成 {MAX_ROWS} 篇；"
                                f"更多的请分几次，或用命令 xindegen batch")
        inside = run.inputs.resolve()
        for row in parsed.rows:  # files only from this batch's own uploads, never the server's disk
            for column in ("template", "material", "brief", "template_dir", "data_dir"):
                value = row.values.get(column)
                for p in (value if isinstance(value, tuple) else (value,)):
                    if p is not None and not Path(p).resolve().is_relative_to(inside):
                        raise ApiError(400, f"名单第 {row.number} 行 {column}：只能使用与名单一起上传的文件")
        run.planned = len(parsed.rows)
        batch = BatchOptions(out_dir=run.outputs, defaults=defaults, name=name,
                             seed=_int(options, "seed", *SEED_RANGE))
        return path, batch

    def _run_batch(self, run: BatchRun, manifest: Path, options: Any) -> None:
        from ..batch.runner import PAIR_LIMIT, run_batch

        class Cancelled(Exception):
            pass

        def progress(rec: dict[str, Any], planned: int) -> None:
            if run.cancel:
                raise Cancelled()
            run.planned = planned
            if rec.get("regenerated"):
                run.regenerated += 1
            else:
                run.done += 1

        try:
            result = run_batch(manifest, options, progress)  # its own worker processes
            run.problems = [self.store.display(str(p)) for p in result.failed]
            run.report = _report_rows(result.report) if result.report else []
            run.summary = {"written": result.written, "regenerated": result.regenerated,
                           "failed": len(result.failed), "max_share": result.max_share,
                           "mean_share": result.mean_share, "over_limit": result.over_limit,
                           "limit": PAIR_LIMIT, "seed": result.seed}
            _zip(run)
            run.state = "done"
        except Cancelled:
            run.state = "cancelled"
        except XindegenError as exc:
            run.error, run.state = self.store.display(str(exc)), "failed"
        except Exception as exc:  # reported to the page, logged in full here
            log.error("batch failed\n%s", "".join(traceback.format_exception(exc)))
            run.error, run.state = f"批量任务出错（{exc.__class__.__name__}）", "failed"

    async def batch_status(self, request: Request) -> Response:
        return JSONResponse(self.store.batch(request.path_params["id"]).status())

    async def batch_zip(self, request: Request) -> Response:
        run = self.store.batch(request.path_params["id"])
        if run.state != "done":
            raise ApiError(409, "批量任务还没有完成")
        disposition = f"attachment; filename=\"drafts.zip\"; filename*=UTF-8''{quote('批量初稿.zip')}"
        return FileResponse(run.zip, media_type="application/zip", headers={"content-disposition": disposition})

    async def batch_delete(self, request: Request) -> Response:
        run = self.store.batch(request.path_params["id"])
        if run.state == "running":
            run.cancel = True
            return JSONResponse({"id": run.id, "state": "cancelling"}, 202)
        self.store.drop_batch(run)
        return JSONResponse({"id": run.id, "state": "deleted"})


def _report_rows(report: Path) -> list[dict[str, Any]]:
    """batch-report.csv as the page shows it."""
    keys = ("row", "file", "seed", "family", "chars", "share", "partner")
    with report.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    from ..batch.runner import FORMULA_START

    def shown(cell: str) -> str:  # the page shows the names themselves, not the report's guard against formulas
        return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell

    return [dict(zip(keys, map(shown, r), strict=False)) for r in rows]


def _zip(run: BatchRun) -> None:
    """The drafts and batch-report.csv in one .zip, written whole or not at all."""
    from ..batch.runner import LOG
    from ..fsutil import write_output

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(run.outputs.iterdir()):
            if path.is_file() and not path.name.startswith(".") and path.name != LOG:
                zf.write(path, path.name)
    write_output(run.zip, buf.getvalue(), overwrite=True)


def create_app(settings: Settings, store: Store) -> Guard:
    """The ASGI application: the guard around the page and the API."""
    api = Api(store, settings)
    r = api.route

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = {404: "没有这个地址", 405: "这个地址不接受该请求方法"}.get(status, "请求有误")
        return JSONResponse({"error": message}, status)

    routes = [
        Route("/", r(api.index), methods=["GET"]),
        Route("/api/info", r(api.info), methods=["GET"]),
        Route("/api/topic", r(api.topic), methods=["GET"]),
        Route("/api/new", r(api.new), methods=["POST"]),
        Route("/api/section", r(api.section), methods=["POST"]),
        Route("/api/headings", r(api.headings), methods=["POST"]),
        Route("/api/render", r(api.render), methods=["POST"]),
        Route("/api/outline", r(api.outline), methods=["POST"]),
        Route("/api/parse", r(api.parse), methods=["POST"]),
        Route("/api/check", r(api.check), methods=["POST"]),
        Route("/api/uploads", r(api.upload), methods=["POST"]),
        Route("/api/batch", r(api.batch_start), methods=["POST"]),
        Route("/api/batch/{id:str}", r(api.batch_status), methods=["GET"]),
        Route("/api/batch/{id:str}", r(api.batch_delete), methods=["DELETE"]),
        Route("/api/batch/{id:str}/zip", r(api.batch_zip), methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found})
    return Guard(app, settings)
