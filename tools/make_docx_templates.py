"""Generate the built-in Word templates templates/gongwen.docx and templates/plain.docx.

Run ``python tools/make_docx_templates.py`` after changing this file; the output is byte-for-byte
deterministic (fixed zip timestamps and member order), so the committed binaries only change when
this script does.

The package is written as raw XML rather than from python-docx's default.docx: that file carries
350 KB of styles with theme fonts (which Word prefers over explicit names, DESIGN.md §4), a
thumbnail and custom XML that would slow every render down. python-docx is used afterwards to
check that the result opens and exposes the style names the parser relies on.

Figures (GB/T 9704-2012, DESIGN.md §4), in twips (1/20 pt; 1 mm = 56.7 twips):
A4 11906 × 16838; margins top/bottom/left/right 2098/1984/1588/1474; type area 8844 × 12756;
22 lines → line pitch 579 (28.95 pt; 580 would overflow by 4 twips); 28 characters of 16 pt need
a pitch of at most 442.2 / 28 = 15.793 pt. Word templates usually get that from a
``linesAndChars`` grid with charSpace -849, but LibreOffice then puts each 16 pt glyph into two
15.79 pt cells (14 characters a line). A line-only grid plus text condensed by 0.25 pt
(w:spacing -5, pitch 15.75 pt) gives 22 × 28 in both Word and LibreOffice.
"""

from __future__ import annotations

import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "templates"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Font:
    name: str
    size_pt: float


@dataclass(frozen=True)
class Style:
    """Everything that differs between the two built-in styles."""

    key: str
    description: str
    page_margins: tuple[int, int, int, int]  # top, bottom, left, right (twips)
    doc_grid: str
    condense: int  # w:spacing of every run, twentieths of a point
    body: Font
    line: str  # w:spacing attributes for body-like paragraphs
    title: Font
    subtitle: Font
    heading1: Font
    heading2: Font
    footer: Font
    odd_even_footers: bool


GONGWEN = Style(
    key="gongwen",
    description="GB/T 9704-2012 党政机关公文格式",
    page_margins=(2098, 1984, 1588, 1474),
    doc_grid='<w:docGrid w:type="lines" w:linePitch="579"/>',
    condense=-5,
    body=Font("仿宋_GB2312", 16),
    line='w:line="579" w:lineRule="exact"',
    title=Font("方正小标宋简体", 22),
    subtitle=Font("楷体_GB2312", 16),
    heading1=Font("黑体", 16),
    heading2=Font("楷体_GB2312", 16),
    footer=Font("宋体", 14),
    odd_even_footers=True,
)

PLAIN = Style(
    key="plain",
    description="常见的非公文排版：宋体小四、1.5 倍行距、黑体标题",
    page_margins=(1440, 1440, 1800, 1800),
    doc_grid='<w:docGrid w:linePitch="312"/>',
    condense=0,
    body=Font("宋体", 12),
    line='w:line="360" w:lineRule="auto"',
    title=Font("黑体", 18),
    subtitle=Font("楷体", 14),
    heading1=Font("黑体", 12),
    heading2=Font("楷体", 12),
    footer=Font("宋体", 10.5),
    odd_even_footers=False,
)

# Windows-era names with the names of the fonts a current Windows ships, so Word substitutes
# sensibly on a machine without the GB2312 fonts (fontTable altName).
FONT_TABLE = {
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "方正小标宋简体": "宋体",
    "黑体": "SimHei",
    "宋体": "SimSun",
    "楷体": "KaiTi",
}


