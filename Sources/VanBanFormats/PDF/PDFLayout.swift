import VanBanModel
import VanBanText

/// Pages of placed words to the lines and tables the other readers yield.
enum PDFLayout {

    static func items(_ pages: [PageContent]) -> (items: [FormatItem], warnings: [Warning]) {
        // Tables drawn with rules first; the words outside them make lines.
        var tables: [[PageItem]] = []
        var lines: [[VisualLine]] = []
        for (k, page) in pages.enumerated() {
            let ruled = PageLayout.ruledTables(words: page.words, rules: page.rules, page: k + 1)
            tables.append(ruled.tables)
            lines.append(PageLayout.lines(ruled.rest, page: k + 1))
        }
        var warnings: [Warning] = []
        let furniture = Furniture.find(lines)
        if furniture.count > 0 {
            for (p, drop) in furniture.drop { lines[p] = lines[p].enumerated().filter { !drop.contains($0.offset) }.map(\.element) }
            warnings.append(Warning(.pageFurniture, "dropped \(furniture.count) running header, footer and page-number lines of the PDF (pages \(PageList.describe(furniture.pages)))"))
        }
        var flow: [PageItem] = []
        for p in pages.indices {
            let e = Paragraphs.edges(lines[p])
            let center: Double? = lines[p].count >= 3 ? (e.left + e.right) / 2 : pages[p].width / 2
            let page = (tables[p] + PageLayout.columnRegions(lines[p], pageCenter: center)).sorted { $0.top < $1.top }
            flow += page
        }
        var leadWidths: [Int: Double] = [:]
        var items = Paragraphs.build(flow, lines: lines, leadWidths: &leadWidths)
        if pages.contains(where: \.ocr) {
            let n = RomanHeadingRepair.apply(&items, leadWidths: leadWidths) + ArabicHeadingRepair.apply(&items)
            if n > 0 { warnings.append(Warning(.ocr, "\(n) OCR'd heading numbers misread (II. for III., L for I., S. for 5.) were read as the run of numbers around them gives them")) }
        }
        return (items, warnings)
    }
}

/// Running headers and footers (the same text at the top or bottom of most
/// pages, page numbers aside) and page numbers.
enum Furniture {
    struct Found { var drop: [Int: Set<Int>] = [:]; var count = 0; var pages: [Int] = [] }

    static func isPageNumber(_ text: String) -> Bool {
        var folded = Folding.words(text)
        for prefix in ["trang ", "page "] where folded.hasPrefix(prefix) { folded.removeFirst(prefix.count) }
        let parts = folded.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "-" }).filter { $0 != "cua" && $0 != "of" }
        return !parts.isEmpty && parts.count <= 2 && parts.allSatisfy { $0.count <= 3 && $0.allSatisfy(\.isASCIINumber) }
    }

    static func key(_ text: String) -> String {
        String(Folding.words(text).filter { !$0.isASCIINumber })
    }

    static func bigrams(_ s: String) -> Set<String> {
        let letters = Array(s.filter { $0 != " " })
        guard letters.count >= 2 else { return [] }
        return Set((0..<(letters.count - 1)).map { String(letters[$0...($0 + 1)]) })
    }

    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    static func find(_ pages: [[VisualLine]]) -> Found {
        var found = Found()
        guard pages.count >= 2 else { return found }
        // Candidates: the first two and last two lines of each page.
        var candidates: [(page: Int, index: Int, key: String, number: Bool)] = []
        for (p, lines) in pages.enumerated() where !lines.isEmpty {
            var idx = Set([0, lines.count - 1])
            if lines.count > 3 { idx.insert(1); idx.insert(lines.count - 2) }
            for i in idx.sorted() {
                let isEdge = i == 0 || i == lines.count - 1
                candidates.append((p, i, key(lines[i].text), isEdge && isPageNumber(lines[i].text)))
            }
        }
        // The same text on other pages: equal, or (OCR reads it a little differently each time)
        // sharing most of its letter pairs.
        let grams = candidates.map { bigrams($0.key) }
        let needed = max(2, (pages.count + 1) / 2)
        var pagesHit = Set<Int>()
        for (n, c) in candidates.enumerated() {
            var pagesWith = Set<Int>()
            if c.key.count >= 3 {
                for (m, other) in candidates.enumerated() where other.page != c.page && !pagesWith.contains(other.page) {
                    if other.key == c.key { pagesWith.insert(other.page); continue }
                    let (a, b) = (c.key.count, other.key.count)
                    guard abs(a - b) * 4 <= max(a, b) else { continue }
                    if similarity(grams[n], grams[m]) >= 0.75 { pagesWith.insert(other.page) }
                }
            }
            let repeated = pagesWith.count + 1 >= needed && c.key.count >= 3
            guard c.number || repeated else { continue }
            if found.drop[c.page, default: []].insert(c.index).inserted { found.count += 1; pagesHit.insert(c.page + 1) }
        }
        found.pages = pagesHit.sorted()
        return found
    }
}

