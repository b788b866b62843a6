/// One numbered heading of the plan and what stands under it.
///
/// `id` is the path of markers without punctuation (`II.2.a`, `Điều 1.2`,
/// `IV.7~2` for a repeated marker); `label` is the marker as printed (`2.1.`, `a)`).
public struct OutlineNode: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var heading: String
    public var children: [OutlineNode]
    public var paragraphs: [Paragraph]
    /// The table that stands in this node, as a grid (contract v2), or null.
    public var table: TableGrid?
    /// 1-based line of the heading in the normalized text (not part of the contract).
    public var line: Int
    /// The table row this node was made from, with its table's column headers
    /// (not part of the contract: what extraction reads a task row from).
    public var row: TableRow?

    public init(id: String, label: String, heading: String, children: [OutlineNode] = [],
                paragraphs: [Paragraph] = [], table: TableGrid? = nil, line: Int = 0, row: TableRow? = nil) {
        self.id = id; self.label = label; self.heading = heading
        self.children = children; self.paragraphs = paragraphs; self.table = table; self.line = line; self.row = row
    }

    enum CodingKeys: String, CodingKey { case id, label, heading, children, paragraphs, table }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        heading = try c.decode(String.self, forKey: .heading)
        children = try c.decodeIfPresent([OutlineNode].self, forKey: .children) ?? []
        paragraphs = try c.decodeIfPresent([Paragraph].self, forKey: .paragraphs) ?? []
        table = try c.decodeIfPresent(TableGrid.self, forKey: .table)
        line = 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(heading, forKey: .heading)
        try c.encode(children, forKey: .children)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(table, forKey: .table)
    }
}

/// A table kept on the outline node that holds it: the header cells and the
/// rows, each cell's text joined into one line.
///
/// ```json
/// {"columns": ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"], "rows": [["1", "Rà soát ...", "Sở Tài chính", "Quý IV/2025"]]}
/// ```
public struct TableGrid: Codable, Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) { self.columns = columns; self.rows = rows }
}

/// One row of a table with its table's column headers: what a task table row
/// says, cell by cell (`Cơ quan chủ trì` → `Sở Tài chính`).
public struct TableRow: Sendable, Equatable {
    public var columns: [String]
    public var cells: [String]

    public init(columns: [String], cells: [String]) { self.columns = columns; self.cells = cells }
}

/// A paragraph of running text; `marker` is the bullet it was written with (`-`, `+`, `•`) or null.
public struct Paragraph: Codable, Sendable, Equatable {
    public var marker: String?
    public var text: String
    /// 1-based line in the normalized text (not part of the contract).
    public var line: Int

    public init(marker: String?, text: String, line: Int = 0) {
        self.marker = marker; self.text = text; self.line = line
    }

    enum CodingKeys: String, CodingKey { case marker, text }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        marker = try c.decodeIfPresent(String.self, forKey: .marker)
        text = try c.decode(String.self, forKey: .text)
        line = 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(marker, forKey: .marker)
        try c.encode(text, forKey: .text)
    }
}
