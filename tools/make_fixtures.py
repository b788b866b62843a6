#!/usr/bin/env python3
"""Turns each corpus plan (Corpus/*.txt) into the forms plans really arrive in,
for the format tests and the format evaluation (tools/eval_formats.sh):

  Corpus/formats/NAME.docx               Word file: the header as a two-column
                                         table (issuer | motto, number | date),
                                         the outline as real Word numbering
                                         (word/numbering.xml: upperRoman,
                                         decimal, "%2.%3.", lowerLetter with the
                                         Vietnamese alphabet, "-" and "+"
                                         bullets, "Điều %1."), the recipients as
                                         one paragraph with line breaks, the
                                         signature in bold.
  Corpus/formats/NAME.html               a provincial-portal page: menus,
                                         breadcrumb, side bar, footer, scripts
                                         and styles around the document; the
                                         header as a table, entities in the text.
  Corpus/formats/NAME.tcvn3.txt          TCVN3 (ABC) bytes (glibc iconv).
  Corpus/formats/NAME.vni.txt            VNI-Windows bytes (table below).
  Corpus/formats/NAME.viscii.txt         VISCII bytes (glibc iconv).
  Corpus/formats/NAME.windows-1258.txt   Windows-1258 bytes, tones as combining
                                         marks as Windows writes them.

A numbered line gets Word numbering only when Word would print exactly the
marker the text has (the generator counts as Word does); otherwise the marker
stays literal text, as it does in real files. Characters an encoding cannot
hold (curly quotes in TCVN3/VISCII) are transliterated, as old files did.

The DOCX is written with the standard library's zipfile (raw OOXML), so the
numbering is exactly what is described above; no pip package is needed.
Deterministic: the same corpus gives the same bytes.

usage: python3 tools/make_fixtures.py [CORPUS_DIR] [OUT_DIR]
"""
import html
import pathlib
import re
import subprocess
import sys
import unicodedata
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
VIET_LETTERS = list("abcd") + ["đ"] + list("eghiklmnopqrstuvxy")

# List levels: (numFmt, lvlText). Level 3 letters follow the Vietnamese alphabet.
LEVELS = [("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3."), ("lowerLetter", "%4)"),
          ("bullet", "-"), ("bullet", "+")]
MARKER = [
    (0, re.compile(r"^([IVX]+)\.\s+")),
    (2, re.compile(r"^(\d+)\.(\d+)\.\s+")),
    (1, re.compile(r"^(\d+)\.\s+")),
    (3, re.compile(r"^([a-zđ])\)\s+")),
    (4, re.compile(r"^-\s+")),
    (5, re.compile(r"^\+\s+")),
]
ARTICLE = re.compile(r"^Điều (\d+)\.\s+")


def clean_lines(text):
    return [l.strip().replace("\t", " ") for l in text.replace("\r\n", "\n").split("\n")]


def split_document(lines):
    """(header lines, body lines). The header ends before the type line (KẾ HOẠCH, QUYẾT ĐỊNH...)."""
    for i, l in enumerate(lines):
        if re.match(r"^(KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|THÔNG BÁO|CÔNG VĂN|BÁO CÁO|CHƯƠNG TRÌNH|ĐỀ ÁN)\b", l):
            return lines[:i], lines[i:]
    return [], lines


def header_table(header):
    """Rows of [left cell lines, right cell lines]: issuer | motto, number | place and date."""
    left1, right1, left2, right2 = [], [], [], []
    in_motto = False
    for l in header:
        if not l:
            continue
        if "CỘNG HÒA" in l or "CỘNG HOÀ" in l or l.startswith("Độc lập"):
            right1.append(l); in_motto = True; continue
        if re.fullmatch(r"[-_=]{3,}", l):
            (right1 if in_motto else left1).append(l); continue
        if l.startswith("Số"):
            left2.append(l); continue
        if ", ngày" in l or l.startswith("ngày"):
            right2.append(l); continue
        left1.append(l)
    rows = []
    if left1 or right1:
        rows.append([left1, right1])
    if left2 or right2:
        rows.append([left2, right2])
    return rows


class WordCounter:
    """Counts list items as Word does: a level advances, deeper levels restart."""

    def __init__(self):
        self.count = {}

    def render(self, level):
        count = dict(self.count)
        count[level] = count.get(level, 0) + 1
        for deeper in range(level + 1, len(LEVELS)):
            count.pop(deeper, None)
        fmt, text = LEVELS[level]
        if fmt == "bullet":
            return text, count

        def value(l):
            n = count.get(l, 1)
            f = LEVELS[l][0]
            if f == "upperRoman":
                return ROMAN[n - 1] if n <= len(ROMAN) else "?"
            if f == "lowerLetter":
                return VIET_LETTERS[(n - 1) % len(VIET_LETTERS)]
            return str(n)

        return re.sub(r"%(\d)", lambda m: value(int(m.group(1)) - 1), text), count