/// Lines joined into paragraphs by their geometry: a line continues the one
/// above when that one ran to the right edge, this one starts at the left
/// edge (no first-line indent), the gap between them is a line's, and the
/// weight is the same; across a page break likewise. A table that goes on
/// over a page break is one table (a repeated header row is dropped).
enum Paragraphs {
    /// A page's text edges and its usual line pitch (top to top of neighbouring lines).
    struct Edges { var left: Double; var right: Double; var pitch: Double }

    static func edges(_ lines: [VisualLine]) -> Edges {
        guard !lines.isEmpty else { return Edges(left: 0, right: 0, pitch: 0) }
        var lefts: [Int: Int] = [:]
        for l in lines { lefts[Int((l.x0 / 2).rounded()), default: 0] += 1 }
        let left = Double(lefts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key) * 2
        let rights = lines.map(\.x1).sorted()
        let right = rights[min(rights.count - 1, rights.count * 9 / 10)]
        var pitches: [Double] = []
        for (a, b) in zip(lines, lines.dropFirst()) where b.y0 - a.y0 >= 0.5 * a.em { pitches.append(b.y0 - a.y0) }
        pitches.sort()
        return Edges(left: left, right: right, pitch: pitches.isEmpty ? 0 : pitches[pitches.count / 3])
    }

    /// Two or more words and no lower-case letter.
    static func isCapitals(_ text: String) -> Bool {
        text.split(separator: " ").filter { $0.contains(where: \.isLetter) }.count >= 2 && Words.isAllCaps(text)
    }

    static func startsWithMarker(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if "-+•–*".contains(first) { return true }
        let head = text.prefix(8)
        guard let end = head.firstIndex(where: { $0 == "." || $0 == ")" }) else { return false }
        let marker = head[..<end]
        return !marker.isEmpty && (marker.allSatisfy(\.isASCIINumber) || marker.allSatisfy({ "IVXLC".contains($0) }) || (marker.count == 1 && marker.first!.isLetter))
    }

