import VanBanText

/// A visual line: words at one height, left to right.
struct VisualLine: Sendable {
    var words: [PlacedWord]
    var page: Int

    var x0: Double { words.first?.x0 ?? 0 }
    var x1: Double { words.map(\.x1).max() ?? 0 }
    var y0: Double { words.map(\.y0).min() ?? 0 }
    var y1: Double { words.map(\.y1).max() ?? 0 }
    var em: Double {
        let sizes = words.map(\.size).filter { $0 > 0 }.sorted()
        return sizes.isEmpty ? max(y1 - y0, 1) : sizes[sizes.count / 2]
    }
    var bold: Bool { !words.isEmpty && words.allSatisfy(\.bold) }
    var text: String { PageLayout.join(words) }
}

/// What a page holds once laid out: tables and lines, top to bottom.
enum PageItem: Sendable {
    case line(VisualLine)
    case table(rows: [[[String]]], columns: [Double], top: Double, bottom: Double, page: Int)

    var top: Double {
        switch self {
        case let .line(l): return l.y0
        case let .table(_, _, top, _, _): return top
        }
    }
}

/// Turns placed words (from a text layer or from OCR) and a page's rules into
/// lines and tables, then paragraphs: the geometry half of the PDF reader,
/// independent of poppler and Tesseract so that it can be tested on its own.
enum PageLayout {
    /// Words at one height grouped into lines, top to bottom, each left to right.
    static func lines(_ words: [PlacedWord], page: Int) -> [VisualLine] {
        let sorted = words.sorted { $0.centerY < $1.centerY || ($0.centerY == $1.centerY && $0.x0 < $1.x0) }
        var lines: [VisualLine] = []
        var current: [PlacedWord] = []
        var band = (y0: 0.0, y1: 0.0)
        for w in sorted {
            if let _ = current.first {
                let h = max(band.y1 - band.y0, w.height, 1)
                if abs(w.centerY - (band.y0 + band.y1) / 2) <= 0.4 * h {
                    current.append(w)
                    continue
                }
                lines.append(VisualLine(words: current.sorted { $0.x0 < $1.x0 }, page: page))
            }
            current = [w]
            band = (w.y0, w.y1)
        }
        if !current.isEmpty { lines.append(VisualLine(words: current.sorted { $0.x0 < $1.x0 }, page: page)) }
        return lines
    }

    /// Words joined with spaces; a word ending in a hyphen glued to the next
    /// when the two were one word broken by the line end is handled by `joinLines`.
    static func join(_ words: [PlacedWord]) -> String {
        words.map(\.text).joined(separator: " ")
    }

    /// The widest gap between neighbouring words of a line, when it is at least
    /// `factor` em wide: the space between two columns.
    static func columnGap(_ line: VisualLine, factor: Double = 1.5) -> (from: Double, to: Double)? {
        let em = line.em
        var best: (from: Double, to: Double)?
        var reach = line.words.first?.x1 ?? 0
        for w in line.words.dropFirst() {
            let gap = w.x0 - reach
            if gap >= factor * em, gap > (best.map { $0.to - $0.from } ?? 0) { best = (reach, w.x0) }
            reach = max(reach, w.x1)
        }
        return best
    }

    // MARK: ruled tables