def run_props(font: Font, extra: str = "", tail: str = "") -> str:
    """w:rPr in schema order: rFonts, (bold, kern...), sz, szCs, (lang)."""
    n = quoteattr(font.name)
    half_points = round(font.size_pt * 2)
    return (f"<w:rPr><w:rFonts w:ascii={n} w:hAnsi={n} w:eastAsia={n} w:cs={n}/>{extra}"
            f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>{tail}</w:rPr>')


def indent_first_line(font: Font) -> str:
    # firstLineChars is what Word uses; firstLine (two characters in twips) is the fallback
    # for readers that ignore character units (LibreOffice before 7.x, some viewers).
    return f'<w:ind w:firstLineChars="200" w:firstLine="{round(font.size_pt * 40)}"/>'


def paragraph_style(style_id: str, name: str, ppr: str, font: Font, *, based_on: str = "Normal",
                    next_style: str | None = None, outline_level: int | None = None) -> str:
    level = f'<w:outlineLvl w:val="{outline_level}"/>' if outline_level is not None else ""
    nxt = f'<w:next w:val="{next_style}"/>' if next_style else ""
    return (f'<w:style w:type="paragraph" w:customStyle="0" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>{nxt}<w:qFormat/>'
            f"<w:pPr>{ppr}{level}</w:pPr>{run_props(font)}</w:style>")


def styles_xml(s: Style) -> str:
    body_ppr = f'<w:spacing w:before="0" w:after="0" {s.line}/>'
    indented = f"{body_ppr}{indent_first_line(s.body)}"
    centred_auto = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>'
    sub_ppr = f'<w:spacing w:before="0" w:after="0" {s.line}/><w:jc w:val="center"/>'
    sign_ppr = (f'{body_ppr}<w:ind w:rightChars="400" w:right="{round(s.body.size_pt * 80)}"/>'
                '<w:jc w:val="right"/>')
    # No automatic extra space between Chinese and Latin letters or digits ("2026年1月3日").
    no_auto_space = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
    styles = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f'<w:qFormat/><w:pPr><w:widowControl w:val="0"/>{no_auto_space}{body_ppr}<w:jc w:val="both"/></w:pPr>'
        f"{run_props(s.body)}</w:style>",
        paragraph_style("Title", "Title", centred_auto, s.title, next_style="Subtitle"),
        paragraph_style("Subtitle", "Subtitle", sub_ppr, s.subtitle, next_style="BodyText"),
        paragraph_style("Heading1", "heading 1", f"<w:keepNext/>{indented}", s.heading1,
                        next_style="BodyText", outline_level=0),
        paragraph_style("Heading2", "heading 2", f"<w:keepNext/>{indented}", s.heading2,
                        next_style="BodyText", outline_level=1),
        paragraph_style("BodyText", "Body Text", indented, s.body),
        paragraph_style("Closing", "Closing", indented, s.body, based_on="BodyText"),
        paragraph_style("Signature", "Signature", sign_ppr, s.body),
        paragraph_style("Footer", "footer", '<w:snapToGrid w:val="0"/><w:spacing w:before="0" '
                        'w:after="0" w:line="240" w:lineRule="auto"/>', s.footer),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>",
    ]
    lang = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    kern = f'<w:spacing w:val="{s.condense}"/><w:kern w:val="2"/>' if s.condense else '<w:kern w:val="2"/>'
    defaults = (f"<w:docDefaults><w:rPrDefault>{run_props(s.body, kern, lang)}</w:rPrDefault>"
                "<w:pPrDefault/></w:docDefaults>")
    return f'{XML_DECL}<w:styles xmlns:w="{W_NS}">{defaults}{"".join(styles)}</w:styles>'


def para(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def body_xml(s: Style) -> str:
    """The document body in docxtpl syntax: every ``{%p %}`` paragraph vanishes when rendered."""
    parts = [
        para("{{ title }}", "Title"),
        para("{%p if subtitle %}"),
        para("{{ subtitle }}", "Subtitle"),
        para("{%p endif %}"),
        para(""),  # one blank line between the title block and the body (GB/T 9704 7.3.1)
        para("{%p for p in lead.paragraphs %}"),
        para("{{ p }}", "BodyText"),
        para("{%p endfor %}"),
        para("{%p for s in sections %}"),
        para("{%p if s.heading %}"),
        para("{{ s.number }}、{{ s.heading }}", "Heading1"),
        para("{%p endif %}"),
        para("{%p for p in s.paragraphs %}"),
        para("{{ p }}", "BodyText"),
        para("{%p endfor %}"),
        para("{%p endfor %}"),
        para("{%p for p in closing.paragraphs %}"),
        para("{{ p }}", "Closing"),
        para("{%p endfor %}"),
        para("{%p if unit or author or date %}"),
        para(""),  # blank line before the signature block
        para("{%p endif %}"),
        para("{%p if unit %}"),
        para("{{ unit }}", "Signature"),
        para("{%p endif %}"),
        para("{%p if author %}"),
        para("{{ author }}", "Signature"),
        para("{%p endif %}"),
        para("{%p if date %}"),
        para("{{ date | cn_date }}", "Signature"),
        para("{%p endif %}"),
    ]
    top, bottom, left, right = s.page_margins
    refs = '<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
    if s.odd_even_footers:
        refs = f'<w:footerReference w:type="even" r:id="rIdFooterEven"/>{refs}'
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
            f'w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/>{s.doc_grid}</w:sectPr>')
    return (f'{XML_DECL}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
            f'{"".join(parts)}{sect}</w:body></w:document>')


