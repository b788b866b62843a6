import VanBanBlocks
import VanBanModel
import VanBanText

/// Segments a plan's clean lines into the form of Nghị định 30/2020/NĐ-CP:
/// header, type line and title, preamble, numbered body, closing, `Nơi nhận`,
/// signature, and attachments issued `kèm theo`.
///
/// Never throws: what it cannot read becomes `warnings`.
public enum DocumentParser {
    struct Line {
        var text: String
        var number: Int
        var blankBefore: Bool
        var folded: String
        /// A whole paragraph (Markdown, a table cell): never joined to the line before.
        var isWhole = false
        /// Written as a heading (wholly bold): a hint.
        var isHeading = false
        /// A data table standing here (text empty).
        var table: Table?
    }

    /// Parses clean lines (from `TextCleaner`), one block per line. `warnings` from earlier stages are carried over.
    public static func parse(lines rawLines: [String], source: Source, warnings: [Warning] = []) -> ParsedDocument {
        parse(blocks: LineBlockReader.read(lines: rawLines), source: source, warnings: warnings)
    }

    /// Parses the blocks a reader made. The header table and the closing row
    /// (`Nơi nhận` | signature) are read cell by cell as those parts; other
    /// tables stay tables (rows with markers become outline nodes).
    public static func parse(blocks: [Block], source: Source, warnings: [Warning] = []) -> ParsedDocument {
        var doc = Document(source: source)
        doc.warnings = warnings
        var lines: [Line] = []
        lines.reserveCapacity(blocks.count)
        var sawTypeLine = false
        // Portal text before the header table (site notices, `Đang tải văn bản...`, the
        // portal's own metadata table) is never header or title: kept as warnings.
        let headerTable = blocks.prefix(60).firstIndex { b in
            if case let .table(t) = b { return FormTables.headerRows(t) != nil }
            return false
        }
        var portal: [String] = []
        for b in blocks.prefix(headerTable ?? 0) {
            switch b {
            case let .paragraph(p): portal.append(p.text)
            case let .table(t): portal += t.rowTexts
            }
        }
        if !portal.isEmpty {
            doc.warnings.append(Warning(.portalText, "text of the portal page before the document: " + portal.filter { !$0.isEmpty }.joined(separator: " / "),
                                        line: blocks.first?.line))
        }
        var trailer: [String] = []
        for var b in blocks.dropFirst(headerTable ?? 0) {
            // Portal text after the document: everything from its first notice on.
            let folded: String
            if case let .paragraph(p) = b {
                folded = Folding.words(p.text)
                if !trailer.isEmpty || (sawTypeLine && PortalText.isPortalText(folded: folded)) {
                    trailer.append(p.text)
                    continue
                }
            } else {
                folded = ""
            }
            if !trailer.isEmpty {
                if case let .table(t) = b { trailer += t.rowTexts }
                continue
            }
            // A header table that also holds the portal's rows (metadata above the header,
            // notices in its cells): the header rows alone, without portal cells.
            var isHeader = false
            if case let .table(t) = b, !sawTypeLine, let rows = FormTables.headerRows(t) {
                var portalCells = t.rows[..<rows.lowerBound].map(Table.text(ofRow:))
                let header = t.rows[rows].map { row in
                    row.filter { cell in
                        guard let first = cell.lines.first, PortalText.isPortalCell(folded: Folding.words(first)) else { return true }
                        portalCells.append(cell.text)
                        return false
                    }
                }
                if !portalCells.filter({ !$0.isEmpty }).isEmpty {
                    doc.warnings.append(Warning(.portalText, "text of the portal page before the document: "
                                                    + portalCells.filter { !$0.isEmpty }.joined(separator: " / "), line: t.line))
                }
                b = .table(Table(rows: header, line: t.line))
                isHeader = true
            }
            switch b {
            case let .paragraph(p):
                var l = Line(text: p.text, number: p.line, blankBefore: p.blankBefore, folded: folded)
                l.isWhole = p.isWholeParagraph
                l.isHeading = p.isHeading
                if !sawTypeLine, typeLine(l) != nil { sawTypeLine = true }
                lines.append(l)
            case let .table(t):
                let role = isHeader ? .header : FormTables.role(of: t, beforeTypeLine: !sawTypeLine)
                switch role {
                case .header, .closing:
                    // The form's cells read as the lines of that part.
                    var texts = role == .header ? FormTables.headerLines(t) : FormTables.closingLines(t)
                    if role == .header {
                        // A bare type line caught in a header cell (`Số: ...` / `KẾ HOẠCH`
                        // in one column) comes after the header, where the form puts it.
                        let isType = { (s: String) in
                            typeLine(Line(text: s, number: t.line, blankBefore: false, folded: Folding.words(s)))?.rest.isEmpty == true
                        }
                        let types = texts.filter(isType)
                        if !types.isEmpty, !sawTypeLine { texts = texts.filter { !isType($0) } + types }
                    }
                    for (k, text) in texts.enumerated() {
                        var l = Line(text: text, number: t.line, blankBefore: k == 0, folded: Folding.words(text))
                        l.isWhole = true
                        lines.append(l)
                    }
                case .data:
                    var l = Line(text: "", number: t.line, blankBefore: true, folded: "")
                    l.isWhole = true
                    l.table = t
                    lines.append(l)
                }
            }
        }
        if !trailer.isEmpty {
            doc.warnings.append(Warning(.portalText, "text of the portal page after the document: " + trailer.joined(separator: " / "), line: nil))
        }
        if lines.isEmpty {
            doc.warnings.append(Warning(.emptyInput, "the input holds no text", line: nil))
            return ParsedDocument(document: doc)
        }
        var parser = Segmenter(lines: lines)
        return parser.run(doc)
    }
}