    /// `leadWidths`: for each paragraph item, its first word's width in ems
    /// (what OCR saw of a heading number, whatever letters it read).
    static func build(_ flow: [PageItem], lines: [[VisualLine]], leadWidths: inout [Int: Double]) -> [FormatItem] {
        // Margins are the document's: a last page of three lines says nothing about them.
        let all = self.edges(lines.flatMap { $0 })
        var edges: [Int: Edges] = [:]
        for (p, ls) in lines.enumerated() {
            var e = self.edges(ls)
            if ls.count < 12 { e = Edges(left: all.left, right: all.right, pitch: e.pitch > 0 ? e.pitch : all.pitch) }
            edges[p + 1] = e
        }
        var out: [FormatItem] = []
        var para: [VisualLine] = []
        var lastTable: (columns: [Double], page: Int, firstRow: [[String]])?
        func flush() {
            guard !para.isEmpty else { return }
            if let w = para[0].words.first { leadWidths[out.count] = (w.x1 - w.x0) / max(para[0].em, 1) }
            out.append(.line(joinLines(para)))
            para = []
        }
        for item in flow {
            switch item {
            case let .table(rows, columns, _, _, page):
                flush()
                if let last = lastTable, page == last.page + 1, columns.count == last.columns.count, columns.count > 2,
                   zip(columns, last.columns).allSatisfy({ abs($0 - $1) <= 4 }), case let .table(previous)? = out.last {
                    // The header row printed again on the new page (OCR may read it a little differently).
                    let key = { (row: [[String]]) in Furniture.bigrams(Furniture.key(row.flatMap { $0 }.joined(separator: " "))) }
                    let repeated = rows.first.map { $0 == last.firstRow || Furniture.similarity(key($0), key(last.firstRow)) >= 0.5 } ?? false
                    let added = repeated ? Array(rows.dropFirst()) : rows
                    out[out.count - 1] = .table(previous + added)
                    lastTable = (columns, page, last.firstRow)
                } else {
                    out.append(.table(rows))
                    lastTable = (columns, page, rows.first ?? [])
                }
            case let .line(l):
                if let a = para.last, continues(a, l, para: para, edges: edges) {
                    para.append(l)
                } else {
                    // A blank line's worth of space above a paragraph is said as a blank line,
                    // as plain text would (the title ends there, a block starts).
                    if let a = para.last, a.page == l.page, let e = edges[l.page] {
                        let pitch = e.pitch > 0 ? e.pitch : 1.2 * a.em
                        flush()
                        if l.y0 - a.y0 > 1.3 * pitch { out.append(.line("")) }
                    } else {
                        flush()
                    }
                    para = [l]
                }
                lastTable = nil
            }
        }
        flush()
        return out
    }

    static func continues(_ a: VisualLine, _ b: VisualLine, para: [VisualLine], edges: [Int: Edges]) -> Bool {
        guard a.bold == b.bold, let ea = edges[a.page], let eb = edges[b.page] else { return false }
        let em = max(a.em, 1)
        if b.page == a.page {
            let pitch = ea.pitch > 0 ? ea.pitch : 1.2 * em
            guard b.y0 - a.y0 <= 1.3 * pitch, b.y0 - a.y0 >= 0.5 * em else { return false }
        } else if b.page != a.page + 1 {
            return false
        }
        // The line above ended early if the next line's first word would have fitted after it.
        let firstWord = b.words.first.map { $0.x1 - $0.x0 } ?? 0
        let right = para.count >= 3 ? max(ea.right - 3 * em, para.map(\.x1).max() ?? 0) : ea.right
        guard right - a.x1 < firstWord + 0.6 * em else { return false }
        let continuationLeft = para.count >= 2 ? para[1].x0 : eb.left
        guard b.x0 <= eb.left + 0.8 * em || abs(b.x0 - continuationLeft) <= 0.5 * em else { return false }
        if let last = a.text.last, ".;:!?".contains(last), startsWithMarker(b.text) { return false }
        // A line in capitals after one that is not (a heading, `THỦ TƯỚNG CHÍNH PHỦ` under a title), or the reverse.
        if isCapitals(a.text) != isCapitals(b.text) { return false }
        return true
    }

    /// Lines of one paragraph as one text; a token broken after its hyphen at
    /// a line end (`11-` / `CT/TW`) is joined back.
    static func joinLines(_ lines: [VisualLine]) -> String {
        var text = ""
        for l in lines {
            let t = l.text
            if text.isEmpty { text = t; continue }
            // `11-` / `CT/TW`: a line broken after a hyphen inside a token keeps the hyphen, loses the space.
            if text.hasSuffix("-"), text.count >= 2, let before = text.dropLast().last, before.isLetter || before.isNumber,
               let first = t.first, first.isLetter || first.isNumber {
                text += t
            } else {
                text += " " + t
            }
        }
        return text
    }
}

