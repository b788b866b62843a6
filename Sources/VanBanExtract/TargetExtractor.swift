import VanBanModel
import VanBanText

/// Finds numeric targets: `Phấn đấu 40% số người ...`, `25-35% nông dân ...`,
/// `ít nhất 02 lần tuyên truyền`. Ages, levels, document numbers and dates are never targets.
struct TargetExtractor {
    /// Sections that report the past, not commitments.
    static let skipSections = ["thuc trang", "ket qua dat duoc", "danh gia ket qua", "ket qua thuc hien", "tinh hinh thuc hien"]

    func extract(_ p: Passage, node: NodeInfo?) -> [Target] {
        guard p.zone == .body, let node, !node.inReportSection else { return [] }
        let t = p.tokens
        // No digit, no target.
        guard t.contains(where: { $0.isWord && ($0.text.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false) }) else { return [] }
        var out: [Target] = []
        for s in sentences(t) {
            // The sentence's own horizon, read once (`năm 2025`), else the heading's.
            let year = Self.year(t, s) ?? node.headingYear
            var i = s.lowerBound
            while i < s.upperBound {
                if let (value, upper, n) = percent(t, at: i) {
                    out.append(make(value, upper, "%", afterNumber: i + n, numberAt: i, p, s, year))
                    i += n; continue
                }
                if let cue = TargetCues.countCues.match(t, at: i) {
                    var j = i + cue.length
                    if j < s.upperBound, t[j].key == "tu" { j += 1 }
                    if j < s.upperBound, t[j].isWord, let f = t[j].text.utf8.first, f >= 0x30 && f <= 0x39,
                       let v = count(t[j].text), let unit = TargetCues.units.match(t, at: j + 1) {
                        let unitText = Tokenizer.text(t[(j + 1)..<(j + 1 + unit.length)])
                        out.append(make(v, nil, unitText.lowercased(), afterNumber: j + 1 + unit.length, numberAt: j, p, s, year))
                        i = j + 1 + unit.length; continue
                    }
                }
                i += 1
            }
        }
        return out
    }

    private func make(_ value: Double, _ upper: Double?, _ unit: String, afterNumber: Int, numberAt: Int, _ p: Passage, _ s: Range<Int>, _ headingYear: Int?) -> Target {
        let t = p.tokens
        // Indicator: the words after the number up to the end of the clause.
        var e = afterNumber
        // The clause ends at punctuation; an indicator is never longer than 40 tokens.
        while e < s.upperBound, e - afterNumber < 40 {
            if !t[e].isWord && [",", ";", ".", ")", ":", "”"].contains(t[e].key) { break }
            if percent(t, at: e) != nil { break }
            e += 1
        }
        var start = afterNumber
        for (phrase, _) in TargetCues.trailingComparators { if let n = phrase.match(t, at: start) { start += n } }
        var indicator = e > start ? Tokenizer.text(t[start..<e]) : ""
        if indicator.isEmpty {
            // `Tỷ lệ dịch vụ công trực tuyến đạt từ 50% trở lên`: the measure stands before the number.
            var b = numberAt
            while b > s.lowerBound, numberAt - b < 40, !( !t[b - 1].isWord && [",", ";", ":", "("].contains(t[b - 1].key)) { b -= 1 }
            var end = numberAt
            while end > b, let cue = TargetCues.leadIns.first(where: { end - $0.words.count >= b && $0.match(t, at: end - $0.words.count) != nil }) {
                end -= cue.words.count
            }
            if end > b { indicator = Tokenizer.text(t[b..<end]) }
        }
        var cmp = comparator(t, before: numberAt, from: s.lowerBound)
        for (phrase, c) in TargetCues.trailingComparators where phrase.match(t, at: afterNumber) != nil || phrase.match(t, at: e) != nil {
            cmp = Comparator(rawValue: c) ?? cmp
        }
        return Target(value: value, upper: upper, unit: unit, comparator: cmp,
                      indicator: indicator, year: headingYear, section: p.section,
                      quote: Tokenizer.quote(t, sentence: s, at: numberAt))
    }

    /// `40%`, `99,9%`, `25-35%`, `40 %`: value, upper, tokens used.
    func percent(_ t: [Token], at i: Int) -> (Double, Double?, Int)? {
        guard i < t.count, t[i].isWord, let first = t[i].text.utf8.first, first >= 0x30 && first <= 0x39 else { return nil }
        var text = t[i].text
        var n = 1
        if text.utf8.last == 0x25 { // `%`
            text = String(text.utf8.dropLast())!
        } else {
            guard i + 1 < t.count, !t[i + 1].isWord, t[i + 1].key == "%" else { return nil }
            n = 2
        }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard let v = decimal(parts.first.map(String.init) ?? "") else { return nil }
        if parts.count == 2 {
            guard let u = decimal(String(parts[1])) else { return nil }
            return (v, u, n)
        }
        return parts.count == 1 ? (v, nil, n) : nil
    }

