/// The unit every reader yields and every later stage reads: a paragraph of
/// running text or a table. A table is the same value whichever format it
/// came from (DOCX `w:tbl`, HTML `<table>`, Markdown pipe rows, or cells
/// flattened between lone `|` lines by a portal-to-Markdown converter).
public enum Block: Sendable, Equatable {
    case paragraph(TextBlock)
    case table(Table)

    /// 1-based source line where the block starts.
    public var line: Int {
        switch self {
        case let .paragraph(p): return p.line
        case let .table(t): return t.line
        }
    }
}

/// A paragraph: its text with emphasis markup removed, whether it was
/// written as a heading (wholly bold, or a `#` heading), and where it starts.
///
/// ```
/// **I. MỤC ĐÍCH,
/// YÊU CẦU**          →  TextBlock(text: "I. MỤC ĐÍCH, YÊU CẦU", isHeading: true, line: 40)
/// ```
public struct TextBlock: Sendable, Equatable {
    public var text: String
    /// Bold as a whole, or a Markdown `#` heading: a hint, never a rule.
    public var isHeading: Bool
    /// 1-based line of the first source line.
    public var line: Int
    /// False when the reader could not tell a hard wrap from a paragraph break
    /// (plain text: one block per line, the parser joins wrapped lines); true
    /// when the block is a whole paragraph (Markdown, HTML, DOCX).
    public var isWholeParagraph: Bool
    /// A blank line stood before this block in the source.
    public var blankBefore: Bool

    public init(text: String, isHeading: Bool = false, line: Int, isWholeParagraph: Bool = true, blankBefore: Bool = true) {
        self.text = text; self.isHeading = isHeading; self.line = line
        self.isWholeParagraph = isWholeParagraph; self.blankBefore = blankBefore
    }
}

/// One cell of a table: its lines as the source broke them (emphasis removed;
/// a bold or italic span broken across lines is one line). `text` joins them.
public struct TableCell: Sendable, Equatable {
    public var lines: [String]

    public init(lines: [String]) { self.lines = lines.filter { !$0.isEmpty } }
    public init(_ text: String) { self.init(lines: text.isEmpty ? [] : [text]) }

    /// The cell's lines joined with single spaces.
    public var text: String { lines.joined(separator: " ") }
    public var isEmpty: Bool { lines.isEmpty }
}

/// A table as rows of cells. Merged cells are resolved: a cell spanning
/// columns keeps its text in the first column and leaves the others empty; a
/// cell spanning rows repeats its text in every row it covers.
public struct Table: Sendable, Equatable {
    public var rows: [[TableCell]]
    /// 1-based source line of the table's first row.
    public var line: Int

    public init(rows: [[TableCell]], line: Int) {
        self.rows = rows; self.line = line
    }

    /// The widest row's cell count.
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// Every row padded with empty cells to `columnCount`.
    public var paddedRows: [[TableCell]] {
        let n = columnCount
        return rows.map { $0.count < n ? $0 + Array(repeating: TableCell(lines: []), count: n - $0.count) : $0 }
    }

    /// Every non-empty line of every cell, row by row, left to right.
    public var allLines: [String] { rows.flatMap { $0.flatMap(\.lines) } }

    /// Each row as one line of text, its filled cells joined with ` | `.
    public var rowTexts: [String] { rows.map(Table.text(ofRow:)) }

    /// A row's filled cells joined with ` | `: `1 | Rà soát quy định | Sở Tư pháp`.
    public static func text(ofRow row: [TableCell]) -> String {
        row.map(\.text).filter { !$0.isEmpty }.joined(separator: " | ")
    }
}