/// Type line: `KẾ HOẠCH` alone or followed by the title; the type words upper case.
func typeLine(_ line: DocumentParser.Line) -> (kind: DocumentKind, rest: String)? {
    guard line.table == nil, let kind = DocumentTypes.kind(prefixOf: line.folded), kind.administrative || kind.name == "Kết luận" else { return nil }
    // The type words as printed (same number of words as the kind's name).
    let n = kind.name.split(separator: " ").count
    let toks = Words.tokens(line.text)
    guard toks.count >= n else { return nil }
    let head = toks[0..<n].joined(separator: " ")
    guard Words.isAllCaps(head), !head.hasSuffix(":") else { return nil }
    let rest = toks[n...].joined(separator: " ")
    if rest.hasPrefix(":") { return nil } // `QUYẾT ĐỊNH:` is the decision formula
    return (kind, rest)
}

struct Segmenter {
    typealias Line = DocumentParser.Line
    let lines: [Line]
    var i = 0
    var warnings: [Warning] = []

    init(lines: [Line]) { self.lines = lines }

    mutating func run(_ input: Document) -> ParsedDocument {
        var doc = input
        // 1. Header and type line.
        let searchLimit = min(lines.count, 40)
        var typeIndex: Int?
        for k in 0..<searchLimit where typeLine(lines[k]) != nil {
            // A type line inside the header zone comes before any preamble clause.
            typeIndex = k; break
        }
        var headerEnd = typeIndex ?? 0
        if typeIndex == nil {
            // No type line: the header is whatever header lines lead the text.
            while headerEnd < searchLimit, isHeaderLine(lines[headerEnd]) { headerEnd += 1 }
        }
        readHeader(lines[0..<headerEnd], into: &doc)
        i = headerEnd
        if let t = typeIndex {
            let (kind, rest) = typeLine(lines[t])!
            doc.documentType = kind.code
            i = t + 1
            doc.title = readTitle(firstPart: rest)
        } else if i < lines.count, lines[i].folded.hasPrefix("v v ") {
            doc.title = String(lines[i].text.dropFirst(4)).trimmingLeadingSpaces()
            i += 1
        }
        if doc.documentType == nil, let sym = doc.symbol { doc.documentType = DocumentTypes.code(fromSymbol: sym) }
        if typeIndex == nil && doc.number == nil && doc.symbol == nil && doc.issuedDate == nil {
            warnings.append(Warning(.noHeader, "no header found (no 'Số:' line, date line or type line); header fields are null", line: nil))
        }

        // 2. Body of the main document, then attachments.
        var result = ParsedDocument(document: doc)
        let main = readBody(isAttachment: false)
        result.document.outline = main.outline
        result.preamble = main.preamble
        result.closing = main.closing
        result.document.preamble = main.preamble
        result.document.closing = main.closing
        result.document.recipients = main.recipients ?? []
        result.document.archive = main.archive
        result.document.signature = main.signature
        if main.recipients == nil {
            warnings.append(Warning(.noRecipients, "no 'Nơi nhận:' block found", line: nil))
        }
        if main.signature == nil {
            warnings.append(Warning(.noSignature, "no signature block found", line: nil))
        }
        while i < lines.count {
            let start = i
            var code: String?
            var rest: String
            if let (kind, r) = typeLine(lines[i]) {
                code = kind.code; rest = r
            } else if let r = appendixHeading(lines[i]) {
                rest = r
            } else {
                break
            }
            i += 1
            let title = readTitle(firstPart: rest)
            let body = readBody(isAttachment: true)
            result.document.attachments.append(Attachment(documentType: code, title: title, preamble: body.preamble, outline: body.outline,
                                                            closing: body.closing))
            result.attachmentPreambles.append(body.preamble)
            if i == start { i += 1 } // always advances
        }
        if main.outline.isEmpty && result.document.attachments.allSatisfy({ $0.outline.isEmpty }) {
            warnings.append(Warning(.noOutline, "no numbered heading found; the body is kept as preamble paragraphs", line: nil))
        }
        result.document.warnings.append(contentsOf: warnings)
        return result
    }

