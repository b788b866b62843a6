/// Reads Markdown as portal converters write it into blocks.
///
/// - Paragraphs are runs of non-blank lines, joined with single spaces (a
///   hard wrap anywhere, even `ngày 17` / `tháng 11 năm 2025`, is undone). A
///   bullet line (`- `, `+ `, `• `) starts a new paragraph, and so does a
///   numbered line (`2.`, `b)`) after a line that ends a sentence.
/// - `#` headings and wholly bold paragraphs carry `isHeading`.
/// - Tables: pipe rows (`| a | b |`, with an optional `|---|` rule), and cells
///   flattened onto their own lines between lone `|` lines:
///
///   ```
///   |            ← a row starts
///   **TT**       ← a cell
///   |
///   **Nhiệm vụ**
///   |            ← the row ends …
///   |            ← … and the next one starts
///   1
///   |
///   ```
///
///   An empty cell is nothing between two `|` lines, so the column count is
///   the one period that makes every row gap empty.
///
/// Input lines are cleaned text with emphasis kept (`TextCleaner.clean(_:keepEmphasis:)`).
public enum MarkdownBlockReader {
    public static func read(lines source: [String]) -> [Block] {
        // A line of emphasis marks alone (`** **`, `* *`) is an empty line.
        let lines = source.map { l in l.utf8.allSatisfy { $0 == 0x2A || $0 == 0x5F || $0 == 0x20 } ? "" : l }
        let compact = isCompact(lines)
        var blocks: [Block] = []
        var i = 0
        var blank = true
        while i < lines.count {
            let start = i
            let l = lines[i]
            if l.isEmpty { blank = true; i += 1; continue }
            if l == "|" {
                let (table, next) = flattenedTable(lines, from: i, compact: compact)
                if let table { blocks.append(.table(table)) }
                // A run of pipes with no cell between them is markup alone: skipped whole.
                i = max(next, i + 1)
                blank = false
                continue
            }
            if isPipeRow(l) {
                var rows: [[TableCell]] = []
                while i < lines.count, isPipeRow(lines[i]) {
                    let cells = pipeCells(lines[i])
                    if !cells.allSatisfy(isRuleCell) { rows.append(cells.map { TableCell(lines: breakLines($0).map { Emphasis.strip($0) }) }) }
                    i += 1
                }
                if !rows.isEmpty { blocks.append(.table(Table(rows: rows, line: start + 1))) }
                blank = false
                continue
            }
            if l.hasPrefix("#"), let h = atxHeading(l) {
                blocks.append(.paragraph(TextBlock(text: h, isHeading: true, line: i + 1, blankBefore: blank)))
                i += 1
                blank = false
                continue
            }
            // A paragraph: up to a blank line, a table, or a new item.
            var parts = [l]
            var spanOpen = Emphasis.leavesSpanOpen(l)
            i += 1
            while i < lines.count {
                let n = lines[i]
                if n.isEmpty || n == "|" || isPipeRow(n) || (n.hasPrefix("#") && atxHeading(n) != nil) { break }
                if !spanOpen && startsItem(n, after: parts[parts.count - 1]) { break }
                if compact && !spanOpen && !continuesCompactParagraph(n, after: parts[parts.count - 1]) { break }
                parts.append(n)
                if Emphasis.leavesSpanOpen(n) { spanOpen.toggle() }
                i += 1
            }
            let raw = parts.joined(separator: " ")
            let text = Emphasis.strip(raw)
            if !text.isEmpty {
                blocks.append(.paragraph(TextBlock(text: text, isHeading: Emphasis.isWhollyBold(raw), line: start + 1, blankBefore: blank)))
            }
            blank = false
        }
        return blocks
    }

    // MARK: Compact copies

    /// A copy that writes no blank line between paragraphs (some portal pages):
    /// fewer than one blank line in twenty. There a line break may end a
    /// paragraph, and the next line's shape decides.
    static func isCompact(_ lines: [String]) -> Bool {
        var blank = 0, text = 0
        for l in lines { if l.isEmpty { blank += 1 } else { text += 1 } }
        return text >= 40 && blank * 20 < text
    }

    /// In a compact copy, `next` goes on with the paragraph `previous` ends
    /// when that line leaves a sentence open, neither is a heading written
    /// wholly in bold, and the case does not change (a title in capitals
    /// followed by the preamble in sentence case).
    static func continuesCompactParagraph(_ next: String, after previous: String) -> Bool {
        let prev = Emphasis.strip(previous)
        guard let last = prev.unicodeScalars.last, !".;:!?".unicodeScalars.contains(last) else { return false }
        if Emphasis.isWhollyBold(previous) || Emphasis.isWhollyBold(next) { return false }
        let nextText = Emphasis.strip(next)
        if isUpperCase(prev) != isUpperCase(nextText) { return false }
        return true
    }