extension Character {
    /// `0`–`9`.
    var isASCIINumber: Bool { isASCII && isNumber }
}

/// OCR misreads the Roman numbers of a plan's bold headings more than any
/// other text: `III.` as `II.` (strokes run together), `II.` as `H.`, `I.` as `L` or `l.`,
/// the dot lost (`II NHIỆM VỤ`). In OCR'd text, a line that opens with such a
/// number and goes on in capitals is a part heading; where its number breaks
/// the run I, II, III ... and its neighbours agree on the number it should
/// have, it is given that number and its dot. Text typed with a repeat keeps
/// it (the contract's `~2`); only OCR'd PDFs are repaired.
enum RomanHeadingRepair {
    static let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                           "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]

    /// A part heading as OCR may print it: the number (misread letters taken as
    /// `I`), how many characters it and its dot take, and the heading after it.
    static func heading(_ text: String) -> (value: Int, length: Int)? {
        let head = text.prefix { "IVXlL|HT".contains($0) }
        guard !head.isEmpty, head.count <= 5 else { return nil }
        var rest = text.dropFirst(head.count)
        var length = head.count
        let dotted = rest.first == "."
        if dotted { rest = rest.dropFirst(); length += 1 }
        // `I.MỤC ĐÍCH`: OCR may swallow the space after the dot.
        guard rest.first == " " || (dotted && rest.first?.isUppercase == true) else { return nil }
        // The heading after it is in capitals: `MỤC ĐÍCH, YÊU CẦU`.
        let words = rest.split(separator: " ").prefix(3)
        guard words.count >= 2, words.allSatisfy({ w in w.contains(where: \.isLetter) && !w.contains(where: \.isLowercase) }) else { return nil }
        // `H` is a bold `II` run together; `T` a broken `I`.
        let roman = head.map { c -> String in "lL|T".contains(c) ? "I" : c == "H" ? "II" : String(c) }.joined()
        guard let k = numerals.firstIndex(of: roman) else { return nil }
        // `L` alone or `l` alone must be `I`; a real `L` (50) never heads a plan's part.
        return (k + 1, length)
    }

    /// Advance widths of the numerals' letters in ems (Times bold, the face of plans' headings).
    static let letterWidths: [Character: Double] = ["I": 0.39, "V": 0.72, "X": 0.72, ".": 0.25]

    static func width(_ numeral: String) -> Double { numeral.reduce(0) { $0 + (letterWidths[$1] ?? 0.6) } }

    /// The numbers a run of headings should have. `lastIsExpected(j, expected)`
    /// judges a last heading that repeats the one before (nil: cannot tell).
    static func renumbered(_ read: [Int], lastIsExpected: (Int, Int) -> Bool? = { _, _ in nil }) -> [Int] {
        var values = read
        for j in values.indices {
            let expected = j == 0 ? 1 : values[j - 1] + 1
            // The last heading has no next one to agree: it is repaired only when it went backwards
            // (a typed repeat, `IV.` twice, stays a repeat).
            var nextAgrees = j + 1 >= values.count ? j > 0 && values[j] < values[j - 1] : values[j + 1] == expected + 1
            // Two misread in a row (`I.`, `I.`, `II.`, `IV.` for I to IV): the one after next agrees.
            if !nextAgrees, j + 2 < values.count, values[j + 2] == expected + 2, values[j + 1] != expected + 1 { nextAgrees = true }
            // The last heading repeating the one before: a typed repeat, or `III.` read as `II.`.
            if !nextAgrees, j + 1 == values.count, j > 0, values[j] == values[j - 1], let vote = lastIsExpected(j, expected) { nextAgrees = vote }
            if values[j] != expected, nextAgrees, expected <= numerals.count { values[j] = expected }
        }
        return values
    }