    /// `99,9` → 99.9; `99.9` → 99.9.
    func decimal(_ s: String) -> Double? {
        guard !s.isEmpty, s.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) else { return nil }
        return Double(s.replacingComma())
    }

    /// `02` → 2; `1.000` → 1000.
    func count(_ s: String) -> Double? {
        guard !s.isEmpty, s.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
        return Double(s.filter { $0 != "." })
    }

    func comparator(_ t: [Token], before i: Int, from start: Int) -> Comparator {
        var k = i - 1
        var words = 0
        while k >= start && words < 4 {
            for (phrase, c) in TargetCues.comparators where phrase.match(t, at: k) != nil && k + phrase.words.count <= i {
                return Comparator(rawValue: c) ?? .equal
            }
            if t[k].isWord { words += 1 }
            k -= 1
        }
        return .equal
    }

    /// The horizon a heading states: `năm 2025` (`Mục tiêu đến năm 2025`), or the end of a
    /// phase (`Giai đoạn 2025 - 2030` → 2030, `năm học 2024-2025` → 2025).
    static func headingYear(_ t: [Token]) -> Int? {
        if let y = year(t, 0..<t.count) { return y }
        var i = 0
        while i + 1 < t.count {
            if t[i].isWord, (t[i].key == "doan" && i > 0 && t[i - 1].key == "giai") || (t[i].key == "hoc" && i > 0 && t[i - 1].key == "nam") {
                // `2025 - 2030` as three tokens, or `2025-2030` as one.
                var j = i + 1
                let first = t[j].text.split(whereSeparator: { $0 == "-" || $0 == "–" })
                if first.count == 2, let a = DateReader.year(first[0]), let b = DateReader.year(first[1]), b > a { return b }
                if let a = DateReader.year(Substring(t[j].text)) {
                    j += 1
                    if j + 1 < t.count, !t[j].isWord, t[j].key == "-" || t[j].key == "–", let b = DateReader.year(Substring(t[j + 1].text)), b > a { return b }
                }
            }
            i += 1
        }
        return nil
    }

    /// `năm 2025` in the sentence, not part of a date (`ngày 14 tháng 6 năm 2019`).
    static func year(_ t: [Token], _ s: Range<Int>) -> Int? {
        var i = s.lowerBound
        while i + 1 < s.upperBound {
            if t[i].isWord, t[i].key == "nam", t[i + 1].isWord, let y = DateReader.year(Substring(t[i + 1].text)) {
                let partOfDate = i >= 2 && t[i - 2].key == "thang"
                if !partOfDate { return y }
            }
            i += 1
        }
        return nil
    }

}


extension TargetExtractor {
    /// An indicator table row (`TT | Chỉ tiêu | Đơn vị tính | 2026 | ... | 2030`): one
    /// target per number under a year column, with the row's unit and indicator.
    func tableRow(_ node: NodeInfo) -> [Target] {
        guard let row = node.row, !node.inReportSection else { return [] }
        let years = row.columns.enumerated().compactMap { k, header in Self.yearColumn(header).map { (k, $0) } }
        guard !years.isEmpty else { return [] }
        let roles = node.rowRoles
        let indicator = roles[.task].flatMap { $0 < row.cells.count ? row.cells[$0] : nil } ?? node.heading
        var unit = roles[.unit].flatMap { $0 < row.cells.count ? row.cells[$0].trimmingSpaces() : nil } ?? ""
        var out: [Target] = []
        for (k, year) in years where k < row.cells.count {
            let cell = row.cells[k].trimmingSpaces()
            guard let (value, upper, comparator, percent) = Self.cellNumber(cell) else { continue }
            if percent { unit = "%" }
            out.append(Target(value: value, upper: upper, unit: unit.isEmpty ? "%" : unit, comparator: comparator,
                              indicator: indicator, year: year, section: node.section, quote: "\(indicator) | \(row.columns[k]): \(cell)"))
        }
        return out
    }

    /// `2026`, `Năm 2026`, `Năm 2026 (%)`: the year of a column.
    static func yearColumn(_ header: String) -> Int? {
        let words = Folding.words(header).split(separator: " ")
        guard words.count <= 3 else { return nil }
        for w in words { if let y = DateReader.year(w), words.allSatisfy({ $0 == w || $0 == "nam" || $0 == "ke hoach" || $0 == "muc tieu" }) { return y } }
        return nil
    }

    /// `80`, `80%`, `99,5`, `≥ 80`, `25-35`: value, upper, comparator, whether a percent sign stands there.
    static func cellNumber(_ cell: String) -> (Double, Double?, Comparator, Bool)? {
        var s = Substring(cell)
        var comparator = Comparator.equal
        if s.hasPrefix("≥") || s.hasPrefix(">=") || s.hasPrefix(">") { comparator = .atLeast; s = s.drop { "≥>= ".contains($0) } }
        else if s.hasPrefix("≤") || s.hasPrefix("<=") || s.hasPrefix("<") { comparator = .atMost; s = s.drop { "≤<= ".contains($0) } }
        var percent = false
        if s.hasSuffix("%") { percent = true; s = s.dropLast() }
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmingSpaces() }
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isNumber || $0 == "," || $0 == "." } }) else { return nil }
        func number(_ t: String) -> Double? {
            // `1.000` is a thousand; `99,5` and `99.5` are decimals.
            if t.contains(","), let v = Double(t.filter { $0 != "." }.replacingComma()) { return v }
            if t.split(separator: ".").count == 2, t.split(separator: ".")[1].count == 3 { return Double(t.filter { $0 != "." }) }
            return Double(t)
        }
        guard let v = number(parts[0]) else { return nil }
        let upper = parts.count == 2 ? number(parts[1]) : nil
        if parts.count == 2 && upper == nil { return nil }
        return (v, upper, comparator, percent)
    }
}

extension String {
    func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
