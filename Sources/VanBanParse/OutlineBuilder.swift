import VanBanBlocks
import VanBanModel

/// Builds the outline tree from markers in reading order, keeping a stack of
/// open headings. Ids follow OUTPUT.md: `II.2.a`, decimal markers replace the
/// Arabic level they extend (`2.1.` under `2.` is `II.2.1`), articles are
/// `Điều 1`, and a marker repeated inside one parent gets `~2`.
struct OutlineBuilder {
    private struct Open {
        var node: OutlineNode
        var rank: Int
        /// Arabic/decimal number path (`["2", "1"]`), for nesting decimals.
        var numbers: [String]
        var usedIds: [String: Int] = [:]
    }
    private var stack: [Open] = []
    private var roots: [OutlineNode] = []
    private var rootIds: [String: Int] = [:]
    private(set) var warnings: [Warning] = []
    private(set) var nodeCount = 0

    var isEmpty: Bool { nodeCount == 0 }

    mutating func add(_ m: Marker, line: Int, splitsColon: Bool = true) {
        var component: String
        var numbers: [String] = []
        let rank = m.kind.rank
        switch m.kind {
        case .decimal:
            numbers = m.path
            // Nest under the Arabic/decimal heading whose number is this one's prefix.
            if let idx = stack.lastIndex(where: { !$0.numbers.isEmpty && m.path.starts(with: $0.numbers) && $0.numbers.count < m.path.count }) {
                closeAbove(index: idx)
                component = m.path[stack[idx].numbers.count...].joined(separator: ".")
            } else {
                popWhile { $0.rank >= MarkerKind.arabic.rank }
                component = m.path.joined(separator: ".")
            }
        case .arabic, .parenArabic:
            numbers = m.kind == .arabic ? m.path : []
            popWhile { $0.rank >= rank }
            component = m.path[0]
        default:
            popWhile { $0.rank >= rank }
            component = m.path[0]
        }
        // Duplicate markers inside one parent: `7.` twice → `7`, `7~2`.
        let seen: Int
        if let top = stack.last {
            seen = (top.usedIds[component] ?? 0) + 1
            stack[stack.count - 1].usedIds[component] = seen
        } else {
            seen = (rootIds[component] ?? 0) + 1
            rootIds[component] = seen
        }
        if seen > 1 {
            warnings.append(Warning(.duplicateMarker, "heading marker '\(m.label)' repeats inside its section; numbered '\(component)~\(seen)'", line: line))
            component += "~\(seen)"
        }
        let id = stack.last.map { $0.node.id + "." + component } ?? component
        var heading = m.rest
        var inlineText: String?
        if splitsColon, let colon = colonSplit(heading) {
            heading = colon.head
            inlineText = colon.body
        }
        if heading.hasSuffix(":") { heading.removeLast() }
        var node = OutlineNode(id: id, label: m.label, heading: trimmed(heading), line: line)
        if let t = inlineText { node.paragraphs.append(Paragraph(marker: nil, text: t, line: line)) }
        stack.append(Open(node: node, rank: rank, numbers: numbers))
        nodeCount += 1
    }

    /// A table in the body: the grid goes on the open node (or, when none is
    /// open, on the first node its rows make); each row whose first cell holds
    /// a marker (`I`, `1`, `1.1`, `a`), or a group row whose only cell starts
    /// with one (`I. Kinh tế số`), is a node, `heading` its task cell, `row`
    /// its cells. A row with an empty first cell continues the row above it.
    mutating func addTable(_ t: Table, line: Int) {
        let rows = t.paddedRows
        guard !rows.isEmpty else { return }
        var headerCount = 0
        while headerCount < min(rows.count - 1, 2), TableRows.marker(rows[headerCount]) == nil,
              TableRows.isHeaderRow(rows[headerCount]) { headerCount += 1 }
        let columns = TableRows.columns(rows[0..<headerCount], width: t.columnCount)
        let grid = TableGrid(columns: columns, rows: rows[headerCount...].map { $0.map(\.text) })
        var placed = false
        if !stack.isEmpty { stack[stack.count - 1].node.table = grid; placed = true }
        let headingColumn = TableRows.headingColumn(columns)
        let base = stack.count
        var rowNodeOpen = false
        for row in rows[headerCount...] {
            let cells = row.map(\.text)
            if let m = TableRows.marker(row, headingColumn: headingColumn) {
                add(m, line: line, splitsColon: false)
                stack[stack.count - 1].node.row = TableRow(columns: columns, cells: cells)
                if !placed { stack[stack.count - 1].node.table = grid; placed = true }
                rowNodeOpen = true
            } else if rowNodeOpen, stack.count > base, cells.first?.isEmpty ?? true, var r = stack[stack.count - 1].node.row {
                // A continuation row: its cells go on with the row above.
                for (k, c) in cells.enumerated() where !c.isEmpty && k < r.cells.count {
                    r.cells[k] = r.cells[k].isEmpty ? c : r.cells[k] + " " + c
                }
                stack[stack.count - 1].node.row = r
            } else if !stack.isEmpty {
                let text = Table.text(ofRow: row)
                if !text.isEmpty { stack[stack.count - 1].node.paragraphs.append(Paragraph(marker: nil, text: text, line: line)) }
            }
        }
    }

    mutating func addParagraph(_ p: Paragraph) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].node.paragraphs.append(p)
    }

    /// Appends text to the last paragraph (or heading) when a wrapped line was not joined earlier.
    var hasOpenNode: Bool { !stack.isEmpty }

    mutating func finish() -> [OutlineNode] {
        closeAbove(index: -1)
        let r = roots
        roots = []
        return r
    }

    private mutating func popWhile(_ cond: (Open) -> Bool) {
        while let top = stack.last, cond(top) { closeTop() }
    }

    private mutating func closeAbove(index: Int) {
        while stack.count - 1 > index { closeTop() }
    }

    private mutating func closeTop() {
        let top = stack.removeLast()
        if stack.isEmpty { roots.append(top.node) } else { stack[stack.count - 1].node.children.append(top.node) }
    }

    /// `Sở Khoa học và Công nghệ: Huy động ...` → head and body; nil when no body follows a colon.
    private func colonSplit(_ s: String) -> (head: String, body: String)? {
        let u = s.utf8
        guard var i = u.firstIndex(of: 0x3A) else { return nil }
        while true {
            let next = u.index(after: i)
            if next < u.endIndex, u[next] == 0x20 {
                let body = trimmed(String(s[next...]))
                guard !body.isEmpty else { return nil }
                return (String(s[..<i]), body)
            }
            guard next < u.endIndex, let j = u[next...].firstIndex(of: 0x3A) else { return nil }
            i = j
        }
    }

    private func trimmed(_ s: String) -> String {
        var t = s[...]
        while t.last == " " { t = t.dropLast() }
        while t.first == " " { t = t.dropFirst() }
        return String(t)
    }
}