    /// Every letter upper case (and at least one letter).
    static func isUpperCase(_ s: String) -> Bool {
        var letters = 0
        for c in s.unicodeScalars where c.properties.isAlphabetic {
            if c.properties.isLowercase { return false }
            letters += 1
        }
        return letters > 0
    }

    /// In a compact copy, text after a `|` that starts a block of its own (a
    /// heading in bold, a line in capitals, a numbered heading, `Kính gửi`):
    /// the table ends there unless a `|` follows within a few lines.
    static func startsBlockAfterTable(_ line: String) -> Bool {
        if Emphasis.isWhollyBold(line) { return true }
        let t = Emphasis.strip(line)
        if isUpperCase(t) && t.count >= 4 { return true }
        if startsWithMarker(Substring(t)) { return true }
        let lower = t.lowercased()
        return lower.hasPrefix("nơi nhận") || lower.hasPrefix("điều ") || lower.hasPrefix("căn cứ") || lower.hasPrefix("thực hiện")
            || lower.hasPrefix("kính gửi")
    }

    // MARK: Paragraph items

    /// True when `line` starts a new item rather than continuing `previous`.
    static func startsItem(_ line: String, after previous: String) -> Bool {
        let u = line.utf8
        guard let b0 = u.first else { return false }
        let prevEnd = Emphasis.strip(previous).unicodeScalars.last
        let endsSentence = prevEnd.map { ".;:!?".unicodeScalars.contains($0) } ?? true
        // Bullets: `- `, `+ `, `• `, `* ` then not a digit (`- 2030` is a wrapped range).
        if b0 == 0x2D || b0 == 0x2B || line.hasPrefix("• ") || line.hasPrefix("* ") {
            let rest = line.drop { $0 == "-" || $0 == "+" || $0 == "•" || $0 == "*" }
            guard rest.first == " " else { return false }
            let after = rest.drop { $0 == " " || $0 == "*" }
            if let f = after.first, f.isNumber { return endsSentence }
            return true
        }
        // Numbered items after a finished sentence: `2.`, `2.1.`, `b)`, `II.`.
        let stripped = line.drop { $0 == "*" }
        if let f = stripped.first, f.isNumber || f.isLetter {
            let head = stripped.prefix(8)
            let looksNumbered = head.contains(".") || head.contains(")")
            return looksNumbered && endsSentence && startsWithMarker(stripped)
        }
        return false
    }

    /// `1.` `2.1.` `IV.` `a)` `đ)` followed by a space.
    static func startsWithMarker(_ s: Substring) -> Bool {
        var it = s.unicodeScalars.makeIterator()
        var count = 0
        var sawDigitOrRoman = false
        while let c = it.next() {
            count += 1
            if count > 8 { return false }
            if ("0"..."9").contains(c) || "IVXL".unicodeScalars.contains(c) { sawDigitOrRoman = true; continue }
            if c == "." || c == ")" {
                guard let n = it.next() else { return true }
                if n == " " { return true }
                if ("0"..."9").contains(n) { sawDigitOrRoman = true; continue }
                return false
            }
            if count == 1, c.properties.isLowercase { // a lettered item: `a)`, `đ)`
                guard let n = it.next(), n == ")" else { return false }
                return it.next().map { $0 == " " } ?? true
            }
            return false
        }
        return sawDigitOrRoman
    }

    static func atxHeading(_ l: String) -> String? {
        let hashes = l.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = l.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var t = Emphasis.strip(String(rest))
        while t.hasSuffix("#") { t.removeLast() }
        t = Emphasis.collapseSpaces(t)
        return t.isEmpty ? nil : t
    }

    // MARK: Pipe rows

    /// `| a | b |` (or `a | b` with a leading or trailing pipe): at least two pipes and a cell.
    static func isPipeRow(_ l: String) -> Bool {
        guard l.count >= 3, l.first == "|" || l.last == "|" else { return false }
        return l.utf8.reduce(0) { $1 == 0x7C ? $0 + 1 : $0 } >= 2
    }

    static func pipeCells(_ l: String) -> [String] {
        var s = Substring(l)
        if s.first == "|" { s = s.dropFirst() }
        if s.last == "|" { s = s.dropLast() }
        return s.split(separator: "|", omittingEmptySubsequences: false).map { Emphasis.collapseSpaces(String($0)) }
    }

    /// A pipe cell's lines: converters write a line break inside a cell as
    /// `<br>` (`<br/>`, `<br />`), the only way a pipe row can hold one.
    static func breakLines(_ cell: String) -> [String] {
        guard cell.contains("<") else { return [cell] }
        var lines: [String] = []
        var current = ""
        var rest = Substring(cell)
        while let open = rest.firstIndex(of: "<") {
            current += rest[..<open]
            let tag = rest[open...].prefix(6).lowercased()
            if let close = rest[open...].firstIndex(of: ">"), tag.hasPrefix("<br>") || tag.hasPrefix("<br/") || tag.hasPrefix("<br /") {
                lines.append(current)
                current = ""
                rest = rest[rest.index(after: close)...]
            } else {
                current += "<"
                rest = rest[rest.index(after: open)...]
            }
        }
        current += rest
        lines.append(current)
        return lines.map { Emphasis.collapseSpaces($0) }.filter { !$0.isEmpty }
    }