    // MARK: Header

    func isHeaderLine(_ l: Line) -> Bool {
        numberValue(l) != nil || dateParts(l.text) != nil || isMotto(l.folded) || isSeparator(l.text)
            || (Words.isAllCaps(l.text) && MarkerScanner.marker(l.text) == nil)
    }

    func isMotto(_ folded: String) -> Bool {
        Bytes.contains(folded, "cong hoa xa hoi chu nghia") || (Bytes.contains(folded, "doc lap") && Bytes.contains(folded, "hanh phuc"))
    }

    func isSeparator(_ s: String) -> Bool { FormTables.isRule(s) }

    /// `Số: 144 /KH-UBND` → ("144/KH-UBND", remainder of the line).
    func numberValue(_ l: Line) -> (value: String, remainder: String)? {
        guard l.folded.hasPrefix("so ") || l.folded == "so" else { return nil }
        var s = l.text.dropFirst(2)
        while s.first == " " || s.first == ":" { s = s.dropFirst() }
        let toks = Words.tokens(String(s))
        var value = ""
        var k = 0
        while k < toks.count {
            let t = toks[k]
            // `3210/QĐ - U B ND`: capital fragments OCR split off the symbol join it again.
            let lastPiece = value.split(whereSeparator: { $0 == "/" || $0 == "-" }).last.map(String.init) ?? ""
            let fragment = t.count <= 3 && t.allSatisfy({ $0.isUppercase }) && lastPiece.count <= 2 && !lastPiece.isEmpty
                && lastPiece.allSatisfy({ $0.isUppercase }) && !value.hasSuffix(lastPiece + lastPiece) && value.contains("/")
            if value.isEmpty || value.hasSuffix("/") || value.hasSuffix("-") || t.hasPrefix("/") || t.hasPrefix("-") || fragment {
                value += t; k += 1
            } else { break }
        }
        guard value.contains("/") || value.contains("-") || value.first?.isNumber == true else { return nil }
        return (value, toks[k...].joined(separator: " "))
    }

