import VanBanModel
import VanBanParse
import VanBanText

/// A unit of text that extractors read: a heading or a paragraph, with where it stands.
struct Passage {
    enum Zone { case title, preamble, body, closing }
    var zone: Zone
    /// Section id (`II.2.a`, `A1/V.2.1`, `preamble`, `A1/preamble`, `title`, `closing`).
    var section: String
    var text: String
    var tokens: [Token]
    var isHeading: Bool
    /// Index of the outline node in `Passages.nodes` (nil outside the outline).
    var node: Int?
    /// Paragraph marker (`-`, `+`) or nil.
    var marker: String?
    /// The time cell of a task table row (`Quý IV/2025`, `Thường xuyên`): read as a timing line.
    var isTimingCell = false
}

/// An outline node flattened for extraction.
struct NodeInfo {
    var section: String
    var heading: String
    /// Folded headings from the root down to this node.
    var path: [String]
    var headingTokens: [Token]
    var passages: [Int]
    /// Under a heading that states purposes or goals (`Mục đích, yêu cầu`, `Mục tiêu`).
    var inGoalSection: Bool
    /// Under `Tổ chức thực hiện` or a heading that assigns responsibilities.
    var inAssignmentSection: Bool
    /// Under a heading that reports the past (`Thực trạng`, `Kết quả đạt được`).
    var inReportSection: Bool
    /// The horizon of the nearest heading that states one (`2.1. Mục tiêu đến năm 2025`).
    var headingYear: Int?
    /// The table row the node was made from (a task or indicator table).
    var row: TableRow?
    /// What each column of that row's table holds, read once from its headers.
    var rowRoles: [TaskTableColumns.Role: Int] = [:]
    /// Index of the parent node in `Passages.nodes`.
    var parent: Int?
}

/// Every passage of a document, tokenized once, in reading order.
struct Passages: OutlineWalker {
    var all: [Passage] = []
    var nodes: [NodeInfo] = []
    private var parentIndex: [Int] = []
    /// The horizon that encloses the nodes being walked (an attachment's title), if any.
    private var rootYear: Int?
    private var lastRoles: (columns: [String], roles: [TaskTableColumns.Role: Int])?

    static func of(_ parsed: ParsedDocument) -> Passages {
        var p = Passages()
        if let title = parsed.document.title {
            p.append(Passage(zone: .title, section: "title", text: title, tokens: Tokenizer.tokens(title), isHeading: false, node: nil))
        }
        for para in parsed.preamble { p.appendParagraph(para, zone: .preamble, section: "preamble") }
        // Main outline, closing, then each attachment's preamble and outline.
        var walker = p
        for n in parsed.document.outline { walker.walkNode(n, prefix: "", ancestors: []) }
        for para in parsed.closing { walker.appendParagraph(para, zone: .closing, section: "closing") }
        for (k, att) in parsed.document.attachments.enumerated() {
            let pre = "A\(k + 1)/"
            if k < parsed.attachmentPreambles.count {
                for para in parsed.attachmentPreambles[k] { walker.appendParagraph(para, zone: .preamble, section: pre + "preamble") }
            }
            // The appendix's heading lines enclose every row: `... CHỈ TIÊU ... ĐẾN NĂM 2030` gives their year.
            let titleTokens = Tokenizer.tokens(att.title ?? "")
            walker.rootYear = TargetExtractor.year(titleTokens, 0..<titleTokens.count)
            for n in att.outline { walker.walkNode(n, prefix: pre, ancestors: []) }
            walker.rootYear = nil
            for para in att.closing { walker.appendParagraph(para, zone: .closing, section: pre + "closing") }
        }
        return walker
    }

    mutating func visit(node: OutlineNode, section: String, ancestors: [OutlineNode]) {}

    private mutating func walkNode(_ n: OutlineNode, prefix: String, ancestors: [OutlineNode]) {
        let nodeIndex = nodes.count
        let section = prefix + n.id
        let key = Folding.words(n.heading)
        let parent = parentIndex.last.map { nodes[$0] }
        let goal = (parent?.inGoalSection ?? false) || TaskCues.goalSections.contains { Bytes.hasPrefix(key, $0) }
        let assignment = (parent?.inAssignmentSection ?? false) || TaskCues.assignmentSections.contains { Bytes.contains(key, $0) }
        let report = (parent?.inReportSection ?? false) || TargetExtractor.skipSections.contains { Bytes.contains(key, $0) }
        let headingTokens = Tokenizer.tokens(n.heading)
        let year = TargetExtractor.headingYear(headingTokens) ?? parent?.headingYear ?? rootYear
        nodes.append(NodeInfo(section: section, heading: n.heading, path: (parent?.path ?? []) + [key],
                              headingTokens: headingTokens, passages: [],
                              inGoalSection: goal, inAssignmentSection: assignment, inReportSection: report, headingYear: year,
                              row: n.row, parent: parentIndex.last))
        append(Passage(zone: .body, section: section, text: n.heading, tokens: nodes[nodeIndex].headingTokens,
                       isHeading: true, node: nodeIndex))
        for para in n.paragraphs {
            append(Passage(zone: .body, section: section, text: para.text, tokens: Tokenizer.tokens(para.text),
                           isHeading: false, node: nodeIndex, marker: para.marker))
        }
        if let row = n.row { nodes[nodeIndex].rowRoles = roles(of: row) }
        if let row = n.row, let k = nodes[nodeIndex].rowRoles[.time], k < row.cells.count, !row.cells[k].isEmpty {
            var p = Passage(zone: .body, section: section, text: row.cells[k], tokens: Tokenizer.tokens(row.cells[k]),
                            isHeading: false, node: nodeIndex)
            p.isTimingCell = true
            append(p)
        }
        parentIndex.append(nodeIndex)
        for c in n.children { walkNode(c, prefix: prefix, ancestors: ancestors + [n]) }
        parentIndex.removeLast()
    }

    /// Column roles of a row's table: the rows of one table share their headers, so the last answer is reused.
    private mutating func roles(of row: TableRow) -> [TaskTableColumns.Role: Int] {
        if let (columns, roles) = lastRoles, columns == row.columns { return roles }
        let roles = TaskTableColumns.roles(row.columns)
        lastRoles = (row.columns, roles)
        return roles
    }

    private mutating func appendParagraph(_ para: Paragraph, zone: Passage.Zone, section: String) {
        append(Passage(zone: zone, section: section, text: para.text, tokens: Tokenizer.tokens(para.text),
                       isHeading: false, node: nil, marker: para.marker))
    }

    private mutating func append(_ p: Passage) {
        if let n = p.node { nodes[n].passages.append(all.count) }
        all.append(p)
    }
}

/// Sentences of a token stream: split after `.`, `!`, `?` when a capitalized word or the end follows.
func sentences(_ t: [Token]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var start = 0
    var i = 0
    while i < t.count {
        if !t[i].isWord, [".", "!", "?"].contains(t[i].key) {
            let next = i + 1
            if next >= t.count || (t[next].isWord && t[next].capitalized) {
                out.append(start..<(i + 1)); start = i + 1
            }
        }
        i += 1
    }
    if start < t.count { out.append(start..<t.count) }
    return out
}