def numbered(line, counter, article_counter):
    """(level or None, text without marker). Uses numbering only when Word would print this marker."""
    m = ARTICLE.match(line)
    if m:
        if int(m.group(1)) == article_counter[0] + 1:
            article_counter[0] += 1
            return ("article", line[m.end():])
        return (None, line)
    for level, rx in MARKER:
        m = rx.match(line)
        if not m:
            continue
        literal = line[:m.end()].rstrip()
        rendered, count = counter.render(level)
        if rendered == literal:
            counter.count = count
            return (level, line[m.end():])
        return (None, line)
    return (None, line)


def xml_text(s):
    return html.escape(s, quote=False)


def run(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>'


def runs_with_bold(line):
    """`**bold**` marks in the corpus text become bold runs."""
    parts = re.split(r"(\*\*)", line)
    out, bold = [], False
    for p in parts:
        if p == "**":
            bold = not bold
        elif p:
            out.append(run(p, bold))
    return "".join(out)


def paragraph(line, num=None, breaks=None):
    ppr = ""
    if num is not None:
        num_id, ilvl = num
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    if breaks:
        body = "<w:r><w:br/></w:r>".join(runs_with_bold(l) for l in breaks)
    else:
        body = runs_with_bold(line)
    return f"<w:p>{ppr}{body}</w:p>"


def numbering_xml():
    lvls = []
    for i, (fmt, text) in enumerate(LEVELS):
        lvls.append(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val="{text}"/><w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl>')
    article = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
               '<w:lvlText w:val="Điều %1."/><w:suff w:val="space"/><w:lvlJc w:val="left"/></w:lvl>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>'
            f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>{article}</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def body_blocks(body):
    """Yields ("p", line, num) and ("br", lines) for the recipients block."""
    counter, article = WordCounter(), [0]
    i = 0
    while i < len(body):
        line = body[i]
        if line.startswith("Nơi nhận"):
            block = [line]
            i += 1
            while i < len(body) and body[i].startswith(("-", "+")):
                block.append(body[i]); i += 1
            yield ("br", block)
            continue
        level, text = numbered(line, counter, article)
        if level == "article":
            yield ("p", text, (2, 0))
        elif level is not None:
            yield ("p", text, (1, level))
        else:
            yield ("p", line, None)
        i += 1


def make_docx(lines, path):
    header, body = split_document(lines)
    parts = []
    rows = header_table(header)
    if rows:
        trs = []
        for left, right in rows:
            cells = []
            for cell in (left, right):
                ps = "".join(paragraph(l) for l in cell) or "<w:p/>"
                cells.append(f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{ps}</w:tc>')
            trs.append(f"<w:tr>{''.join(cells)}</w:tr>")
        parts.append('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr>'
                     '<w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>'
                     + "".join(trs) + "</w:tbl>")
    for block in body_blocks(body):
        if block[0] == "br":
            parts.append(paragraph(None, breaks=block[1]))
        else:
            _, text, num = block
            parts.append(paragraph(text, num) if (text or num) else "<w:p/>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
                f'<w:body>{"".join(parts)}<w:sectPr/></w:body></w:document>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                           ("word/_rels/document.xml.rels", doc_rels), ("word/document.xml", document),
                           ("word/numbering.xml", numbering_xml())]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def html_text(line):
    """Escaped text; some letters as numeric entities and quotes as named ones, as portals write them."""
    s = html.escape(line, quote=False)
    s = s.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("ế", "&#7871;")
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s).replace("**", "")


def make_html(lines, path, title):
    header, body = split_document(lines)
    out = ['<!DOCTYPE html>', '<html lang="vi">', "<head>", '<meta charset="utf-8">',
           f"<title>{html.escape(title)} - Cổng thông tin điện tử</title>",
           "<style>body{font-family:Arial} .menu li{display:inline}</style>",
           "<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>",
           "</head>", "<body>",
           '<header class="site-header"><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ</div>',
           '<nav><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>'
           '<li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li></ul></nav></header>',
           '<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/van-ban">Văn bản chỉ đạo điều hành</a></div>',
           '<div class="container"><main id="content"><article class="van-ban">']
    rows = header_table(header)
    if rows:
        out.append('<table class="header" width="100%">')
        for left, right in rows:
            cells = ["<td>" + "<br>".join(html_text(l) for l in cell) + "</td>" for cell in (left, right)]
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
    # Body lines as printed (markers included): pages carry the text, not Word numbering.
    i = 0
    while i < len(body):
        line = body[i]
        if line.startswith("Nơi nhận"):
            block = [line]
            i += 1
            while i < len(body) and body[i].startswith(("-", "+")):
                block.append(body[i]); i += 1
            out.append("<p>" + "<br>\n".join(html_text(l) for l in block) + "</p>")
            continue
        if line:
            tag = "h2" if re.match(r"^(KẾ HOẠCH|QUYẾT ĐỊNH)$", line) else "p"
            out.append(f"<{tag}>{html_text(line)}</{tag}>")
        i += 1
    out += ["</article></main>",
            '<aside class="sidebar"><h3>Văn bản liên quan</h3><ul>'
            '<li><a href="/vb/1">Kế hoạch số 12/KH-UBND</a></li><li><a href="/vb/2">Quyết định số 34/QĐ-UBND</a></li>'
            '<li><a href="/vb/3">Công văn số 56/UBND-VX</a></li></ul></aside></div>',
            '<footer><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh. Địa chỉ: số 1 đường Trần Hưng Đạo.</p>'
            "<p>&copy; Bản quyền thuộc Cổng thông tin điện tử.</p></footer>",
            '<script src="/js/app.js"></script>', "</body>", "</html>"]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def iconv(text, enc):
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", enc + "//TRANSLIT"], input=text.encode("utf-8"),
                       capture_output=True, check=True)
    return r.stdout


# VNI-Windows: letters written alone, and the mark byte after a vowel (as Windows-1252 characters).
VNI_ALONE = {"ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö", "đ": "ñ", "Đ": "Ñ", "ỉ": "æ", "Ỉ": "Æ", "ĩ": "ó", "Ĩ": "Ó",
             "ị": "ò", "Ị": "Ò", "ỵ": "î", "Ỵ": "Î", "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í"}
TONES = {"\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
CIRC = {None: "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
BREVE = {None: "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}


def vni_char(ch):
    if ch in VNI_ALONE:
        return VNI_ALONE[ch]
    d = unicodedata.normalize("NFD", ch)
    base, marks = d[0], d[1:]
    if not marks or base.lower() not in "aeiouy":
        return ch
    shape = next((m for m in marks if m in "\u0302\u0306\u031b"), None)
    tone = next((m for m in marks if m in TONES), None)
    upper = base.isupper()
    if shape == "\u031b":  # horn: ơ, ư are single letters, the tone follows
        letter = VNI_ALONE[unicodedata.normalize("NFC", base + shape)]
        mark = TONES[tone] if tone else ""
    elif shape == "\u0302":
        letter, mark = base, CIRC[tone]
    elif shape == "\u0306":
        letter, mark = base, BREVE[tone]
    else:
        letter, mark = base, TONES.get(tone, "")
    return letter + (mark.upper() if upper else mark)


def vni(text):
    return "".join(vni_char(c) for c in unicodedata.normalize("NFC", text)).encode("cp1252", errors="replace")


def windows1258(text):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        tones = "".join(c for c in d if c in TONES)
        try:
            out += base.encode("cp1258") + tones.encode("cp1258")
        except UnicodeEncodeError:
            out += iconv(ch, "CP1258")
    return bytes(out)


def main(argv):
    corpus = pathlib.Path(argv[1]) if len(argv) > 1 else ROOT / "Corpus"
    out = pathlib.Path(argv[2]) if len(argv) > 2 else corpus / "formats"
    out.mkdir(parents=True, exist_ok=True)
    for src in sorted(corpus.glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        lines = clean_lines(text)
        stem = src.stem
        title = next((l for l in lines if l), stem)
        make_docx(lines, out / f"{stem}.docx")
        make_html(lines, out / f"{stem}.html", title)
        (out / f"{stem}.tcvn3.txt").write_bytes(iconv(text, "TCVN5712-1"))
        (out / f"{stem}.viscii.txt").write_bytes(iconv(text, "VISCII"))
        (out / f"{stem}.vni.txt").write_bytes(vni(text))
        (out / f"{stem}.windows-1258.txt").write_bytes(windows1258(text))
        print("wrote", stem, "(docx, html, tcvn3, vni, viscii, windows-1258)")


if __name__ == "__main__":
    main(sys.argv)