    /// Tables drawn with rules: each set of crossing rules with at least two
    /// horizontal and two vertical ones is a grid; words inside it are put in
    /// its cells. Returns the tables and the words left outside them.
    static func ruledTables(words: [PlacedWord], rules: PageRules, page: Int) -> (tables: [PageItem], rest: [PlacedWord]) {
        let tol = PageRules.tolerance
        // The rules of a grid, then its tables: each set of grid rules that meet (union-find,
        // horizontal i is node i, vertical j is node hs.count + j).
        let grid = rules.grid
        let hs = grid.horizontal, vs = grid.vertical
        guard hs.count >= 2, vs.count >= 2 else { return ([], words) }
        var parent = Array(0..<(hs.count + vs.count))
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        for (i, h) in hs.enumerated() {
            for (j, v) in vs.enumerated() where PageRules.crosses(h, v) {
                let a = find(i), b = find(hs.count + j)
                if a != b { parent[a] = b }
            }
        }
        var groups: [Int: (h: [Rule], v: [Rule])] = [:]
        for (i, h) in hs.enumerated() { groups[find(i), default: ([], [])].h.append(h) }
        for (j, v) in vs.enumerated() { groups[find(hs.count + j), default: ([], [])].v.append(v) }
        var tables: [PageItem] = []
        var used = [Bool](repeating: false, count: words.count)
        for (_, g) in groups.sorted(by: { ($0.value.h.map(\.at).min() ?? 0) < ($1.value.h.map(\.at).min() ?? 0) }) {
            let ys = distinct(g.h.map(\.at), tol: tol), xs = distinct(g.v.map(\.at), tol: tol)
            guard ys.count >= 2, xs.count >= 2, let top = ys.first, let bottom = ys.last, let left = xs.first, let right = xs.last else { continue }
            let rows = ys.count - 1, cols = xs.count - 1
            guard rows * cols <= 20_000 else { continue }
            func hasHorizontal(at y: Double, x: Double) -> Bool { g.h.contains { abs($0.at - y) <= tol && x >= $0.from - tol && x <= $0.to + tol } }
            func hasVertical(at x: Double, y: Double) -> Bool { g.v.contains { abs($0.at - x) <= tol && y >= $0.from - tol && y <= $0.to + tol } }
            // The top-left cell each grid cell belongs to, following missing rules up and left.
            var owner = [[(r: Int, c: Int)]](repeating: [(r: Int, c: Int)](repeating: (0, 0), count: cols), count: rows)
            for r in 0..<rows {
                let midY = (ys[r] + ys[r + 1]) / 2
                for c in 0..<cols {
                    var c0 = c
                    while c0 > 0, !hasVertical(at: xs[c0], y: midY) { c0 -= 1 }
                    let midX = (xs[c0] + xs[c0 + 1]) / 2
                    if r > 0, !hasHorizontal(at: ys[r], x: midX) {
                        owner[r][c] = owner[r - 1][c0]
                    } else {
                        owner[r][c] = (r, c0)
                    }
                }
            }
            var cellWords: [Int: [PlacedWord]] = [:]
            for (k, w) in words.enumerated() where !used[k] {
                let cx = w.centerX, cy = w.centerY
                guard cx >= left, cx <= right, cy >= top, cy <= bottom else { continue }
                guard let r = ys.lastIndex(where: { $0 <= cy }).map({ min($0, rows - 1) }),
                      let c = xs.lastIndex(where: { $0 <= cx }).map({ min($0, cols - 1) }) else { continue }
                used[k] = true
                let o = owner[r][c]
                cellWords[o.r * cols + o.c, default: []].append(w)
            }
            var out: [[[String]]] = []
            for r in 0..<rows {
                var row: [[String]] = []
                for c in 0..<cols {
                    let o = owner[r][c]
                    if o.c != c { row.append([]); continue }
                    row.append(lines(cellWords[o.r * cols + o.c] ?? [], page: page).map(\.text))
                }
                if row.contains(where: { !$0.isEmpty }) { out.append(row) }
            }
            if !out.isEmpty { tables.append(.table(rows: out, columns: xs, top: top, bottom: bottom, page: page)) }
        }
        return (tables, words.enumerated().filter { !used[$0.offset] }.map(\.element))
    }

    /// Values closer than `tol` merged to their mean, ascending.
    static func distinct(_ values: [Double], tol: Double) -> [Double] {
        var out: [(sum: Double, n: Double, last: Double)] = []
        for v in values.sorted() {
            if let l = out.last, v - l.last <= tol {
                out[out.count - 1] = (l.sum + v, l.n + 1, v)
            } else {
                out.append((v, 1, v))
            }
        }
        return out.map { $0.sum / $0.n }
    }

    // MARK: borderless columns (the header, the signature row)

