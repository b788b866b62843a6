#!/usr/bin/env python3
"""Prints a plan as a PDF the way offices do, for the PDF reader's fixtures
and its evaluation (tools/pdf_fixtures.sh).

Input is what `vanban blocks --json FILE` prints for any plan VanBan reads
(text, Markdown, HTML, DOCX), so one layout serves every source:

  - the header table (issuer | motto, number | date) without borders, each
    cell's lines centred in its column;
  - the type line (KẾ HOẠCH, QUYẾT ĐỊNH) and the title centred and bold;
  - paragraphs justified, headings bold;
  - every other table ruled, its first row repeated on each page it runs on;
  - the closing table (`Nơi nhận` | signature) without borders;
  - a page number at the top of every page but the first, and a running
    footer line on every page (both must be dropped by the reader).

Fonts: Liberation Serif (fonts-liberation2, metric twin of Times New Roman,
which Vietnamese offices use). Needs the PyPI package fpdf2.

usage: vanban blocks --json PLAN | python3 tools/make_pdf.py OUT.pdf
"""
import json
import re
import sys

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, TableBordersLayout, XPos, YPos
from fpdf.fonts import FontFace

FONT_DIR = "/usr/share/fonts/truetype/liberation2"
TYPE_WORDS = ("KẾ HOẠCH", "QUYẾT ĐỊNH", "CHỈ THỊ", "CHƯƠNG TRÌNH", "THÔNG BÁO", "HƯỚNG DẪN", "NGHỊ QUYẾT",
              "BÁO CÁO", "ĐỀ ÁN", "PHƯƠNG ÁN", "TỜ TRÌNH", "CÔNG VĂN", "QUY CHẾ", "QUY ĐỊNH")


class Plan(FPDF):
    def header(self):
        if self.page_no() > 1:
            self.set_font("serif", size=11)
            self.set_y(8)
            self.cell(0, 5, str(self.page_no()), align="C")
            self.set_y(self.t_margin)

    def footer(self):
        self.set_y(-12)
        self.set_font("serif", "I", 8)
        self.cell(0, 5, "Văn bản điện tử - bản in PDF để thử bộ đọc", align="C")


def is_header(rows):
    text = " ".join(" ".join(c) for r in rows for c in r)
    return "CỘNG HÒA" in text.upper() or "Độc lập" in text or re.search(r"\bSố\s*:", text) is not None


def is_closing(rows):
    text = " ".join(" ".join(c) for r in rows for c in r)
    return "Nơi nhận" in text or re.search(r"\b(TM|KT|TL|TUQ)\.\s", text) is not None


def cell_height(pdf, width, cell):
    """Height the lines of one cell take once wrapped to width."""
    height = 0
    for line in cell:
        bold = line.isupper() and len(line) < 60
        pdf.set_font("serif", "B" if bold else "", 12.5)
        height += 6 * len(pdf.multi_cell(width, 6, line, dry_run=True, output=MethodReturnValue.LINES))
    return height


def borderless(pdf, rows, widths, aligns):
    """Cells side by side, no rules; each cell's lines one under another. A
    row is kept on one page, as Word keeps the signature row together."""
    for row in rows:
        top = pdf.get_y()
        needed = max(cell_height(pdf, widths[k], cell) for k, cell in enumerate(row[: len(widths)]))
        if top + needed > pdf.page_break_trigger and needed < pdf.page_break_trigger - pdf.t_margin:
            pdf.add_page()
            top = pdf.get_y()
        bottom = top
        x = pdf.l_margin
        for k, cell in enumerate(row[: len(widths)]):
            pdf.set_xy(x, top)
            for line in cell:
                bold = line.isupper() and len(line) < 60
                pdf.set_font("serif", "B" if bold else "", 12.5)
                pdf.multi_cell(widths[k], 6, line, align=aligns[k], new_x=XPos.LEFT, new_y=YPos.NEXT)
            bottom = max(bottom, pdf.get_y())
            x += widths[k]
        pdf.set_xy(pdf.l_margin, bottom + 3)


def ruled(pdf, rows):
    columns = max(len(r) for r in rows)
    rows = [r + [[]] * (columns - len(r)) for r in rows]
    lengths = [max(13, min(60, max(len(" ".join(r[k])) for r in rows))) for k in range(columns)]
    total = sum(lengths)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    widths = [width * n / total for n in lengths]
    # No column narrower than a header word such as THỜI GIAN (Word would not break inside a word either).
    narrow = [k for k, w in enumerate(widths) if w < 22]
    if narrow and len(narrow) < columns:
        spare = sum(22 - widths[k] for k in narrow)
        wide = sum(widths[k] for k in range(columns) if k not in narrow)
        widths = [22 if k in narrow else w - spare * w / wide for k, w in enumerate(widths)]
    pdf.set_font("serif", size=11)
    with pdf.table(col_widths=widths, width=width, borders_layout=TableBordersLayout.ALL, first_row_as_headings=True,
                   line_height=5.5, text_align="LEFT", headings_style=FontFace(emphasis="BOLD"), repeat_headings=1) as table:
        for r in rows:
            row = table.row()
            for cell in r:
                row.cell("\n".join(cell))
    pdf.ln(3)


def main():
    out = sys.argv[1]
    data = json.load(sys.stdin)
    pdf = Plan(format="A4")
    pdf.set_margins(25, 18, 18)
    pdf.set_auto_page_break(True, 18)
    pdf.add_font("serif", "", f"{FONT_DIR}/LiberationSerif-Regular.ttf")
    pdf.add_font("serif", "B", f"{FONT_DIR}/LiberationSerif-Bold.ttf")
    pdf.add_font("serif", "I", f"{FONT_DIR}/LiberationSerif-Italic.ttf")
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    seen_type = False
    title_lines = 0
    for block in data["blocks"]:
        if block["kind"] == "table":
            rows = [r for r in block["rows"] if any(c for c in r)]
            if not rows:
                continue
            columns = max(len(r) for r in rows)
            if columns <= 3 and not seen_type and is_header(rows):
                borderless(pdf, rows, [width * 0.42, width * 0.58], ["C", "C"])
            elif columns <= 3 and is_closing(rows):
                borderless(pdf, rows, [width * 0.5, width * 0.5], ["L", "C"])
            else:
                ruled(pdf, rows)
            continue
        text = block["text"]
        if not seen_type and text.upper() == text and text.startswith(TYPE_WORDS) and len(text) < 60:
            seen_type = True
            title_lines = 2
            pdf.set_font("serif", "B", 14)
            pdf.multi_cell(0, 7, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            continue
        if title_lines and not text.startswith(("Căn cứ", "Thực hiện", "Xét", "Theo")) and len(text) < 300:
            title_lines -= 1
            pdf.set_font("serif", "B", 13)
            pdf.multi_cell(0, 6.5, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(3)
            continue
        title_lines = 0
        pdf.set_font("serif", "B" if block.get("heading") else "", 13)
        pdf.multi_cell(0, 6.5, text, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.5)
    pdf.output(out)


if __name__ == "__main__":
    main()