    /// `Phú Mỹ, ngày 16 tháng 4 năm 2024` → place and ISO date with blank parts dropped.
    func dateParts(_ text: String) -> (place: String?, date: String?)? {
        let toks = Words.tokens(text)
        guard let ngay = toks.firstIndex(where: { $0.lowercased() == "ngày" }),
              let nam = toks.lastIndex(where: { $0.lowercased() == "năm" }), nam > ngay else { return nil }
        let thang = toks[ngay...].firstIndex(where: { $0.lowercased() == "tháng" })
        func number(_ idx: Int?) -> Int? {
            guard let idx, idx + 1 < toks.count else { return nil }
            // `tháng 0 6`: a zero OCR split from its digit.
            if toks[idx + 1] == "0", idx + 2 < toks.count, toks[idx + 2].count == 1, let d = Int(toks[idx + 2]) { return d }
            let t = toks[idx + 1].filter { $0.isNumber }
            return t.isEmpty || toks[idx + 1].count > t.count + 1 ? nil : Int(t)
        }
        guard let year = number(nam), year >= 1900, year <= 2200 else { return nil }
        let month = number(thang).flatMap { (1...12).contains($0) ? $0 : nil }
        let day = number(ngay).flatMap { (1...31).contains($0) ? $0 : nil }
        var iso = String(year)
        if let month {
            iso += "-" + pad(month)
            if let day { iso += "-" + pad(day) }
        }
        var placeToks = toks[..<ngay].joined(separator: " ")
        while placeToks.hasSuffix(",") || placeToks.hasSuffix(" ") { placeToks.removeLast() }
        return (placeToks.isEmpty ? nil : placeToks, iso)
    }

    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    mutating func readHeader(_ header: ArraySlice<Line>, into doc: inout Document) {
        var issuerLines: [String] = []
        for var l in header {
            // Letters OCR spaced apart (`ỦY B AN NHÂN D Â N`, `T hành phố Hồ Chí M inh`).
            let repaired = OCRSpacing.repair(l.text)
            if repaired != l.text { l.text = repaired; l.folded = Folding.words(repaired) }
            if let (value, remainder) = numberValue(l) {
                setNumber(value, line: l.number, into: &doc)
                if let d = dateParts(remainder) { doc.place = d.place; doc.issuedDate = d.date }
                continue
            }
            if Bytes.contains(l.folded, "ngay"), let d = dateParts(l.text) {
                doc.place = d.place; doc.issuedDate = d.date
                continue
            }
            if isSeparator(l.text) { continue }
            if isMotto(l.folded) {
                // Two columns flattened onto one line: issuer on the left of the motto.
                if let r = l.text.firstRange(of: "CỘNG HÒA") ?? l.text.firstRange(of: "CỘNG HOÀ") ?? l.text.firstRange(of: "Độc lập"),
                   r.lowerBound != l.text.startIndex {
                    issuerLines.append(String(l.text[..<r.lowerBound]).trimmingSpaces())
                }
                continue
            }
            if Words.isAllCaps(l.text) { issuerLines.append(l.text) } else {
                warnings.append(Warning(.unreadHeaderLine, "a header line that is no issuer, number or date: \(l.text)", line: l.number))
            }
        }
        doc.issuer = issuer(from: issuerLines)
    }

    mutating func setNumber(_ value: String, line: Int, into doc: inout Document) {
        var v = value
        while v.hasSuffix(".") || v.hasSuffix(",") { v.removeLast() }
        if v.hasPrefix("/") || v.hasPrefix("-") {
            doc.number = nil
            doc.symbol = String(v.dropFirst())
            warnings.append(Warning(.blankNumber, "the number is blank in 'Số: \(value)'; number is null", line: line))
        } else {
            doc.number = v
            doc.symbol = Self.symbol(of: v)
        }
    }

    static func symbol(of number: String) -> String? { DocumentNumbers.symbol(of: number) }

