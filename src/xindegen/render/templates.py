"""The templates a user can pick: list them, explain their variables, export one to edit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError, TemplateError
from ..fsutil import write_output
from ..paths import builtin_templates_dir, user_templates_dir
from ..safeio import read_user_file


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    kind: str  # "docx" or "text"
    path: Path
    description: str
    builtin: bool


_BUILTIN = {
    "gongwen": ("docx", "gongwen.docx", "Word：GB/T 9704-2012 党政机关公文格式（默认）"),
    "plain": ("docx", "plain.docx", "Word：宋体小四、1.5 倍行距、黑体标题"),
    "md": ("text", "outline.md.j2", "Markdown 文稿"),
    "txt": ("text", "outline.txt.j2", "纯文本文稿（可直接粘贴进 Word）"),
}

# One context for every format (render.text.template_context); this is its user documentation.
VARIABLES: list[tuple[str, str]] = [
    ("title", "标题"),
    ("subtitle", "副标题，如“——学习《……》心得体会”；没有时为空"),
    ("topic", "主题；可为空"),
    ("lead.paragraphs", "导语段落列表"),
    ("lead.quote", "开篇引语（text 原文、source 出处）；原文已在段落中，一般不必单独输出"),
    ("lead.quotes", "导语中引用的其他名言列表（text、source），原文已在段落中；可为空"),
    ("sections", "各节列表，每节有下面几项"),
    ("  s.number", "小标题序号“一”“二”“三”……（本节没有小标题时为空）"),
    ("  s.heading", "小标题，不带序号和句号；没有时为空"),
    ("  s.tag", "并列小标题中变化的关键词；可为空"),
    ("  s.quotes", "本节引用的名言列表（text、source），原文已在段落中"),
    ("  s.paragraphs", "本节正文段落列表"),
    ("closing.paragraphs", "结尾段落列表"),
    ("closing.quotes", "结尾中引用的名言列表（text、source），原文已在段落中；可为空"),
    ("author", "落款：作者；可为空"),
    ("unit", "落款：单位；可为空"),
    ("date", "落款：日期；可为空（Word 模板中用 {{ date | cn_date }} 写成“2026年1月3日”）"),
    ("meta", "来源信息（字典）：来源文件、篇序，或生成器、随机种子"),
]

FILTERS: list[tuple[str, str]] = [
    ("cn_num", "数字转汉字序号：{{ 2 | cn_num }} → 二"),
    ("chars", "字数（不计空白）：{{ p | chars }}"),
    ("cn_date", "日期写成阿拉伯数字、不补零：2026-01-03 → 2026年1月3日（仅 Word 模板）"),
]

DOCX_SYNTAX = """\
Word 模板语法（与 docxtpl 相同）：
  {{ title }}                      在文字中插入变量（自动转义，任何文字都安全）
  {%p for p in lead.paragraphs %}  独占一段：整段被替换为循环/条件，常用于“每项一段”
  {%p endfor %}  {%p if subtitle %}  {%p endif %}
  {%r ... %}  {%tr ... %}  {%tc ... %}  分别替换所在的文字块、表格行、单元格
段落样式（xindegen parse 依靠样式名还原提纲，请保留）：
  Title 标题 / Subtitle 副标题 / Heading 1 小标题（一、）/ Heading 2 二级小标题（（一））/
  Body Text 正文 / Closing 结尾 / Signature 落款"""


def list_templates() -> list[TemplateInfo]:
    """Built-in templates, then the user's own Word templates in the config directory."""
    found = [TemplateInfo(name, kind, builtin_templates_dir() / file, desc, True)
             for name, (kind, file, desc) in _BUILTIN.items()]
    user_dir = user_templates_dir()
    if user_dir.is_dir():
        for path in sorted(user_dir.glob("*.docx")):
            if path.stem in _BUILTIN:
                found = [t for t in found if t.name != path.stem]
            found.append(TemplateInfo(path.stem, "docx", path, f"个人 Word 模板（{path}）", False))
    return found


def find_template(name: str) -> TemplateInfo:
    """A template by name (``gongwen``, ``md``, a user style) or by file path."""
    for info in list_templates():
        if info.name == name:
            return info
    path = Path(name)
    if path.is_file():
        kind = "docx" if path.suffix.lower() in (".docx", ".dotx") else "text"
        return TemplateInfo(path.stem, kind, path, f"模板文件 {path}", False)
    names = "、".join(t.name for t in list_templates())
    raise TemplateError(f"没有名为“{name}”的模板（可用：{names}）", name)


def used_variables(info: TemplateInfo) -> set[str]:
    """The context variables ``info`` refers to (compiling it, so errors surface here too)."""
    if info.kind == "docx":
        from .docx import compile_template

        return compile_template(info.path).variables()
    import jinja2
    from jinja2 import meta

    from .text import make_environment, read_template_source

    env = make_environment([info.path.parent])
    try:
        return meta.find_undeclared_variables(env.parse(read_template_source(info.path)))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}", info.path, exc.lineno) from None


def describe_template(name: str) -> str:
    """Chinese help for ``templates show``: what the template is and the variables it may use."""
    info = find_template(name)
    used = used_variables(info)
    width = max(len(v) for v, _ in VARIABLES) + 2
    lines = [f"{info.name}：{info.description}", f"文件：{info.path}", "",
             "可用变量（* 表示本模板用到了它或它所属的变量）："]
    for var, help_text in VARIABLES:
        root = "sections" if var.startswith(" ") else var.split(".")[0]
        mark = "*" if root in used else " "
        lines.append(f" {mark} {var.ljust(width)}{help_text}")
    lines += ["", "过滤器："]
    lines += [f"   {f.ljust(width)}{h}" for f, h in FILTERS]
    if info.kind == "docx":
        lines += ["", DOCX_SYNTAX]
    return "\n".join(lines)


def export_template(name: str, out: Path, overwrite: bool = False) -> Path:
    """Copy template ``name`` to ``out`` so the user can edit it (in Word, for .docx ones)."""
    known = {t.name: t for t in list_templates()}
    if name not in known:  # a path would let any file on the system be "exported" as a template
        raise TemplateError(f"没有名为“{name}”的模板（可导出：{'、'.join(known)}）")
    info = known[name]
    want = ".docx" if info.kind == "docx" else info.path.suffix
    if out.suffix.lower() != want:
        raise OutputError(f"模板“{info.name}”应导出为 {want} 文件", out)
    write_output(out, read_user_file(info.path), overwrite=overwrite)
    return out