    static func isRuleCell(_ c: String) -> Bool {
        !c.isEmpty && c.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " }
    }

    // MARK: Flattened cells

    /// Reads the table whose first lone `|` is at `start`: returns it (nil when
    /// no cell stands between the pipes) and the index after its last `|`.
    static func flattenedTable(_ lines: [String], from start: Int, compact: Bool = false) -> (Table?, Int) {
        // Slots: what stands between two consecutive `|` lines (source lines, maybe none).
        var slots: [[String]] = []
        var current: [String] = []
        var i = start + 1
        var end = start + 1
        while i < lines.count {
            let l = lines[i]
            if l == "|" {
                slots.append(current)
                current = []
                i += 1
                end = i
                // The table ends at a `|` followed by a blank line or the end of the text; in a
                // compact copy also at the end of a whole row followed by a block of its own.
                if i >= lines.count || lines[i].isEmpty { break }
                if compact, lines[i] != "|" {
                    // What follows is no cell when no `|` closes it soon: within 8 lines for a line
                    // that starts a block of its own (a bold heading, capitals, a numbered heading), 16 otherwise.
                    let reach = startsBlockAfterTable(lines[i]) ? 8 : 16
                    if !lines[i..<min(lines.count, i + reach)].contains("|") { break }
                }
                continue
            }
            if !l.isEmpty { current.append(l) }
            i += 1
        }
        // Text after the last `|` that never closed belongs to the text, not to a cell.
        guard slots.contains(where: { !$0.isEmpty }) else { return (nil, max(end, start + 1)) }
        let n = max(1, columnCount(slots))
        var rows: [[TableCell]] = []
        var p = 0
        while p < slots.count {
            var width = min(n, slots.count - p)
            // A short row (merged or trailing empty cells not written): it ends at
            // an empty slot followed by what starts a row (a row number), else
            // at the last empty slot within the width.
            if p + width < slots.count, !slots[p + width].isEmpty {
                let gaps = (1..<width).filter { slots[p + $0].isEmpty }
                if let m = gaps.last(where: { p + $0 + 1 < slots.count && looksLikeRowNumber(slots[p + $0 + 1]) }) ?? gaps.last {
                    width = m
                }
            }
            rows.append(slots[p..<(p + width)].map { TableCell(lines: spanJoined($0)) })
            p += width + 1 // the gap between rows; width >= 1, so p advances
        }
        return (Table(rows: rows, line: start + 1), max(end, start + 1))
    }

    /// The column count: the first row's cells (the slots before the first
    /// empty one: a header row is full), unless that row had an empty cell,
    /// which shows as a wider period (every (n+1)-th slot an empty gap, the
    /// slots ending with a whole row) of at most 12 columns.
    static func columnCount(_ slots: [[String]]) -> Int {
        let firstRow = slots.firstIndex(where: { $0.isEmpty }) ?? slots.count
        if isPeriod(firstRow, slots) { return firstRow }
        if firstRow < 12, slots.count > firstRow {
            for n in (firstRow + 1)...min(12, slots.count) where isPeriod(n, slots) { return n }
        }
        return firstRow
    }

    static func isPeriod(_ n: Int, _ slots: [[String]]) -> Bool {
        guard n >= 1, (slots.count + 1) % (n + 1) == 0 else { return false }
        var g = n
        while g < slots.count { if !slots[g].isEmpty { return false }; g += n + 1 }
        return true
    }

    /// `1`, `12`, `IV`, `a`, `1.2`, `II.` alone in a cell (emphasis allowed).
    static func looksLikeRowNumber(_ lines: [String]) -> Bool {
        guard lines.count == 1 else { return false }
        let t = Emphasis.strip(lines[0])
        guard !t.isEmpty, t.count <= 6 else { return false }
        if t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) { return true }
        if t.allSatisfy({ "IVXL.".contains($0) }) { return true }
        return t.count <= 2 && t.first?.isLowercase == true && (t.count == 1 || t.last == ")" || t.last == ".")
    }

    /// Source lines of a cell with a bold or italic span broken across lines
    /// made one line, emphasis removed: `**TM. ỦY BAN NHÂN` + `DÂN**` → `TM. ỦY BAN NHÂN DÂN`.
    static func spanJoined(_ lines: [String]) -> [String] {
        var out: [String] = []
        var pending: String?
        for l in lines {
            let joined = pending.map { $0 + " " + l } ?? l
            if Emphasis.leavesSpanOpen(joined) {
                pending = joined
            } else {
                out.append(Emphasis.strip(joined))
                pending = nil
            }
        }
        if let p = pending { out.append(Emphasis.strip(p)) }
        return out.filter { !$0.isEmpty }
    }
}