    static func apply(_ items: inout [FormatItem], leadWidths: [Int: Double] = [:]) -> Int {
        let found = items.indices.compactMap { k -> (index: Int, value: Int, length: Int)? in
            guard case let .line(t) = items[k], let n = heading(t) else { return nil }
            return (k, n.value, n.length)
        }
        // The width OCR saw of the number decides between a typed repeat and a misreading.
        let values = renumbered(found.map(\.value)) { j, expected in
            guard let measured = leadWidths[found[j].index], case let .line(t) = items[found[j].index],
                  let token = t.split(separator: " ").first, token.count == found[j].length else { return nil }
            let asRead = width(numerals[found[j].value - 1] + "."), asExpected = width(numerals[expected - 1] + ".")
            return abs(measured - asExpected) < abs(measured - asRead)
        }
        var repaired = 0
        for (j, f) in found.enumerated() {
            guard case let .line(t) = items[f.index] else { continue }
            let printed = String(t.prefix(f.length))
            let canonical = numerals[values[j] - 1] + "."
            let after = t.dropFirst(f.length)
            if printed != canonical || after.first != " " {
                items[f.index] = .line(canonical + (after.first == " " ? "" : " ") + after)
                repaired += 1
            }
        }
        return repaired + applyToTables(&items)
    }

    /// The first column of a task table numbers its groups `I`, `II` ...: OCR
    /// misreads them as it does headings (a lone `I` comes back as `|`).
    static func applyToTables(_ items: inout [FormatItem]) -> Int {
        var repaired = 0
        for k in items.indices {
            guard case var .table(rows) = items[k] else { continue }
            let found = rows.indices.compactMap { r -> (row: Int, value: Int)? in
                // Not the header row (`TT`, `STT`), and `T` is a letter here, not a broken `I`.
                guard r > 0, let cell = rows[r].first, cell.count == 1, !cell[0].contains("T"), let n = heading(cell[0] + " X Y") else { return nil }
                return (r, n.value)
            }
            guard found.count >= 2 else { continue }
            let values = renumbered(found.map(\.value))
            for (j, f) in found.enumerated() where rows[f.row][0] != [numerals[values[j] - 1]] {
                rows[f.row][0] = [numerals[values[j] - 1]]
                repaired += 1
            }
            items[k] = .table(rows)
        }
        return repaired
    }
}

/// The Arabic twin of `RomanHeadingRepair`: a bold `5.` read as `S.`, `8.`
/// as `B.`. In OCR'd text a line that opens with such letters, a dot and a
/// capital, right after the heading numbered one less, is that heading.
enum ArabicHeadingRepair {
    static let lookalikes: [Character: Character] = ["S": "5", "B": "8", "Z": "2", "G": "6", "O": "0", "l": "1", "I": "1"]

    static func number(_ text: String, mapping: Bool) -> (value: Int, length: Int)? {
        let head = text.prefix { $0.isASCII && ($0.isNumber || (mapping && lookalikes[$0] != nil)) }
        guard !head.isEmpty, head.count <= 2, text.dropFirst(head.count).first == "." else { return nil }
        let after = text.dropFirst(head.count + 1)
        guard after.first == " ", after.dropFirst().first?.isUppercase == true else { return nil }
        let digits = String(head.map { $0.isNumber ? $0 : lookalikes[$0]! })
        guard let v = Int(digits) else { return nil }
        return (v, head.count)
    }

    static func apply(_ items: inout [FormatItem]) -> Int {
        var previous: Int?
        var repaired = 0
        for k in items.indices {
            guard case let .line(t) = items[k] else { continue }
            if let n = number(t, mapping: false) { previous = n.value; continue }
            guard let p = previous, let n = number(t, mapping: true), n.value == p + 1 else { continue }
            items[k] = .line(String(n.value) + t.dropFirst(n.length))
            previous = n.value
            repaired += 1
        }
        return repaired
    }
}