    /// Lines beside each other in two columns without rules (the issuer beside
    /// the motto, `Nơi nhận` beside the signature) read as a table of one or
    /// more rows and two cells; every other line is left as it is.
    static func columnRegions(_ lines: [VisualLine], pageCenter: Double? = nil) -> [PageItem] {
        var items: [PageItem] = []
        var i = 0
        while i < lines.count {
            guard let seed = columnGap(lines[i], factor: 2) else { items.append(.line(lines[i])); i += 1; continue }
            var channel = seed
            let em = lines[i].em
            func narrowed(_ l: VisualLine, _ ch: (from: Double, to: Double)) -> (from: Double, to: Double)? {
                // A line centred on the page (the type line `KẾ HOẠCH`, a title) spans both columns.
                if let c = pageCenter, columnGap(l) == nil, abs((l.x0 + l.x1) / 2 - c) <= 1.5 * em,
                   abs(l.x0 - seed.to) > em, abs(l.x0 - seed.from) > em { return nil }
                // The gap of this line that overlaps the channel most becomes the channel.
                var best: (from: Double, to: Double)?
                var reach = -Double.infinity
                for w in l.words + [PlacedWord("", x0: .infinity, y0: 0, x1: .infinity, y1: 0, size: 0)] {
                    let from = max(ch.from, reach), to = min(ch.to, w.x0)
                    if to - from > (best.map { $0.to - $0.from } ?? 0) { best = (from, to) }
                    reach = max(reach, w.x1)
                }
                guard let b = best, b.to - b.from >= 0.5 * em else { return nil }
                return b
            }
            func crosses(_ l: VisualLine, _ ch: (from: Double, to: Double)) -> Bool { narrowed(l, ch) == nil }
            // Grow upward over lines not yet emitted as items (only plain lines just before).
            var start = i
            while start > 0, let last = items.last, case .line = last {
                let above = lines[start - 1]
                guard lines[start].y0 - above.y1 <= 1.6 * em, above.page == lines[start].page, let ch = narrowed(above, channel) else { break }
                if columnGap(above) == nil, start - 2 >= 0, crosses(lines[start - 2], channel), above.y0 - lines[start - 2].y1 <= 0.8 * em { break }
                channel = ch; start -= 1
                items.removeLast()
            }
            var end = i + 1
            while end < lines.count {
                let below = lines[end]
                guard below.page == lines[end - 1].page, below.y0 - lines[end - 1].y1 <= 2.5 * em, let ch = narrowed(below, channel) else { break }
                if columnGap(below) == nil, end + 1 < lines.count, crosses(lines[end + 1], channel), lines[end + 1].y0 - below.y1 <= 0.8 * em { break }
                channel = ch; end += 1
            }
            let mid = (channel.from + channel.to) / 2
            // A left-only line at the end, a blank line below the left column's
            // last line (or in capitals under lines that are not) and with nothing
            // beside it, starts the body (a type line set flush left, `PHỤ LỤC`
            // under the recipients): it is not part of the header or the closing row.
            var pitches = zip(lines[start..<end], lines[start..<end].dropFirst()).map { $1.y0 - $0.y0 }.filter { $0 >= 0.5 * em }.sorted()
            if pitches.isEmpty { pitches = [1.2 * em] }
            let pitch = pitches[pitches.count / 2]
            while end - start > 1 {
                let l = lines[end - 1]
                guard l.words.allSatisfy({ $0.x1 <= mid }) else { break }
                guard let ownAbove = lines[start..<(end - 1)].last(where: { $0.words.contains { $0.x1 <= mid } }),
                      l.y0 - ownAbove.y0 > 1.4 * pitch
                        || (Paragraphs.isCapitals(l.text) && !Paragraphs.isCapitals(ownAbove.words.filter { $0.x1 <= mid }.map(\.text).joined(separator: " ")))
                else { break }
                end -= 1
            }
            // Each column's width: a cell line is a wrap of the one above when
            // the next word would not have fitted beside it (`Các bộ, cơ quan
            // ngang bộ, cơ quan thuộc` / `Chính phủ;`).
            let region = lines[start..<end]
            var widths = [0.0, 0.0]
            for side in 0..<2 {
                let parts = region.map { l in l.words.filter { side == 0 ? $0.x1 <= mid : $0.x1 > mid } }.filter { !$0.isEmpty }
                let x0 = parts.compactMap { $0.first?.x0 }.min() ?? 0, x1 = parts.compactMap { $0.map(\.x1).max() }.max() ?? 0
                widths[side] = x1 - x0
            }
            var rows: [[[String]]] = [[[], []]]
            var lastPart: [[PlacedWord]?] = [nil, nil]
            var lastY1: Double?
            for l in region {
                let parts = [l.words.filter { $0.x1 <= mid }, l.words.filter { $0.x1 > mid }]
                if let y = lastY1, !parts[0].isEmpty, !parts[1].isEmpty, l.y0 - y > 1.2 * em, rows[rows.count - 1].contains(where: { !$0.isEmpty }) {
                    rows.append([[], []])
                    lastPart = [nil, nil]
                }
                for side in 0..<2 where !parts[side].isEmpty {
                    let text = join(parts[side])
                    var cell = rows[rows.count - 1][side]
                    if let above = lastPart[side], let last = cell.last, let first = parts[side].first,
                       isWrap(above: above, first: first, text: text, width: widths[side], em: em) {
                        cell[cell.count - 1] = last + " " + text
                    } else {
                        cell.append(text)
                    }
                    rows[rows.count - 1][side] = cell
                    lastPart[side] = parts[side]
                }
                lastY1 = l.y1
            }
            // One line with a gap is two columns only when the gap is wide (`Số: 12/KH-UBND      Hà Nội, ngày ...`);
            // a narrower one is a word OCR lost, or spacing.
            if end - start == 1, seed.to - seed.from < 4 * em {
                items.append(.line(lines[i])); i += 1; continue
            }
            items.append(.table(rows: rows, columns: [lines[start].x0, mid], top: lines[start].y0, bottom: lines[end - 1].y1, page: lines[i].page))
            i = max(end, i + 1) // always past the seed line
        }
        return items
    }

    /// A line in a borderless column goes on from the one above when the
    /// column had no room for its first word there, and it is neither a new
    /// list item nor in capitals (an issuer's two lines, a signer's titles).
    static func isWrap(above: [PlacedWord], first: PlacedWord, text: String, width: Double, em: Double) -> Bool {
        guard let a0 = above.first?.x0, let a1 = above.map(\.x1).max() else { return false }
        if let c = text.first, "-+•*".contains(c) { return false }
        let aboveText = join(above)
        if Words.isAllCaps(aboveText) || Words.isAllCaps(text) { return false }
        return (a1 - a0) + 0.3 * em + (first.x1 - first.x0) > width
    }
}