    static let issuerHeads: [String] = ["uy ban", "ubnd", "so ", "bo ", "ban ", "phong ", "trung tam", "hoi dong", "hoi ", "dang ",
                                        "tinh uy", "huyen uy", "thanh uy", "cong an", "lien doan", "doan ", "truong ", "chi cuc",
                                        "cuc ", "van phong", "bcd", "mat tran", "hdnd", "tong cuc", "vien "]

    func issuer(from lines: [String]) -> Issuer? {
        guard !lines.isEmpty else { return nil }
        var bodies: [String] = []
        for raw in lines {
            // A rule drawn on the same line (`ỦY BAN NHÂN DÂN TỈNH X -------`) is no part of the name.
            let l = String(raw.reversed().drop { "-_–—=* ".contains($0) }.reversed())
            guard !l.isEmpty else { continue }
            let f = Folding.words(l) + " "
            if bodies.isEmpty || Self.issuerHeads.contains(where: { f.hasPrefix($0) }) {
                bodies.append(l)
            } else {
                bodies[bodies.count - 1] += " " + l
            }
        }
        guard let last = bodies.last else { return nil }
        let name = Words.sentenceCase(last)
        let parent = bodies.count >= 2 ? Words.sentenceCase(bodies[bodies.count - 2]) : nil
        return Issuer(name: name, parent: parent)
    }

    // MARK: Title

    /// The title: the rest of the type line and the lines after it, up to a blank
    /// line, a preamble clause, a heading, or the authority line of a Quyết định.
    mutating func readTitle(firstPart: String) -> String? {
        var parts: [String] = firstPart.isEmpty ? [] : [firstPart]
        while i < lines.count {
            let l = lines[i]
            if l.table != nil || appendixHeading(l) != nil { break }
            if isSeparator(l.text) { i += 1; if parts.isEmpty { continue } else { break } }
            if !parts.isEmpty && l.blankBefore { break }
            // The first title line may itself open with `Triển khai` / `Thực hiện`; only `Căn cứ` starts a preamble there.
            if MarkerScanner.marker(l.text) != nil || l.folded.hasPrefix("can cu ") { break }
            if !parts.isEmpty && isPreambleCue(l.folded) { break }
            // `(Kèm theo ...)`: the attachment's note, read as the first line of its preamble.
            if l.text.hasPrefix("(") && (l.folded.hasPrefix("kem theo") || l.folded.hasPrefix("ban hanh kem theo")) { break }
            if !parts.isEmpty && Words.isAllCaps(l.text) && FormCues.authorityHeads.contains(where: { (l.folded + " ").hasPrefix($0) }) {
                break
            }
            if parts.count >= 6 { break }
            parts.append(l.text)
            i += 1
        }
        let t = parts.joined(separator: " ")
        return t.isEmpty ? nil : t
    }

    /// `PHỤ LỤC`, `PHỤ LỤC II`, `Phụ lục 01` on a line of its own (upper case or
    /// a heading): the rest of the line after the word and its number (the
    /// start of the appendix title), else nil.
    func appendixHeading(_ l: Line) -> String? {
        guard l.table == nil, l.folded.hasPrefix("phu luc"), l.text.count <= 160 else { return nil }
        guard Words.isAllCaps(l.text) || l.isHeading || l.folded.count <= 14 else { return nil }
        var toks = Words.tokens(l.text).dropFirst(2)
        if let n = toks.first, n.allSatisfy({ $0.isNumber || "IVXLivxl.:".contains($0) }) { toks = toks.dropFirst() }
        if toks.first?.lowercased() == "số", let n = toks.dropFirst().first, n.allSatisfy({ $0.isNumber || $0 == "." }) { toks = toks.dropFirst(2) }
        var rest = toks.joined(separator: " ")
        while rest.hasPrefix(":") || rest.hasPrefix("-") || rest.hasPrefix(" ") || rest.hasPrefix("–") { rest.removeFirst() }
        return rest
    }

