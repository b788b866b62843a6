import VanBanBlocks

/// What the DOCX and HTML readers yield before cleaning: lines of text and
/// tables (rows of cells of lines), merged cells already resolved.
public enum FormatItem: Sendable, Equatable {
    case line(String)
    case table([[[String]]])

    /// The items as the text a plain-text plan would have: a table of one or
    /// two columns cell by cell (the header, the signature block), a wider one
    /// a row per line with cells joined by ` | `.
    public static func text(_ items: [FormatItem]) -> String {
        var lines: [String] = []
        for item in items {
            switch item {
            case let .line(s): lines.append(s)
            case let .table(rows):
                let columns = rows.map(\.count).max() ?? 0
                for row in rows {
                    if columns <= 2 {
                        for cell in row { lines += cell }
                    } else {
                        lines.append(row.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: " | "))
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Every piece of text in reading order: lines, then each table's cell lines row by row.
    static func pieces(_ items: [FormatItem]) -> [String] {
        var out: [String] = []
        for item in items {
            switch item {
            case let .line(s): out.append(s)
            case let .table(rows): for row in rows { for cell in row { out += cell } }
            }
        }
        return out
    }

    /// Blocks from the items, with each piece replaced by its cleaned form
    /// (`cleaned` is `pieces(items)` after decoding repairs and cleaning).
    static func blocks(_ items: [FormatItem], cleaned: [String]) -> [Block] {
        var blocks: [Block] = []
        var k = 0
        var lineNumber = 0
        var blank = true
        func next() -> String {
            defer { k += 1 }
            return k < cleaned.count ? cleaned[k] : ""
        }
        for item in items {
            lineNumber += 1
            switch item {
            case .line:
                let s = next()
                if s.isEmpty { blank = true; continue }
                blocks.append(.paragraph(TextBlock(text: s, isHeading: false, line: lineNumber, isWholeParagraph: false, blankBefore: blank)))
                blank = false
            case let .table(rows):
                let table = Table(rows: rows.map { row in row.map { cell in TableCell(lines: cell.map { _ in next() }) } }, line: lineNumber)
                if table.rows.contains(where: { $0.contains { !$0.isEmpty } }) { blocks.append(.table(table)) }
                blank = true
            }
        }
        return blocks
    }

    /// Rows of cells on a grid: `span` columns per cell, `rowSpan` rows (a cell
    /// spanning columns keeps its text in its first column; one spanning rows
    /// repeats it in every row it covers).
    struct GridCell { var lines: [String]; var span: Int; var rowSpan: Int; var continuesAbove: Bool }

    static func grid(_ rows: [[GridCell]]) -> [[[String]]] {
        var out: [[[String]]] = []
        var carried: [Int: (lines: [String], rowsLeft: Int)] = [:] // column → cell spanning down
        for row in rows {
            var cells: [[String]] = []
            var col = 0
            func fillCarried() {
                while let c = carried[col], c.rowsLeft > 0 {
                    cells.append(c.lines)
                    carried[col] = c.rowsLeft > 1 ? (c.lines, c.rowsLeft - 1) : nil
                    col += 1
                }
            }
            for cell in row {
                fillCarried()
                var lines = cell.lines
                if cell.continuesAbove, let above = out.last, col < above.count { lines = above[col] }
                cells.append(lines)
                if cell.rowSpan > 1 { carried[col] = (lines, cell.rowSpan - 1) }
                col += 1
                for _ in 1..<max(1, min(cell.span, 1000)) { cells.append([]); col += 1 }
            }
            fillCarried()
            out.append(cells)
            if out.count >= 100_000 { break }
        }
        return out
    }
}
