"""Command-line interface: a thin layer over the library.

Each command parses options, calls one library function and prints the result. Domain errors
become a one-line Chinese message on stderr and exit code 1; usage errors exit 2; tracebacks
appear only with --debug.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__, click_zh
from .compose.limits import (
    DEFAULT_LENGTH,
    DEFAULT_SECTIONS,
    KINDS,
    LENGTH_RANGE,
    SECTIONS_RANGE,
    SEED_RANGE,
)
from .errors import XindegenError
from .fsutil import describe_os_error
from .text import SURROGATES

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _ClosedStdout(io.TextIOBase):
    """Stands in for a closed standard output: writing to it is an error the CLI reports."""

    encoding = "utf-8"
    errors = "strict"

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        from .errors import OutputError

        raise OutputError("标准输出已关闭，无法输出结果（可用 -o 写入文件）")

    @property
    def buffer(self) -> _ClosedStdout:
        return self


def _undecodable(value: Any) -> bool:
    """True for text holding bytes that were not UTF-8 (Python keeps them as lone surrogates)."""
    if isinstance(value, tuple):
        return any(_undecodable(v) for v in value)
    return isinstance(value, str) and SURROGATES.search(value) is not None


class _Command(click.Command):
    """Refuses option text that is not UTF-8 (``--topic $'\\xff'``) before any work is done."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        for param in self.params:
            # File names may hold any bytes the system allows; only text is checked. ``out`` is a
            # file name kept as text so that it can be "-".
            if isinstance(param.type, click.Path) or param.name == "out":
                continue
            if _undecodable(ctx.params.get(param.name or "")):
                raise click.BadParameter("不是有效的 UTF-8 文字（含有无法识别的字节），请检查终端的编码设置",
                                         ctx=ctx, param=param)
        return rest


