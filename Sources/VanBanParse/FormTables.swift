import VanBanBlocks
import VanBanText

/// The tables of the form of Nghị định 30/2020/NĐ-CP that portal copies and
/// Word files put in a grid: the two-column header (issuer | motto; number |
/// place and date) and the closing row (`Nơi nhận` | signature). Their cells
/// are read as the lines of those parts; every other table is data.
enum FormTables {
    enum Role: Equatable { case header, closing, data }

    static func role(of t: Table, beforeTypeLine: Bool) -> Role {
        guard t.columnCount <= 3, t.rows.count <= 4 else { return .data }
        let lines = t.allLines.map { Folding.words($0) }
        if lines.contains(where: { $0.hasPrefix("noi nhan") }) { return .closing }
        if lines.contains(where: { isAuthority($0) }) && !beforeTypeLine { return .closing }
        if beforeTypeLine {
            let motto = lines.contains { Bytes.contains($0, "cong hoa xa hoi chu nghia") || (Bytes.contains($0, "doc lap") && Bytes.contains($0, "hanh phuc")) }
            let number = lines.contains { $0.hasPrefix("so ") && $0.count < 60 }
            let date = lines.contains { Bytes.contains($0, "ngay") && Bytes.contains($0, "nam") && $0.count < 90 }
            if motto || number || date { return .header }
        }
        return .data
    }

    /// The rows of a table that are the document's header: from the row
    /// holding the motto (or the issuer above `Số:`) to the row holding the
    /// number or date, at most four rows; nil when the table holds no header.
    static func headerRows(_ t: Table) -> Range<Int>? {
        func folded(_ row: [TableCell]) -> [String] { row.flatMap(\.lines).map { Folding.words($0) } }
        guard let motto = t.rows.firstIndex(where: { folded($0).contains { Bytes.contains($0, "cong hoa xa hoi chu nghia") || (Bytes.contains($0, "doc lap") && Bytes.contains($0, "hanh phuc")) } })
        else { return nil }
        var end = motto + 1
        while end < t.rows.count, end - motto < 4,
              folded(t.rows[end]).contains(where: { ($0.hasPrefix("so ") && $0.count < 60) || (Bytes.contains($0, "ngay") && Bytes.contains($0, "nam") && $0.count < 90) }) {
            end += 1
        }
        return motto..<end
    }

    static func isAuthority(_ folded: String) -> Bool {
        ["tm ", "kt ", "tl ", "tuq ", "q "].contains { folded.hasPrefix($0) } && folded.count < 60
    }

    /// Header cells as header lines, row by row, left to right. Inside a cell,
    /// lines that are not upper case are one value broken by the page
    /// (`Hà Nội, ngày 17` / `tháng 11 năm 2025`, `Thừa` / `Thiên Huế, ngày ...`,
    /// `Số:` / `308/KH-UBND`); upper-case lines stay apart (the issuer, its parent).
    static func headerLines(_ t: Table) -> [String] {
        var out: [String] = []
        for row in t.rows {
            for cell in row {
                var current: String?
                for l in cell.lines {
                    if isRule(l) { if let c = current { out.append(c) }; current = nil; continue }
                    if let c = current, !Words.isAllCaps(c), !Words.isAllCaps(l) || isNumberTail(l), !Folding.words(l).hasPrefix("v v ") {
                        current = c + " " + l
                    } else {
                        if let c = current { out.append(c) }
                        current = l
                    }
                }
                if let c = current { out.append(c) }
            }
        }
        return out
    }

    /// `308/KH-UBND` after a lone `Số:`: upper case, but the number's tail.
    static func isNumberTail(_ l: String) -> Bool {
        l.first?.isNumber == true || l.hasPrefix("/")
    }

    /// The closing row as lines: `Nơi nhận:` and one line per recipient (a line
    /// that does not start with a dash continues the recipient above it), then
    /// the signature block's lines.
    static func closingLines(_ t: Table) -> [String] {
        var out: [String] = []
        for row in t.rows {
            for cell in row {
                let isRecipients = cell.lines.first.map { Folding.words($0).hasPrefix("noi nhan") } ?? false
                var items: [String] = []
                for (k, l) in cell.lines.enumerated() {
                    if isRule(l) { continue }
                    let f = Folding.words(l)
                    let startsItem = k == 0 || l.hasPrefix("-") || l.hasPrefix("+") || l.hasPrefix("•") || l.hasPrefix("–")
                        || f.hasPrefix("luu ") || f == "luu"
                    if isRecipients, !startsItem, items.count > 1, let last = items.last, !last.hasSuffix(";"), !last.hasSuffix(".") {
                        items[items.count - 1] = last + " " + l
                    } else {
                        items.append(l)
                    }
                }
                out += items
            }
        }
        return out
    }

    /// A rule under a heading or in a cell (`-------`, `* * *`): no text.
    static func isRule(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { "-_=*.~–—".unicodeScalars.contains($0) || $0 == " " }
    }
}