    func isPreambleCue(_ folded: String) -> Bool {
        FormCues.preamble.contains { folded.hasPrefix($0 + " ") }
    }

    // MARK: Body

    struct Body {
        var outline: [OutlineNode] = []
        var preamble: [Paragraph] = []
        var closing: [Paragraph] = []
        var recipients: [String]?
        var archive: String?
        var signature: Signature?
    }

    enum State { case preamble, body, closing, tail }

    mutating func readBody(isAttachment: Bool) -> Body {
        var body = Body()
        var builder = OutlineBuilder()
        var state = State.preamble
        var pending: Paragraph?   // the paragraph being built, for joining wrapped lines
        var pendingTarget = State.preamble

        func flush(_ body: inout Body, _ builder: inout OutlineBuilder) {
            guard let p = pending else { return }
            switch pendingTarget {
            case .preamble: body.preamble.append(p)
            case .body: builder.addParagraph(p)
            case .closing, .tail: body.closing.append(p)
            }
            pending = nil
        }

        let bodyStart = i
        while i < lines.count {
            let l = lines[i]
            // An appendix (`PHỤ LỤC`) after the signature, or inside an attachment, starts the next attachment.
            if appendixHeading(l) != nil, isAttachment ? i > bodyStart : (state == .tail || state == .closing || body.signature != nil) {
                break
            }
            if let t = l.table {
                flush(&body, &builder)
                if state != .tail {
                    let before = builder.nodeCount
                    if builder.hasOpenNode || TableRows.hasRowMarkers(t) {
                        builder.addTable(t, line: l.number)
                    } else {
                        // A table before any numbered heading: its rows are preamble text.
                        for text in t.rowTexts where !text.isEmpty {
                            body.preamble.append(Paragraph(marker: nil, text: text, line: l.number))
                        }
                    }
                    if builder.nodeCount > before { state = .body }
                } else {
                    warnings.append(Warning(.tableOutsideAppendix, "a table after the signature, outside any appendix (no PHỤ LỤC heading), is not read", line: l.number))
                }
                i += 1
                continue
            }
            // An attachment starts at a type line after the signature block or Nơi nhận,
            // or at a type line followed by `(Kèm theo ...)`.
            if typeLine(l) != nil && (state == .tail || followedByAttachmentNote(i) || (state != .preamble && Words.isAllCaps(l.text) && l.text.count <= 40 && isAttachment == false && body.recipients != nil)) {
                break
            }
            if state == .tail && (MarkerScanner.marker(l.text) != nil) && typeLine(l) == nil && body.signature != nil {
                // Text after the signature that is numbered again: an unlabelled attachment; stop here.
                break
            }
            if l.folded.hasPrefix("noi nhan") {
                flush(&body, &builder)
                readRecipients(into: &body)
                state = .tail
                continue
            }
            if isAuthorityLine(l.text) || (state != .preamble && isPositionLine(l)) {
                flush(&body, &builder)
                if body.signature == nil { body.signature = readSignature() } else { _ = readSignature() }
                state = .tail
                continue
            }
            if state == .tail {
                if isDebris(l) {
                    warnings.append(Warning(.ocrDebris, "stray line '\(l.text)' dropped", line: l.number))
                } else if body.signature == nil, Words.isAllCaps(l.text), l.text.count <= 60 {
                    body.signature = readSignature()
                    continue
                } else if !isSeparator(l.text) {
                    warnings.append(Warning(.textAfterSignature, "text after the signature, in no appendix: \(l.text)", line: l.number))
                }
                i += 1
                continue
            }
            if isSeparator(l.text) { i += 1; continue } // `-------` rules under headings
            if isDebris(l) {
                warnings.append(Warning(.ocrDebris, "stray line '\(l.text)' dropped", line: l.number))
                i += 1
                continue
            }
            // A hard-wrapped paragraph: a line that starts in lower case continues the previous one.
            if var p = pending, !l.isWhole, continues(l, after: p.text) {
                p.text += " " + l.text
                pending = p
                i += 1
                continue
            }
            if state != .tail, let m = MarkerScanner.marker(l.text) {
                if state == .closing && builder.isEmpty { state = .body }
                flush(&body, &builder)
                builder.add(m, line: l.number)
                state = .body
                i += 1
                continue
            }
            flush(&body, &builder)
            if state == .preamble && l.folded == "quyet dinh" { i += 1; continue } // the decision formula
            if state == .body && l.folded.hasPrefix("tren day la") { state = .closing }
            let para: Paragraph
            if let b = MarkerScanner.bullet(l.text) {
                para = Paragraph(marker: b.marker, text: b.text, line: l.number)
            } else {
                para = Paragraph(marker: nil, text: l.text, line: l.number)
            }
            pending = para
            pendingTarget = state
            if state == .body && (l.text.hasSuffix("./.") || l.text.hasSuffix("/.")) {
                flush(&body, &builder)
                state = .closing
            }
            i += 1
        }
        flush(&body, &builder)
        body.outline = builder.finish()
        warnings.append(contentsOf: builder.warnings)
        return body
    }

