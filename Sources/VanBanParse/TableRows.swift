import VanBanBlocks
import VanBanText

/// How the rows of a table read as outline nodes: the row marker, the header
/// rows and the column that holds each row's heading.
enum TableRows {
    /// The marker of a row: a bare marker in the first cell (`I`, `1`, `1.1`,
    /// `a`, `2.`), or, with the first cell empty, a group row whose other cells
    /// hold one text that starts with a marker (`I. Kinh tế số`).
    static func marker(_ row: [TableCell], headingColumn: Int? = nil) -> Marker? {
        guard let first = row.first else { return nil }
        let c0 = first.text
        if let (kind, label, path) = bareMarker(c0) {
            let headingIndex = headingColumn.flatMap { $0 < row.count && !row[$0].isEmpty ? $0 : nil }
                ?? row.indices.dropFirst().first { !row[$0].isEmpty }
            let heading = headingIndex.map { row[$0].text } ?? ""
            return Marker(kind: kind, label: label, path: path, rest: heading)
        }
        if c0.isEmpty {
            let filled = row.dropFirst().filter { !$0.isEmpty }
            if filled.count == 1, let m = MarkerScanner.marker(filled[0].text) { return m }
        }
        return nil
    }

    /// `I`, `IV.`, `1`, `2.`, `1.1`, `1.2.`, `a`, `b)`, `A` alone in a cell.
    static func bareMarker(_ s: String) -> (MarkerKind, String, [String])? {
        var t = Substring(s)
        while let l = t.last, l == "." || l == ")" || l == " " { t = t.dropLast() }
        guard !t.isEmpty, t.count <= 8 else { return nil }
        if t.allSatisfy({ $0.isASCII && $0.isNumber || $0 == "." }) {
            let parts = t.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 }) else { return nil }
            return parts.count == 1 ? (.arabic, s, parts) : (.decimal(depth: parts.count), s, parts)
        }
        let str = String(t)
        if MarkerScanner.romanValues[str] != nil { return (.roman, s, [str]) }
        if t.count == 1, let c = t.first {
            if MarkerScanner.letters.contains(str) { return (.letter, s, [str]) }
            if c.isUppercase, c.isASCII { return (.upperLetter, s, [str]) }
            if c == "f" || c == "j" || c == "w" || c == "z" { return (.letter, s, [str]) }
        }
        return nil
    }

    /// A header row: every filled cell is short and none is a number alone.
    static func isHeaderRow(_ row: [TableCell]) -> Bool {
        let filled = row.filter { !$0.isEmpty }
        guard !filled.isEmpty else { return false }
        return filled.allSatisfy { $0.text.count <= 80 }
    }

    /// Column names: the header rows' cells, stacked per column.
    static func columns(_ header: ArraySlice<[TableCell]>, width: Int) -> [String] {
        guard !header.isEmpty else { return [] }
        return (0..<width).map { k in
            header.compactMap { k < $0.count && !$0[k].isEmpty ? $0[k].text : nil }.joined(separator: " ")
        }
    }

    /// Folded header words of the column that names the task or indicator.
    static let headingWords = ["nhiem vu", "noi dung", "chi tieu", "ten ", "hoat dong", "giai phap", "cong viec", "de an"]

    static func headingColumn(_ columns: [String]) -> Int? {
        for (k, c) in columns.enumerated() where k > 0 {
            let f = Folding.words(c) + " "
            if headingWords.contains(where: { f.hasPrefix($0) || Bytes.contains(f, " " + $0) }) { return k }
        }
        return nil
    }

    /// Whether any row of the table would make an outline node.
    static func hasRowMarkers(_ t: Table) -> Bool {
        t.paddedRows.contains { marker($0) != nil }
    }
}