class _Share(click.FloatRange):
    """A fraction in [0, 1]; "nan" passes FloatRange (every comparison with it is false) and
    would silently turn the limit off."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        import math

        rv = super().convert(value, param, ctx)
        if isinstance(rv, float) and math.isnan(rv):
            self.fail("应为 0 到 1 之间的数，如 0.3", param, ctx)
        return rv


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .text import date_problem

    problem = date_problem(value) if value and value.strip() else None
    if problem:
        raise click.BadParameter(problem, ctx=ctx, param=param)
    return value


class _Group(click.Group):
    """The one error boundary of the CLI, speaking Chinese while it runs."""

    command_class = _Command
    group_class = type  # subgroups (outline, data, llm, templates) are _Group too

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if sys.stdout is None:  # started with stdout closed: a result printed there must fail, not vanish
            sys.stdout = _ClosedStdout()
        with click_zh.chinese():
            return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except XindegenError as exc:
            if debug:
                raise
            for line in exc.lines():
                click.echo(f"错误：{line}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # `xindegen ... | head`: the reader left; say nothing more
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except OSError as exc:
            if debug:
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"错误：{where}{describe_os_error(exc)}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            if debug:
                raise
            click.echo("已中断，未写入不完整的文件。", err=True)
            ctx.exit(130)


@click.group("xindegen", cls=_Group, context_settings=CONTEXT)
@click_zh.version_option(__version__, "-V", "--version", prog_name="xindegen", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="出错时显示完整的调试信息（traceback）。")
def main(debug: bool) -> None:
    """xindegen：心得体会写作助手。

    拆解范文结构（parse）、按主题生成提纲和初稿（new）、把提纲排成 Word/Markdown/文本（render）。
    每个命令都可加 -h 查看用法。
    """


# ---- render --------------------------------------------------------------------------------

_OUT_HELP = "输出文件，格式由后缀决定（.docx .md .txt .yaml）；“-”表示输出到屏幕。"


# ---- Word output options (shared by render and new) ----------------------------------------

def docx_options(f: Any) -> Any:
    """Add --style, --template and --bold-headings (keyword arguments of the same names)."""
    f = click.option("--bold-headings", is_flag=True,
                     help="Word 小标题加粗（公文标准不加粗，部分单位习惯加粗）。")(f)
    f = click.option("--template", metavar="FILE.docx",
                     type=click_zh.path(dir_okay=False, path_type=Path),
                     help="用自己的 Word 模板排版（可先用 xindegen templates export 导出再修改）。")(f)
    f = click.option("--style", default="gongwen", show_default=True, metavar="NAME",
                     help="Word 排版样式：gongwen（GB/T 9704 公文格式）或 plain（宋体小四、1.5 倍行距）；"
                          "也可以是个人模板目录中的 NAME.docx。")(f)
    return f


@main.command()
@click.argument("outline_file", type=click_zh.path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, help=_OUT_HELP)
@click.option("--format", "fmt", type=click.Choice(["md", "txt", "yaml", "docx"]),
              help="指定输出格式（默认由后缀决定；输出到屏幕时默认 md）。")
@click.option("--template-dir", type=click_zh.path(file_okay=False, exists=True, path_type=Path),
              help="自定义模板目录：其中同名模板优先于内置模板。")
@docx_options
@click.option("--overwrite", is_flag=True, help="允许覆盖已存在的输出文件。")
def render(outline_file: Path, out: str, fmt: str | None, overwrite: bool, **layout: Any) -> None:
    """把提纲（YAML）排成文稿。

    \b
    示例：
      xindegen render outlines/sample.yaml -o 心得体会.docx
      xindegen render outlines/sample.yaml -o 心得体会.docx --style plain
      xindegen render my.yaml -o 心得体会.docx --template 我的模板.docx
      xindegen render outlines/sample.yaml -o 心得体会.md
      xindegen render my.yaml -o - --format txt
    """
    from .outline_io import load_outline
    from .render.output import render_options, write_rendered

    outline = load_outline(outline_file)
    written = write_rendered(outline, out, fmt, render_options(layout), overwrite)
    if written:
        click.echo(f"已写入 {written}", err=True)


# ---- outline -------------------------------------------------------------------------------

@main.group(context_settings=CONTEXT)
def outline() -> None:
    """检查和查看提纲文件（YAML）。"""


@outline.command("validate")
@click.argument("files", nargs=-1, required=True, type=click_zh.path(dir_okay=False, path_type=Path))
def outline_validate(files: tuple[Path, ...]) -> None:
    """检查提纲文件是否符合格式，一次列出所有问题（文件:行号: 字段: 说明）。

    \b
    示例：
      xindegen outline validate outlines/*.yaml
    """
    from .errors import OutlineError
    from .outline_io import load_outlines

    failed = 0
    for file in files:
        try:
            n = len(load_outlines(file))
        except OutlineError as exc:
            failed += 1
            for line in exc.lines():
                click.echo(line, err=True)
            continue
        click.echo(f"{file}: 有效" + (f"（{n} 篇）" if n > 1 else ""))
    if failed:
        raise SystemExit(1)


@outline.command("show")
@click.argument("file", type=click_zh.path(dir_okay=False, path_type=Path))
def outline_show(file: Path) -> None:
    """以树形显示提纲：标题、小标题、段落数和字数。

    \b
    示例：
      xindegen outline show outlines/sample.yaml
    """
    from .outline_io import load_outlines
    from .render.summary import outline_tree

    for i, item in enumerate(load_outlines(file)):
        if i:
            click.echo()
        click.echo(outline_tree(item))

# ---- new / headings / data ------------------------------------------------------------------

_data_dir_option = click.option(
    "--data-dir", "data_dir", multiple=True, type=click_zh.path(file_okay=False, path_type=Path),
    help="额外的语料目录（可重复）：其中的文件补充或覆盖内置语料。")


def writer_options(f: Any) -> Any:
    """Add --writer, --llm-preset and --llm-model (shared by new and batch)."""
    f = click.option("--llm-model", metavar="NAME",
                     help="大模型的模型名（覆盖 XINDEGEN_LLM_MODEL 和配置文件）。")(f)
    f = click.option("--llm-preset", metavar="NAME",
                     help="大模型服务预设：ollama、vllm、llamacpp、deepseek、qwen、glm、moonshot"
                          "（见 xindegen llm presets）。")(f)
    f = click.option("--writer", type=click.Choice(["offline", "llm"]), default="offline", show_default=True,
                     help="谁来写正文：offline（离线写作器）或 llm（大模型按 xindegen 的写作计划写，逐段核查；"
                          "需 pip install 'xindegen[llm]' 并配置服务，见 xindegen llm check）。")(f)
    return f


def _llm_config(writer: str, preset: str | None, model: str | None) -> Any:
    """The endpoint for ``--writer llm`` (checked before any work), or None for the offline writer."""
    if writer != "llm":
        if preset or model:
            raise click.UsageError("--llm-preset 和 --llm-model 只在 --writer llm 时使用")
        return None
    from .llm.config import load_llm_config

    return load_llm_config({"preset": preset, "model": model})


@main.command()
@click.option("-t", "--topic", help="主题，如“安全生产”“党纪学习教育”，任意主题均可（用简报时可写在简报里）。")
@click.option("-o", "--output", "out", default="-", show_default=True,
              help="输出文件，格式由后缀决定（.docx .md .txt .yaml）；“-”表示以 Markdown 输出到屏幕。")
@click.option("--length", type=click.IntRange(*LENGTH_RANGE), default=DEFAULT_LENGTH, show_default=True,
              help="正文字数（含小标题），误差在 ±10% 以内。")
@click.option("--seed", type=click.IntRange(*SEED_RANGE),
              help="随机种子：参数和种子相同，结果相同。不指定则随机并记入 meta。")
@click.option("--family", help="小标题族（见 xindegen data list），如 gongfu、buzou。")
@click.option("--sections", type=click.IntRange(*SECTIONS_RANGE), default=DEFAULT_SECTIONS, show_default=True,
              help="小标题（部分）数量。")
@click.option("--author", help="署名。")
@click.option("--unit", help="单位。")
@click.option("--date", callback=_check_date, help="日期，如 2026-01-03 或 2026年1月3日。")
@click.option("--material", type=click_zh.path(dir_okay=False, path_type=Path),
              help="学习材料（.txt/.md/.docx）：摘取其中的关键语句，注明出处后写入初稿。")
@click.option("--brief", type=click_zh.path(dir_okay=False, path_type=Path),
              help="简报（xindegen brief 生成后填写的 YAML）：只有你知道的事实，按原话写进初稿。")
@click.option("--fact", multiple=True, metavar="项=内容",
              help="简报的一项，如 --fact role=社区网格员；可重复，列表项（points、examples 等）逐条累加。")
@click.option("--kind", type=click.Choice(KINDS), help="场合类型（默认从主题自动识别，见 --explain）。")
@click.option("--explain", is_flag=True, help="在屏幕上说明主题识别结果、所用主题包和写作计划。")
@click.option("--like", type=click_zh.path(dir_okay=False, path_type=Path),
              help="仿照一篇范文的结构（.txt/.md/.html/.docx 或提纲 .yaml）：部分数、小标题句式、标题和导语、篇幅。")
@click.option("--essay", type=click.IntRange(1, 1000), help="范文文件中有多篇时，仿照第几篇（默认第 1 篇）。")
@click.option("--no-placeholders", is_flag=True, help="不留【……】占位（默认在需要本人补充事例处留一处占位）。")
@_data_dir_option
@click.option("--format", "fmt", type=click.Choice(["md", "txt", "yaml", "docx"]),
              help="指定输出格式（默认由后缀决定）。")
@click.option("--template-dir", type=click_zh.path(file_okay=False, exists=True, path_type=Path),
              help="自定义文本模板目录。")
@docx_options
@writer_options
@click.option("--overwrite", is_flag=True, help="允许覆盖已存在的输出文件。")
def new(out: str, fmt: str | None, overwrite: bool, explain: bool, writer: str, llm_preset: str | None,
        llm_model: str | None, **options: Any) -> None:
    """按主题生成一篇心得体会初稿（离线，不到一秒；--writer llm 时由大模型按写作计划执笔）。

    \b
    示例：
      xindegen new --topic 安全生产 -o 安全生产心得体会.docx
      xindegen new --topic 观看电影《长津湖》 --explain -o 观后感.md
      xindegen brief --topic 安全生产专题培训 -o 简报.yaml     # 先填简报，初稿更具体
      xindegen new --brief 简报.yaml -o 初稿.docx
      xindegen new --topic 学习全会精神 --material 讲话稿.txt -o 初稿.yaml
      xindegen new --topic 安全生产 --writer llm -o 初稿.docx   # 先运行 xindegen llm check
    """
    from .compose.draft import write_draft
    from .compose.explain import only_common, plan_lines
    from .compose.request import request_from_options
    from .render.output import check_target, render_options, write_rendered

    check_target(out, fmt, overwrite)  # fail before composing: bad suffix, existing file
    llm = _llm_config(writer, llm_preset, llm_model)  # and before composing: no endpoint configured
    if options.get("like"):  # the exemplar's length and sections, unless given on the command line
        ctx = click.get_current_context()
        for name in ("length", "sections"):
            if ctx.get_parameter_source(name) == click.core.ParameterSource.DEFAULT:
                options[name] = None
    request = request_from_options(options)
    if llm is not None and sys.stderr.isatty():
        click.echo(f"正在请大模型 {llm.model} 按写作计划逐段写作……", err=True)
    draft = write_draft(request, writer=writer, llm=llm)
    if explain:
        for line in plan_lines(draft.meta):
            click.echo(line, err=True)
    if only_common(draft, request):
        click.echo("提示：没有与这个主题对应的主题包，初稿只写了这类场合共通的内容；"
                   "用 xindegen brief 填一份简报（--brief），或提供学习材料（--material），初稿会具体得多。",
                   err=True)
    wanted, got = draft.meta.get("length"), draft.body_chars()
    if isinstance(wanted, int) and got < 0.9 * wanted:  # the data ran out before the length did
        click.echo(f"提示：可用的素材只够写 {got} 字（要求 {wanted} 字）；填一份简报或提供学习材料可以写得更长。",
                   err=True)
    if llm is not None:
        from .llm.writer import notes

        for line in notes(draft.meta):
            click.echo(line, err=True)
    written = write_rendered(draft, out, fmt, render_options(options), overwrite)
    if written:
        click.echo(f"已写入 {written}（种子 {draft.meta['seed']}，正文 {draft.body_chars()} 字{_by(draft.meta)}）",
                   err=True)


def _by(meta: dict[str, Any]) -> str:
    w = meta.get("writer")
    if not isinstance(w, dict):
        return ""
    done, total = len(w["by_model"]), len(w["by_model"]) + len(w["offline"])
    return f"；大模型 {w['model']} 写了 {done}/{total} 个部分"


@main.command()
@click.option("-t", "--topic", help="主题：问题按主题的类型提（观影问情节，培训问内容，岗位工作问做法）。")
@click.option("-o", "--output", "out", default="-", show_default=True, help="简报文件（.yaml）；“-”表示输出到屏幕。")
@click.option("--kind", type=click.Choice(KINDS), help="场合类型（默认从主题自动识别）。")
@click.option("--overwrite", is_flag=True, help="允许覆盖已存在的文件。")
@_data_dir_option
def brief(topic: str | None, out: str, kind: str | None, overwrite: bool, data_dir: tuple[Path, ...]) -> None:
    """写一份简报问卷：只有你知道的事实（时间、组织者、内容、岗位、事例、不足、打算）。

    填好后用 xindegen new --brief 简报.yaml 生成初稿，每一项都会按原话写进相应位置。

    \b
    示例：
      xindegen brief --topic 安全生产专题培训 -o 简报.yaml
      xindegen new --brief 简报.yaml -o 初稿.docx
    """
    from .compose.brief import questionnaire
    from .compose.frame import build_frame
    from .compose.rhetoric import load_rhetoric
    from .fsutil import write_output

    from .text import is_blank

    if topic and topic.strip() and is_blank(topic):  # as in new: a topic nobody can see is none
        from .errors import InputError

        raise InputError("主题中没有看得见的文字（只有空格或零宽字符）")
    found = kind or (build_frame(topic, load_rhetoric(data_dir)).kind if topic and topic.strip() else "field")
    text = questionnaire(topic.strip() if topic else None, found)
    if out == "-":
        click.echo(text, nl=False)
        return
    path = Path(out)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise click.UsageError("简报文件的后缀应为 .yaml 或 .yml")
    write_output(path, text, overwrite=overwrite)
    click.echo(f"已写入 {path}：填好后运行 xindegen new --brief {path} -o 初稿.docx", err=True)


@main.command()
@click.option("-t", "--topic", required=True, help="主题。")
@click.option("-n", "count", type=click.IntRange(1, 100), default=10, show_default=True, help="列出几组。")
@click.option("--family", help="只用这个小标题族。")
@click.option("--sections", type=click.IntRange(*SECTIONS_RANGE), default=DEFAULT_SECTIONS, show_default=True,
              help="每组几个小标题。")
@click.option("--seed", type=click.IntRange(*SEED_RANGE), help="随机种子。")
@_data_dir_option
def headings(topic: str, count: int, family: str | None, sections: int, seed: int | None,
             data_dir: tuple[Path, ...]) -> None:
    """为主题列出若干组对仗的小标题，每行一组。

    \b
    示例：
      xindegen headings --topic 安全生产 -n 5
    """
    from .compose.plan import heading_sets

    for name, heads in heading_sets(topic, count, family=family, seed=seed, sections=sections,
                                    data_dirs=data_dir):
        click.echo(" / ".join(heads) + f"    [{name}]")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click_zh.path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click_zh.path(file_okay=False, path_type=Path),
              help="写入的语料目录（families.yaml、titles.yaml）。")
@click.option("--overwrite", is_flag=True, help="允许覆盖目录中已有的 families.yaml、titles.yaml。")
@_data_dir_option
def learn(files: tuple[Path, ...], out: Path, overwrite: bool, data_dir: tuple[Path, ...]) -> None:
    """从范文中学习小标题句式和标题，写成自己的语料（之后用 --data-dir 使用）。

    \b
    示例：
      xindegen learn 范文/*.txt -o 我的语料
      xindegen data check 我的语料
      xindegen new --topic 网络安全 --data-dir 我的语料 --family learned-1 -o 初稿.docx
    """
    from .compose.exemplar import dump_learned
    from .compose.exemplar import learn as learn_from
    from .compose.rhetoric import load_rhetoric
    from .fsutil import check_writable, write_output

    learned = learn_from(list(files), load_rhetoric(data_dir))
    for line in learned.skipped:
        click.echo(f"未学：{line}", err=True)
    if not learned.families and not learned.titles:
        from .errors import InputError

        raise InputError("没有学到可用的小标题句式或标题（见上面“未学”的说明）")
    families, titles = dump_learned(learned)
    out.mkdir(parents=True, exist_ok=True)
    targets = [(out / "families.yaml", families, bool(learned.families)),
               (out / "titles.yaml", titles, bool(learned.titles))]
    for path, _text, wanted in targets:
        if wanted:
            check_writable(path, overwrite)  # refuse before writing anything
    for path, text, wanted in targets:
        if wanted:
            write_output(path, text, overwrite=overwrite)
    for family, source in learned.families:
        click.echo(f"小标题族 {family.name}：{family.pattern}（{source}）")
    for pattern, source in learned.titles:
        click.echo(f"标题：{pattern}（{source}）")
    click.echo(f"已写入 {out}：用 xindegen new --data-dir {out} --family 族名 使用", err=True)


@main.group(context_settings=CONTEXT)
def data() -> None:
    """查看和检查语料（小标题族、标题、句式、主题包、引文库）。"""


@data.command("list")
@_data_dir_option
def data_list(data_dir: tuple[Path, ...]) -> None:
    """列出小标题族、主题包和各语料库的规模，以及语料目录的位置。"""
    from .compose.rhetoric import data_dirs as dirs_in_use
    from .compose.rhetoric import load_rhetoric
    from .paths import user_data_dir

    rh = load_rhetoric(data_dir)
    click.echo("语料目录（后者优先）：")
    for d in dirs_in_use(data_dir):
        click.echo(f"  {d}")
    click.echo(f"  （个人目录：{user_data_dir()}）")
    facts = sum(len(p.facts) + sum(len(a.facts) for a in p.angles) for p in rh.packs.values())
    sites = sum(w.kind == "site" for w in rh.works.values())
    click.echo(f"引文 {len(rh.quotes)} 条，作品 {len(rh.works) - sites} 部，参观地 {sites} 处，事实 {facts} 条，"
               f"标题模式 {len(rh.titles)} 个，写作单元 {len(rh.units)} 个，场合类型 {len(rh.kinds)} 种")
    click.echo(f"小标题族 {len(rh.families)} 个：")
    for f in rh.families.values():
        click.echo(f"  {f.name:<14}{f.label}")
    click.echo(f"主题包 {len(rh.packs)} 个：")
    for p in rh.packs.values():
        n = len(p.facts) + sum(len(a.facts) for a in p.angles)
        click.echo(f"  {p.key:<22}{p.name}（{len(p.angles)} 个角度，{n} 条事实；别名：{'、'.join(p.aliases[:3])}）")
    if rh.categories:
        click.echo(f"类别 {len(rh.categories)} 个（没有主题包时使用）：")
        for p in rh.categories.values():
            focuses = f"；细目：{'、'.join(x.name for x in p.focuses)}" if p.focuses else ""
            click.echo(f"  {p.key:<22}{p.name}（{len(p.angles)} 个角度{focuses}）")


@data.command("check")
@click.argument("dirs", nargs=-1, type=click_zh.path(file_okay=False, path_type=Path))
def data_check(dirs: tuple[Path, ...]) -> None:
    """检查语料目录（默认：个人语料目录）中的文件，列出所有问题（文件:行号）。

    \b
    示例：
      xindegen data check ./我的语料
    """
    from .compose.rhetoric import load_rhetoric
    from .errors import DataError
    from .paths import user_data_dir

    try:
        rh = load_rhetoric(dirs)
    except DataError as exc:
        for line in exc.lines():
            click.echo(line, err=True)
        raise SystemExit(1) from None
    shown = "、".join(str(d) for d in dirs) or str(user_data_dir())
    click.echo(f"{shown}：语料有效（共 {len(rh.files)} 个文件）")


@data.command("audit")
@click.argument("dirs", nargs=-1, type=click_zh.path(file_okay=False, path_type=Path))
@click.option("--max", "limit", type=click.IntRange(4, 40), default=8, show_default=True,
              help="允许连续固定不变的最多字数（槽位 {subject} 按 6 字计）。")
def data_audit(dirs: tuple[Path, ...], limit: int) -> None:
    """查重风险检查：列出措辞固定不变超过 --max 字的句子（文件:行号），有则退出码为 1。

    批量生成时，同一句子会出现在多篇文稿中；句中的 (甲|乙) 选择项让各篇措辞不同。
    连续 13 字相同即算重复，所以每句中固定不变的字不宜连续超过 8 个。

    \b
    示例：
      xindegen data audit              # 内置语料和个人语料
      xindegen data audit ./我的语料
    """
    from .compose.audit import audit

    problems = audit(dirs, limit)
    for p in problems:
        click.echo(str(p))
    if problems:
        click.echo(f"共 {len(problems)} 处措辞固定过长；在其中加入 (甲|乙) 选择项即可", err=True)
        raise SystemExit(1)
    click.echo(f"没有连续固定超过 {limit} 字的句子")



# ---- llm (the optional LLM writer) -----------------------------------------------------------

@main.group(context_settings=CONTEXT)
def llm() -> None:
    """大模型写作（--writer llm）：检查连接、查看预设。

    配置：环境变量 XINDEGEN_LLM_BASE_URL、XINDEGEN_LLM_MODEL、XINDEGEN_LLM_API_KEY（或 XINDEGEN_LLM_PRESET），
    或个人配置目录中的 llm.yaml（见 README“大模型写作”一节）。
    """


@llm.command("check")
@click.option("--llm-preset", metavar="NAME", help="服务预设（见 xindegen llm presets）。")
@click.option("--llm-model", metavar="NAME", help="模型名。")
def llm_check(llm_preset: str | None, llm_model: str | None) -> None:
    """测试与大模型服务的连接，并显示模型名（不显示 API 密钥）。

    \b
    示例：
      XINDEGEN_LLM_PRESET=ollama XINDEGEN_LLM_MODEL=qwen2.5:7b xindegen llm check
      XINDEGEN_LLM_PRESET=deepseek DEEPSEEK_API_KEY=... xindegen llm check
    """
    import time

    from .llm.client import ChatClient
    from .llm.config import load_llm_config

    config = load_llm_config({"preset": llm_preset, "model": llm_model})
    for line in config.describe():
        click.echo(line)
    started = time.monotonic()
    with ChatClient(config) as client:
        reply = client.check()
    said = reply.text.strip().replace("\n", " ")
    said = f"，回答“{said[:20]}{'……' if len(said) > 20 else ''}”" if said else ""
    click.echo(f"连接正常：模型 {reply.model}{said}（{time.monotonic() - started:.1f} 秒）")


@llm.command("presets")
def llm_presets() -> None:
    """列出常用服务的预设：地址、默认模型、API 密钥所在的环境变量。"""
    from .llm.config import PRESETS, config_path

    for p in PRESETS.values():
        model = p.model or "（需指定 XINDEGEN_LLM_MODEL）"
        key = f"；密钥：{p.key_env} 或 XINDEGEN_LLM_API_KEY" if p.key_env else ""
        click.echo(f"{p.name:<10}{p.label}\n          {p.base_url}  模型：{model}{key}")
    click.echo(f"配置文件：{config_path()}")


# ---- templates and preview (Word output) --------------------------------------------------

@main.group(context_settings=CONTEXT)
def templates() -> None:
    """查看、导出排版模板（Word 模板可在 Word 中修改后用 --template 使用）。"""


@templates.command("list")
def templates_list() -> None:
    """列出可用的模板：内置模板和个人模板目录中的 Word 模板。

    \b
    示例：
      xindegen templates list
    """
    from .render.templates import list_templates

    for info in list_templates():
        click.echo(f"{info.name:<10}{info.description}")


@templates.command("show")
@click.argument("name")
def templates_show(name: str) -> None:
    """显示模板 NAME 可用的变量、过滤器和写法说明。

    \b
    示例：
      xindegen templates show gongwen
      xindegen templates show 我的模板.docx
    """
    from .render.templates import describe_template

    click.echo(describe_template(name))


@templates.command("export")
@click.argument("name")
@click.option("-o", "--output", "out", required=True, type=click_zh.path(dir_okay=False, path_type=Path),
              help="导出到的文件（Word 模板为 .docx）。")
@click.option("--overwrite", is_flag=True, help="允许覆盖已存在的文件。")
def templates_export(name: str, out: Path, overwrite: bool) -> None:
    """导出模板 NAME，修改后可用 --template 使用。

    \b
    示例：
      xindegen templates export gongwen -o 我的模板.docx
      xindegen render outlines/sample.yaml -o 心得体会.docx --template 我的模板.docx
    """
    from .render.templates import export_template

    click.echo(f"已导出到 {export_template(name, out, overwrite)}", err=True)


@main.command()
@click.argument("doc", type=click_zh.path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", type=click_zh.path(dir_okay=False, path_type=Path),
              help="PDF 文件名（默认与文档同名，后缀为 .pdf）。")
@click.option("--overwrite", is_flag=True, help="允许覆盖已存在的 PDF。")
def preview(doc: Path, out: Path | None, overwrite: bool) -> None:
    """用 LibreOffice 把 Word 文档转成 PDF 预览（需已安装 LibreOffice）。

    在没有公文字体的电脑上，预览用免费字体代替：仿宋→AR PL UMing，方正小标宋→Noto Serif CJK 粗体，
    黑体→Noto Sans CJK，楷体→AR PL UKai，宋体→Noto Serif CJK。

    \b
    示例：
      xindegen preview 心得体会.docx
      xindegen preview 心得体会.docx -o 预览.pdf
    """
    from .render.preview import preview as make_preview

    click.echo(f"已写入 {make_preview(doc, out, overwrite)}", err=True)


# ---- parse (issue 3) -----------------------------------------------------------------------

@main.command()
@click.argument("files", nargs=-1, required=True, type=click_zh.path(dir_okay=False, path_type=Path))
@click.option("-o", "--output-dir", "out_dir", type=click_zh.path(file_okay=False, path_type=Path),
              help="输出目录：每篇文章写一个提纲文件，名为“<源文件名>-NN.yaml”。不给则输出到屏幕。")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON 数组（便于脚本处理），而不是 YAML。")
@click.option("--overwrite", is_flag=True, help="允许覆盖已存在的输出文件。")
def parse(files: tuple[Path, ...], out_dir: Path | None, as_json: bool, overwrite: bool) -> None:
    """拆解范文：把心得体会文章（.txt .md .html .docx）拆成提纲。

    一个文件里有多篇文章（篇一、篇二……）时，每篇得到一份提纲。支持 UTF-8、GB18030/GBK、
    UTF-16 编码；单个文件不超过 20 MB。

    \b
    示例：
      xindegen parse 范文.txt
      xindegen parse 范文.docx -o outlines/
      xindegen parse a.txt b.html --json
    """
    from .parse.decompose import format_outlines, parse_many, write_outlines

    if out_dir is not None:
        written = write_outlines(list(files), out_dir, as_json, overwrite)
        click.echo("".join(f"已写入 {path}\n" for path in written), err=True, nl=False)  # one write, not one per file
        return
    click.echo(format_outlines(parse_many(list(files)), as_json), nl=False)

# ---- batch / check ---------------------------------------------------------------------------

@main.command()
@click.argument("manifest", type=click_zh.path(dir_okay=False, path_type=Path))
@click.option("-o", "--output-dir", "out_dir", required=True, type=click_zh.path(file_okay=False, path_type=Path),
              help="输出目录（不存在时自动创建）。")
@click.option("-t", "--topic", help="名单中没有 topic 列或该格为空时使用的主题。")
@click.option("--length", type=click.IntRange(*LENGTH_RANGE), default=DEFAULT_LENGTH, show_default=True,
              help="默认字数。")
@click.option("--sections", type=click.IntRange(*SECTIONS_RANGE), default=DEFAULT_SECTIONS, show_default=True,
              help="默认小标题数量。")
@click.option("--family", help="默认小标题族。")
@click.option("--name", "name", default="{row}-{author}-{topic}.docx", show_default=True,
              help="文件名模式，可用名单中的列名和 {row}（表格行号）；后缀决定格式。")
@click.option("-j", "--jobs", type=click.IntRange(0, 256), default=0, help="并行进程数（默认：全部 CPU 核）。")
@click.option("--resume", is_flag=True, help="接着上次中断的地方继续，已完成的稿子跳过。")
@click.option("--shard", default="1/1", show_default=True, help="只做名单的第 i 份（共 N 份），如 2/8，供多机分担。")
@click.option("--seed", type=click.IntRange(*SEED_RANGE), help="整批的随机种子（不指定则随机，记入日志）。")
@click.option("--no-placeholders", is_flag=True, help="不留【……】占位。")
@_data_dir_option
@docx_options
@writer_options
@click.option("--overwrite", is_flag=True, help="允许覆盖输出目录中已存在的同名文件。")
@click.option("--allow-material-anywhere", "material_anywhere", is_flag=True,
              help="允许名单的 material、brief、like 列使用名单所在目录以外的文件"
                   "（默认只能用名单所在目录及其子目录中的文件，以免别人给的名单把你电脑上的文件写进初稿）。")
def batch(manifest: Path, out_dir: Path, name: str, jobs: int, resume: bool, shard: str, seed: int | None,
          overwrite: bool, writer: str, llm_preset: str | None, llm_model: str | None, material_anywhere: bool,
          **defaults: Any) -> None:
    """按名单（.csv/.xlsx/.yaml）批量生成互不雷同的初稿，并生成查重报告 batch-report.csv。

    \b
    名单的列与 xindegen new 的选项同名（“-”写作“_”）：topic（必需，或用 --topic）、author、unit、
    date、length、sections、family、seed、material、no_placeholders、style、template、
    bold_headings、template_dir、data_dir、format，以及代替 -o 的 filename；
    缺少的列用命令行的默认值。--writer llm 时 -j 是同时在写的稿子数（默认：配置的并发数）。
    \b
    示例：
      xindegen batch 名单.xlsx -o 初稿/ --name "{unit}-{author}-心得体会.docx"
      xindegen batch 名单.csv -o 初稿/ --topic 党纪学习教育 -j 2 --resume
      xindegen batch 名单.csv -o 初稿/ --topic 安全生产 --writer llm
      parallel xindegen batch 名单.csv -o 初稿/{} --shard {}/4 ::: 1 2 3 4
    """
    from .batch.runner import PAIR_LIMIT, BatchOptions, parse_shard, run_batch

    llm = _llm_config(writer, llm_preset, llm_model)
    options = BatchOptions(out_dir=out_dir, defaults={k: v for k, v in defaults.items() if v is not None},
                           name=name, jobs=jobs, resume=resume, overwrite=overwrite,
                           shard=parse_shard(shard), seed=seed, writer=writer, llm=llm,
                           material_anywhere=material_anywhere)
    tty = sys.stderr.isatty()
    count = 0

    def progress(rec: dict[str, Any], planned: int) -> None:
        nonlocal count
        count += 1
        if tty:  # a bar on a terminal; batch.log in the output directory has a line per draft
            if rec.get("regenerated"):
                line = f"查重后重新生成第 {rec['row']} 行"
            else:
                filled = 30 * count // max(planned, 1)
                line = f"[{'#' * filled}{'-' * (30 - filled)}] {count}/{planned} 第 {rec['row']} 行"
            click.echo(f"\r{line}\x1b[K", nl=False, err=True)

    result = run_batch(manifest, options, progress)
    if tty and count:
        click.echo(err=True)
    for problem in result.failed:
        click.echo(f"错误：{problem}", err=True)
    click.echo(f"完成：新写 {result.written} 篇，跳过已完成 {result.skipped} 篇，重新生成 {result.regenerated} 篇，"
               f"失败 {len(result.failed)} 行；两两最高相似度 {result.max_share:.1%}，"
               f"每篇与最相似者的平均 {result.mean_share:.1%}；报告 {result.report}（整批种子 {result.seed}）")
    if result.over_limit:
        click.echo(f"注意：重新生成后仍有 {result.over_limit} 篇与另一篇的重复率超过 {PAIR_LIMIT:.0%}，"
                   "请查看报告并修改这些稿子", err=True)
    if result.failed:
        raise SystemExit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click_zh.path(exists=False, path_type=Path))
@click.option("--against", "against", multiple=True, type=click_zh.path(path_type=Path),
              help="对照的文件或目录（可重复）；不给时文件之间互相比较。")
@click.option("--max", "limit", type=_Share(0, 1),
              help="允许的最高重复率（与所有其他文稿合计，如 0.3）；超过时退出码为 1。")
@click.option("--max-pair", "pair_limit", type=_Share(0, 1),
              help="任意两篇之间允许的最高重复率（如 0.15，批量初稿的承诺）；超过时退出码为 1。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出，便于脚本处理。")
def check(files: tuple[Path, ...], against: tuple[Path, ...], limit: float | None, pair_limit: float | None,
          as_json: bool) -> None:
    """查重：每篇中与其他文稿连续 13 字以上相同的文字所占比例（引文不计）。

    引号内的引文、书名号内的出处和【】占位不计，空白不计。对每篇文稿给出：与其他所有文稿合计的
    重复率、最相似的一篇及与它的重复率、最长的几段相同文字。

    \b
    示例：
      xindegen check 初稿/ --max-pair 0.15
      xindegen check 初稿/*.docx --max 0.3
      xindegen check 我的心得.docx --against 同事们的稿子/
    """
    import json

    from .batch.check import check_files

    results = check_files(list(files), list(against))
    if as_json:
        click.echo(json.dumps([r.__dict__ for r in results], ensure_ascii=False, indent=2))
    else:
        for r in results:
            partner = f"，最相似：{r.partner}（{r.partner_share:.1%}）" if r.partner else ""
            click.echo(f"{r.name}：重复率 {r.share:.1%}{partner}")
            for passage in r.passages:
                click.echo(f"    “{passage}”")
    if limit is not None and any(r.share > limit for r in results):
        raise SystemExit(1)
    if pair_limit is not None and any(r.partner_share > pair_limit for r in results):
        raise SystemExit(1)



# ---- serve -------------------------------------------------------------------------------------

@main.command()
@click.option("--port", type=click.IntRange(1, 65535),
              help="端口（默认 8765，被占用时自动另选一个）。")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听的地址。默认只有本机能访问；设为本机的内网地址（或 0.0.0.0）时，同一网络的电脑也能访问，"
                   "此时必须使用启动时显示的带访问令牌的地址。")
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器。")
def serve(port: int | None, host: str, no_browser: bool) -> None:
    """在浏览器中使用 xindegen：写初稿、修改、下载 Word，批量生成，查重，拆解范文。

    启动一个只在本机运行的网页服务并打开浏览器；所有内容离线处理，不联网。
    按 Ctrl-C 停止，上传的文件和生成的文稿随之删除。

    \b
    示例：
      xindegen serve
      xindegen serve --port 8000 --no-browser
      xindegen serve --host 192.168.1.20      # 让同一内网的同事也能使用（需要访问令牌）
    """
    try:
        from .web.server import serve as run_server
    except ImportError as exc:  # pragma: no cover - the web stack is a dependency
        raise click.ClickException(f"缺少网页服务所需的组件（{exc.name}），请重新安装 xindegen") from None
    run_server(host, port, not no_browser, lambda line: click.echo(line, err=True))


def run() -> None:  # pragma: no cover - console entry used by python -m
    main(prog_name="xindegen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