    func followedByAttachmentNote(_ k: Int) -> Bool {
        var j = k + 1
        while j < min(lines.count, k + 5) {
            let f = lines[j].folded
            if lines[j].text.hasPrefix("(") && (f.hasPrefix("kem theo") || f.hasPrefix("ban hanh kem theo")) { return true }
            j += 1
        }
        return false
    }

    /// A wrapped line: starts in lower case (not a lettered heading), and the
    /// previous text does not end a sentence and is not an upper-case line.
    func continues(_ l: Line, after previous: String) -> Bool {
        guard Words.startsLowercase(l.text), MarkerScanner.marker(l.text) == nil else { return false }
        guard let last = previous.unicodeScalars.last else { return false }
        if ".;:!?".unicodeScalars.contains(last) { return false }
        if Words.isAllCaps(previous) { return false }
        return true
    }

    // MARK: Nơi nhận and signature

    mutating func readRecipients(into body: inout Body) {
        var recipients: [String] = []
        let first = lines[i]
        var rest = first.text
        if let colon = rest.firstIndex(of: ":") { rest = String(rest[rest.index(after: colon)...]).trimmingLeadingSpaces() } else { rest = "" }
        i += 1
        var items: [String] = []
        if !rest.isEmpty { items.append(rest) }
        while i < lines.count {
            let l = lines[i]
            if MarkerScanner.bullet(l.text) != nil || l.folded.hasPrefix("luu ") || l.folded == "luu" {
                items.append(l.text); i += 1
            } else if !Words.isAllCaps(l.text), l.text.hasSuffix(";") || (l.text.hasSuffix(".") && l.text.utf8.count < 120),
                      Words.tokens(l.text).count <= 14, MarkerScanner.marker(l.text) == nil {
                items.append(l.text); i += 1 // recipients written without a dash
            } else { break }
        }
        var opensSubList = false
        for item in items {
            let bullet = MarkerScanner.bullet(item)
            var t = bullet?.text ?? item
            while let last = t.last, last == ";" || last == "." || last == "," || last == " " { t.removeLast() }
            if t.isEmpty { continue }
            let f = Folding.words(t)
            if f == "luu" || f.hasPrefix("luu ") {
                body.archive = t
            } else if opensSubList, bullet?.marker == "+", let last = recipients.last {
                // `- VP UBND tỉnh:` / `+ LĐVP, KGVX;`: the sub-list belongs to the line that opens it.
                recipients[recipients.count - 1] = last.hasSuffix(":") ? last + " " + t : last + "; " + t
            } else {
                recipients.append(t)
                opensSubList = t.hasSuffix(":")
            }
        }
        body.recipients = recipients
    }

    func isAuthorityLine(_ text: String) -> Bool {
        for a in FormCues.authorities where text.hasPrefix(a + " ") {
            return Words.isAllCaps(text)
        }
        return false
    }

