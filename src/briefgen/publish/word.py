"""The briefing as a Word document (.docx, python-docx), for teachers who make the last fixes in Word.

Every kind of block of the outline has a named paragraph style, so a course restyles the whole
document in Word by changing a style, not each paragraph: Word's own Title, Heading 1 (sections and
article headlines) and Heading 2 (Summary, Key quotes, Context: they also fill Word's navigation
pane), and briefgen's Summary, Key Quote, Quote Speaker, Context Term, Context Box, Glossary Term,
Glossary Definition and the rest below. The same briefing gives the same bytes: the document's
dates are the briefing's, and the zip entries carry that date too.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from ..config import Settings
from ..model import Briefing
from .outline import briefing_outline
from .render import long_date

PAGE_SIZES_MM = {"A4": (210, 297), "letter": (215.9, 279.4)}
MARGIN_MM = 25
GREY = (0x55, 0x55, 0x55)
PROPERTY_LIMIT = 255  # characters of a document property (title, keywords...), as python-docx enforces
BOX_SHADE = "F3F3F3"  # the grey of the PDF's context boxes


@dataclass(frozen=True)
class Style:
    name: str
    size: float | None = None  # points
    bold: bool = False
    italic: bool = False
    grey: bool = False
    indent_mm: float = 0
    space_after: float | None = None  # points
    keep_with_next: bool = False
    shaded: bool = False
    base: str = "Normal"  # the Word style it is based on


# Word's built-in styles first (python-docx's template has them), then briefgen's own.
BUILT_IN = {"title": "Title", "heading": "Heading 1", "section": "Heading 1", "headline": "Heading 1",
            "subheading": "Heading 2"}
STYLES = {
    "kicker": Style("Kicker", size=8, grey=True, keep_with_next=True),
    "article_kicker": Style("Kicker", size=8, grey=True, keep_with_next=True),
    "masthead": Style("Masthead", size=10, space_after=2),
    "key_point": Style("Key Point", space_after=4, base="List Bullet"),
    "contents_section": Style("Contents Section", bold=True, space_after=1, keep_with_next=True),
    "contents_entry": Style("Contents Entry", indent_mm=6, space_after=2),
    "byline": Style("Byline", size=8.5, grey=True, space_after=10),
    "summary": Style("Summary", space_after=5),
    "quote": Style("Key Quote", italic=True, indent_mm=5, space_after=0, keep_with_next=True),
    "speaker": Style("Quote Speaker", size=8.5, indent_mm=5, space_after=8),
    "box_term": Style("Context Term", size=9, bold=True, indent_mm=3, space_after=2, keep_with_next=True,
                      shaded=True),
    "box": Style("Context Box", size=9, indent_mm=3, space_after=3, shaded=True),
    "term_note": Style("Term Note", size=9, space_after=3),
    "question": Style("Discussion Question", space_after=2),
    "answer": Style("Answer", size=9.5, italic=True, indent_mm=5, space_after=3),
    "instructor": Style("For the Instructor", size=9, indent_mm=3, space_after=2, shaded=True),
    "source_line": Style("Source Line", size=8, grey=True),
    "glossary_term": Style("Glossary Term", bold=True, space_after=1, keep_with_next=True),
    "glossary_definition": Style("Glossary Definition", size=9.5, indent_mm=5, space_after=3),
    "source_entry": Style("Source Entry", size=9, indent_mm=5, space_after=3),
}


def style_name(kind: str) -> str:
    return BUILT_IN.get(kind) or STYLES[kind].name


def briefing_docx(briefing: Briefing, settings: Settings) -> bytes:
    import docx

    document = docx.Document()
    _page_setup(document, settings, briefing)
    _add_styles(document, settings.language)
    for block in briefing_outline(briefing):
        paragraph = document.add_paragraph(block.text, style=style_name(block.kind))
        if block.new_page:
            paragraph.paragraph_format.page_break_before = True
    _set_properties(document, briefing, settings)
    buffer = io.BytesIO()
    document.save(buffer)
    return _dated_zip(buffer.getvalue(), briefing.date)


def _page_setup(document, settings: Settings, briefing: Briefing) -> None:
    from docx.shared import Mm

    width, height = PAGE_SIZES_MM[settings.paper]
    section = document.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    footer = section.footer.paragraphs[0]
    footer.text = f"{briefing.title} · {long_date(briefing.date)} · Page "
    _add_page_number(footer)


def _add_page_number(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


def _add_styles(document, language: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    language_tag = OxmlElement("w:lang")
    language_tag.set(qn("w:val"), language)
    normal.element.get_or_add_rPr().append(language_tag)
    for spec in dict.fromkeys(STYLES.values()):
        style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[spec.base]
        style.quick_style = True  # shown in Word's style gallery
        if spec.size:
            style.font.size = Pt(spec.size)
        style.font.bold = spec.bold or None
        style.font.italic = spec.italic or None
        if spec.grey:
            style.font.color.rgb = RGBColor(*GREY)
        layout = style.paragraph_format
        if spec.indent_mm:
            layout.left_indent = Mm(spec.indent_mm)
        if spec.space_after is not None:
            layout.space_after = Pt(spec.space_after)
        layout.keep_with_next = spec.keep_with_next or None
        if spec.shaded:
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:fill"), BOX_SHADE)
            style.element.get_or_add_pPr().append(shading)


def _set_properties(document, briefing: Briefing, settings: Settings) -> None:
    moment = dt.datetime.combine(briefing.date, dt.time(), tzinfo=dt.timezone.utc)
    properties = document.core_properties
    properties.title = _fitted(briefing.title)
    properties.author = _fitted(settings.instructor or settings.institution or settings.course or "briefgen")
    properties.last_modified_by = "briefgen"
    properties.subject = _fitted(settings.course or "")
    properties.keywords = _fitted(", ".join(term.term for term in briefing.glossary))
    properties.created = properties.modified = moment
    properties.revision = 1


def _fitted(text: str) -> str:
    """`text` cut at a word to the length a .docx property may have."""
    if len(text) <= PROPERTY_LIMIT:
        return text
    return text[: text.rfind(" ", 0, PROPERTY_LIMIT - 1)].rstrip(" ,") + "…"


def _dated_zip(data: bytes, date: dt.date) -> bytes:
    """The .docx with every zip entry dated `date` instead of the moment it was written."""
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(zipfile.ZipInfo(entry.filename, date_time=stamp), source.read(entry.filename),
                            compress_type=zipfile.ZIP_DEFLATED)
    return output.getvalue()
