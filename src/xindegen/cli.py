"""Command-line interface: a thin layer over the library.

Each command parses options, calls one library function and prints the result. Domain errors
become a one-line Chinese message on stderr and exit code 1; usage errors exit 2; tracebacks
appear only with --debug.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from . import __version__, clizh
from .errors import XindegenError
from .fsutil import describe_os_error

clizh.install()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Group(click.Group):
    """The one error boundary of the CLI."""

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
@click.version_option(__version__, "-V", "--version", prog_name="xindegen", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="出错时显示完整的调试信息（traceback）。")
def main(debug: bool) -> None:
    """xindegen：心得体会写作助手。

    拆解范文结构（parse）、按主题生成提纲和初稿（new）、把提纲排成 Word/Markdown/文本（render）。
    每个命令都可加 -h 查看用法。
    """


# ---- render --------------------------------------------------------------------------------

_OUT_HELP = "输出文件，格式由后缀决定（.md .txt .yaml）；“-”表示输出到屏幕。"


@main.command()
@click.argument("outline_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, help=_OUT_HELP)
@click.option("--format", "fmt", type=click.Choice(["md", "txt", "yaml"]),
              help="指定输出格式（默认由后缀决定；输出到屏幕时默认 md）。")
@click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path),
              help="自定义模板目录：其中同名模板优先于内置模板。")
@click.option("--overwrite", is_flag=True, help="允许覆盖已存在的输出文件。")
def render(outline_file: Path, out: str, fmt: str | None, template_dir: Path | None,
           overwrite: bool) -> None:
    """把提纲（YAML）排成文稿。

    \b
    示例：
      xindegen render outlines/sample.yaml -o 心得体会.md
      xindegen render my.yaml -o - --format txt
    """
    from .outline_io import load_outline
    from .output import RenderOptions, write_rendered

    outline = load_outline(outline_file)
    written = write_rendered(outline, out, fmt, RenderOptions(template_dir=template_dir), overwrite)
    if written:
        click.echo(f"已写入 {written}", err=True)


# ---- outline -------------------------------------------------------------------------------

@main.group(context_settings=CONTEXT)
def outline() -> None:
    """检查和查看提纲文件（YAML）。"""


@outline.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
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
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def outline_show(file: Path) -> None:
    """以树形显示提纲：标题、小标题、段落数和字数。

    \b
    示例：
      xindegen outline show outlines/sample.yaml
    """
    from .outline_io import load_outlines
    from .summary import outline_tree

    for i, item in enumerate(load_outlines(file)):
        if i:
            click.echo()
        click.echo(outline_tree(item))


# ---- parse (issue 3) -----------------------------------------------------------------------

@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output-dir", "out_dir", type=click.Path(file_okay=False, path_type=Path),
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
    from .parse import format_outlines, parse_many, write_outlines

    if out_dir is not None:
        for written in write_outlines(list(files), out_dir, as_json, overwrite):
            click.echo(f"已写入 {written}", err=True)
        return
    click.echo(format_outlines(parse_many(list(files)), as_json), nl=False)


def run() -> None:  # pragma: no cover - console entry used by python -m
    main(prog_name="xindegen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