    func isPositionLine(_ l: Line) -> Bool {
        Words.isAllCaps(l.text) && FormCues.positions.contains(l.folded)
    }

    /// Reads `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` / name, starting at the current line.
    mutating func readSignature() -> Signature {
        var sig = Signature()
        let first = lines[i].text
        var caps: [String] = []
        if isAuthorityLine(first) {
            let a = FormCues.authorities.first { first.hasPrefix($0 + " ") }!
            sig.authority = a
            sig.onBehalfOf = String(first.dropFirst(a.count)).trimmingLeadingSpaces()
        } else {
            caps.append(first)
        }
        i += 1
        while i < lines.count {
            let l = lines[i]
            if l.folded.hasPrefix("noi nhan") || typeLine(l) != nil || l.table != nil || appendixHeading(l) != nil { break }
            // `(Đã ký)`, `(ký, đóng dấu)`: not part of the block.
            if l.text.hasPrefix("(") || l.folded == "da ky" { i += 1; continue }
            // `TM. ỦY BAN NHÂN DÂN` / `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`: the signer's own, inner authority counts.
            if isAuthorityLine(l.text) {
                if sig.signer == nil, let a = FormCues.authorities.first(where: { l.text.hasPrefix($0 + " ") }) {
                    sig.authority = a
                    sig.onBehalfOf = String(l.text.dropFirst(a.count)).trimmingLeadingSpaces()
                    caps.removeAll()
                }
                i += 1
                continue
            }
            if Words.isAllCaps(l.text) && !isDebris(l) && l.text.count <= 80 {
                if sig.signer == nil { caps.append(l.text) }
                i += 1
                continue
            }
            if sig.signer == nil, isPersonName(l.text) {
                sig.signer = l.text
                i += 1
                break
            }
            if isDebris(l) || Words.startsLowercase(l.text) {
                warnings.append(Warning(.ocrDebris, "stray line '\(l.text)' dropped", line: l.number))
                i += 1
                continue
            }
            break
        }
        sig.position = caps.first
        return sig
    }

    /// `Lý Minh Châu`: two to six capitalized Vietnamese syllables.
    func isPersonName(_ s: String) -> Bool {
        let toks = Words.tokens(s)
        guard toks.count >= 2 && toks.count <= 6 else { return false }
        for t in toks {
            guard Words.startsUppercase(t), !Words.isAllCaps(t) || t.count == 1 else { return false }
            guard t.allSatisfy({ $0.isLetter }), Syllable.isValid(Folding.key(String(t))) else { return false }
        }
        return true
    }

    // MARK: Debris

    /// A short stray line from scanning or stamps: `KIẾN GI.`, `hamb`, `/ *Ullg*`.
    func isDebris(_ l: Line) -> Bool {
        guard l.table == nil, !l.text.isEmpty, l.text.utf8.count <= 80 else { return false }
        let toks = Words.tokens(l.text)
        guard toks.count <= 3, l.text.count <= 20 else { return false }
        if MarkerScanner.marker(l.text) != nil || MarkerScanner.bullet(l.text) != nil { return false }
        if l.text.contains(":") || l.text.contains(where: { $0.isNumber }) { return false }
        if FormCues.structural.contains(where: { l.folded.hasPrefix($0) }) { return false }
        if isAuthorityLine(l.text) || FormCues.positions.contains(l.folded) { return false }
        if typeLine(l) != nil { return false }
        var invalid = false
        for t in toks {
            let letters = String(t.filter { $0.isLetter })
            if letters.isEmpty { continue }
            if Words.isAllCaps(letters) { continue }
            if !Syllable.isValid(Folding.key(letters)) { invalid = true }
        }
        if invalid { return true }
        if toks.allSatisfy({ !$0.contains(where: { $0.isLetter }) }) { return true }
        return Words.isAllCaps(l.text) && l.text.hasSuffix(".")
    }
}