def page_field_runs() -> str:
    """A complex PAGE field: begin / instruction / separate / cached result / end."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            "<w:r><w:t>1</w:t></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def footer_xml(jc: str, ind: str) -> str:
    # "— N —": one-em dashes around half-width digits; inset one character from the edge.
    dash = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    return (f'{XML_DECL}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
            f'<w:pStyle w:val="Footer"/>{ind}<w:jc w:val="{jc}"/></w:pPr>'
            f'{dash.format("— ")}{page_field_runs()}{dash.format(" —")}</w:p></w:ftr>')


def settings_xml(s: Style) -> str:
    even = "<w:evenAndOddHeaders/>" if s.odd_even_footers else ""
    # Element order follows CT_Settings (Word rejects files with settings out of order).
    return (f'{XML_DECL}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
            f'<w:defaultTabStop w:val="420"/>{even}<w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:useFELayout/>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '</w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


def font_table_xml() -> str:
    fonts = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        for name, alt in FONT_TABLE.items())
    return f'{XML_DECL}<w:fonts xmlns:w="{W_NS}">{fonts}</w:fonts>'


def package(s: Style) -> dict[str, str]:
    """Every part of the .docx, in the order they are written to the zip."""
    ct = "application/vnd.openxmlformats-officedocument"
    wml = f"{ct}.wordprocessingml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    inset = round(s.footer.size_pt * 20)  # one character in from the edge
    footers = {"footer1.xml": ("rIdFooterOdd", footer_xml("right", f'<w:ind w:right="{inset}"/>'))}
    if s.odd_even_footers:
        footers["footer2.xml"] = ("rIdFooterEven", footer_xml("left", f'<w:ind w:left="{inset}"/>'))
    else:
        footers["footer1.xml"] = ("rIdFooterOdd", footer_xml("center", ""))
    overrides = "".join(
        f'<Override PartName="/word/{name}" ContentType="{wml}.footer+xml"/>' for name in footers)
    content_types = (
        f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>'
        f'<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>'
        f'<Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/>'
        f'<Override PartName="/word/fontTable.xml" ContentType="{wml}.fontTable+xml"/>{overrides}'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/docProps/app.xml" ContentType="{ct}.extended-properties+xml"/></Types>')
    root_rels = (
        f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{rel}/extended-properties" Target="docProps/app.xml"/></Relationships>')
    footer_rels = "".join(
        f'<Relationship Id="{rid}" Type="{rel}/footer" Target="{name}"/>' for name, (rid, _) in footers.items())
    doc_rels = (
        f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/settings" Target="settings.xml"/>'
        f'<Relationship Id="rId3" Type="{rel}/fontTable" Target="fontTable.xml"/>{footer_rels}</Relationships>')
    core = (
        f'{XML_DECL}<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{{{{ title }}}}</dc:title><dc:creator>xindegen</dc:creator>"
        f"<dc:description>xindegen {escape(s.key)} template: {escape(s.description)}</dc:description>"
        "</cp:coreProperties>")
    app = (f'{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Application>xindegen</Application></Properties>")
    parts = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": root_rels,
        "docProps/core.xml": core,
        "docProps/app.xml": app,
        "word/document.xml": body_xml(s),
        "word/_rels/document.xml.rels": doc_rels,
        "word/styles.xml": styles_xml(s),
        "word/settings.xml": settings_xml(s),
        "word/fontTable.xml": font_table_xml(),
    }
    parts.update({f"word/{name}": xml for name, (_, xml) in footers.items()})
    return parts


def write_docx(path: Path, parts: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, xml.encode("utf-8"))


def check(path: Path) -> None:
    """Open the result with python-docx: the parser maps these style names back to the outline."""
    import docx

    names = {p.style.name for p in docx.Document(str(path)).paragraphs if p.style is not None}
    expected = {"Title", "Subtitle", "Heading 1", "Body Text", "Closing", "Signature"}
    missing = expected - names
    if missing:
        raise SystemExit(f"{path}: styles missing from the body: {sorted(missing)}")


def main() -> int:
    for style in (GONGWEN, PLAIN):
        path = OUT_DIR / f"{style.key}.docx"
        write_docx(path, package(style))
        check(path)
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
