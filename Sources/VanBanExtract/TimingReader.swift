import VanBanModel
import VanBanText

/// Reads the periods of a timing line (`Thời gian thực hiện: ...`, a task
/// table's time cell, a bracketed timing note) as OUTPUT.md says:
///
/// - `Tháng 12/2025` → `2025-12`; `Quý IV/2025`, `Quý III năm 2026` → the
///   quarter's closing month (`2025-12`, `2026-09`);
/// - a run of periods (`Tháng 11, 12/2013`, `Quý IV/2025 - Quý II/2026`,
///   `Năm 2025 - 2026`) → one deadline at its end;
/// - `Năm 2026`, `trong năm 2026`, `2026` → `2026`;
/// - `Từ tháng 11/2013`, `năm 2025 và các năm tiếp theo` → relation `from`;
/// - a period word (`Hằng năm`, `hằng quý`, `6 tháng`) → an entry with no date;
/// - `Thường xuyên` and a span equal to the plan's horizon (`2026 - 2030` in a
///   plan `giai đoạn 2026 - 2030`) → nothing.
struct TimingReader {
    /// End years of the plan's horizon and its declared phases (title and headings).
    let horizonEnds: Set<Int>
    let documentYear: Int?

    struct Period: Equatable { var date: String?; var recurrence: Recurrence?; var relation: DeadlineRelation? }

    /// Timing cues that open a timing line, followed by `:`.
    static let cues = PhraseSet(["thời gian thực hiện", "thời gian hoàn thành", "thời gian", "thời hạn", "thời hạn hoàn thành",
                                 "thời hạn thực hiện", "thời hạn ban hành", "thời hạn trình", "tiến độ", "tiến độ thực hiện",
                                 "tiến độ hoàn thành", "thời điểm", "thời điểm hoàn thành", "thời gian dự kiến hoàn thành"])
    /// Words after which a bare year is a period (`trong 2026`, `từ 2025`).
    static let yearLeadWords: Set<String> = ["tu", "den", "va", "trong", "nam", "hoac", "truoc", "sau", "cuoi", "dau", "het", "nay"]
    /// Words a bracketed timing note may hold besides numbers: `(2026 trở đi)`, `(năm 2025 - 2026)`, `(Quý IV/2025)`.
    static let noteWords: Set<String> = ["nam", "quy", "thang", "tu", "den", "tro", "di", "trong", "i", "ii", "iii", "iv", "hang", "het", "cuoi", "dau"]

    /// True when `text` holds nothing but periods (for a bracketed note at the end of an item).
    static func isPeriodNote(_ text: String) -> Bool {
        let atoms = Self.atoms(text)
        var years = 0
        for a in atoms {
            switch a {
            case let .number(n, _): if (1900...2200).contains(n) { years += 1 } else if n > 12 { return false }
            case let .word(w): if !noteWords.contains(w) { return false }
            default: break
            }
        }
        return years > 0
    }

    /// Folded headings of a timing facet (`c) Thời gian thực hiện`).
    static let facetHeadings = ["thoi gian", "thoi han", "tien do", "thoi diem"]

    /// A short heading that names a task's timing (`c) Thời gian thực hiện`, not `2. Tiến độ triển khai các dự án trọng điểm`).
    static func isTimingFacet(_ foldedHeading: String) -> Bool {
        foldedHeading.utf8.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 } <= 5 && facetHeadings.contains { foldedHeading.hasPrefix($0) }
    }

    /// Where the periods of a timing line start: after `Thời gian thực hiện:`, or 0 for a time cell.
    static func periodsStart(_ t: [Token]) -> Int? {
        var i = 0
        while i < t.count, !t[i].isWord { i += 1 }
        guard let m = cues.match(t, at: i) else { return nil }
        let j = i + m.length
        guard j < t.count, !t[j].isWord, t[j].key == ":" else { return nil }
        return j + 1
    }

    private enum Atom: Equatable { case word(String), number(Int, String), dash, slash, comma }

    /// The periods in `text`, at most one dated entry (the run's end) plus one per period word.
    func read(_ text: String) -> [Period] {
        let atoms = Self.atoms(text)
        var ends: [(date: String, year: Int)] = []
        var recurrences: [Recurrence] = []
        var from = false
        var spanStart: Int?      // year where a span began (`2025 -`)
        var dropped = false
        var k = 0
        func word(_ at: Int) -> String? { if at < atoms.count, case let .word(w) = atoms[at] { return w }; return nil }
        func number(_ at: Int) -> Int? { if at < atoms.count, case let .number(n, _) = atoms[at] { return n }; return nil }
        func year(_ at: Int) -> Int? { number(at).flatMap { (1900...2200).contains($0) ? $0 : nil } }
        /// A year after `/`, `năm`, or directly.
        func yearAfter(_ at: Int) -> (Int, Int)? {
            if at < atoms.count, atoms[at] == .slash, let y = year(at + 1) { return (y, at + 2) }
            if word(at) == "nam", let y = year(at + 1) { return (y, at + 2) }
            if let y = year(at) { return (y, at + 1) }
            return nil
        }
        func add(_ date: String, _ y: Int) {
            if let s = spanStart {
                // A span: `2025 - 2030` ends at 2030, unless that is the plan's horizon.
                // A span of four years or more is a phase of the plan, not a deadline.
                if y > s, y - s >= 4 || (horizonEnds.contains(y) && s <= (documentYear ?? s) + 1) { dropped = true; spanStart = nil; return }
                spanStart = nil
            }
            ends.append((date, y))
        }
        while k < atoms.count {
            let start = k
            switch atoms[k] {
            case .word("tu"): from = true; k += 1
            case .word("quy"):
                if let q = Self.quarter(atoms, k + 1), let (y, next) = yearAfter(k + 2) {
                    add("\(y)-" + DateReader.pad(q * 3), y); k = next
                } else { k += 1 }
            case .word("ngay"):
                // `ngày 15/12/2025`
                if let d = number(k + 1), k + 5 < atoms.count + 0, atoms[k + 2] == .slash, let m = number(k + 3),
                   DateReader.valid(d, m), k + 4 < atoms.count, atoms[k + 4] == .slash, let y = year(k + 5) {
                    add("\(y)-\(DateReader.pad(m))-\(DateReader.pad(d))", y); k += 6
                } else { k += 1 }
            case .word("thang"):
                // `tháng 11, 12/2013`: months in a run, the year after the last.
                var months: [Int] = []
                var j = k + 1
                while let m = number(j), (1...12).contains(m) {
                    months.append(m); j += 1
                    if j < atoms.count, atoms[j] == .comma || word(j) == "va" { j += 1; continue }
                    break
                }
                if let last = months.last, let (y, next) = yearAfter(j) {
                    add("\(y)-" + DateReader.pad(last), y); k = next
                } else { k = max(j, k + 1) }
            case .word("nam"):
                if let y = year(k + 1) { add("\(y)", y); k += 2 } else { k += 1 }
            case .word("hang"), .word("moi"):
                if let w = word(k + 1), let r = ["nam": Recurrence.yearly, "quy": .quarterly, "thang": .monthly, "ngay": .daily][w] {
                    recurrences.append(r); k += 2
                } else { k += 1 }
            case let .number(n, _):
                // A bare year stands alone or after a separator or time word, never after a name (`Luật An ninh mạng 2025`).
                let before: Atom? = k > 0 ? atoms[k - 1] : nil
                let bareYearAllowed: Bool
                switch before {
                case nil, .dash?, .comma?, .slash?: bareYearAllowed = true
                case let .word(w)?: bareYearAllowed = Self.yearLeadWords.contains(w)
                default: bareYearAllowed = false
                }
                if (1900...2200).contains(n), bareYearAllowed || spanStart != nil { add("\(n)", n); k += 1 }
                else if (n == 6 || n == 3), word(k + 1) == "thang", year(k + 2) == nil, atoms.count <= k + 3 || atoms[k + 2] != .slash {
                    recurrences.append(n == 6 ? .semiannual : .quarterly); k += 2
                } else { k += 1 }
            case .dash:
                if let last = ends.last, word(k + 1) != nil || number(k + 1) != nil {
                    spanStart = last.year; ends.removeLast()
                }
                k += 1
            case .word("den"):
                if let last = ends.last { spanStart = last.year; ends.removeLast() }
                k += 1
            default:
                k += 1
            }
            precondition(k > start, "TimingReader must advance")
        }
        if let s = spanStart, !dropped { ends.append(("\(s)", s)) } // `2025 -` with no end: its start
        let followingYears = Bytes.contains(Folding.words(text), "cac nam tiep theo") || Bytes.contains(Folding.words(text), "tro di")
        var out: [Period] = []
        if let end = ends.max(by: { $0.date < $1.date }) {
            let rel: DeadlineRelation = (from || followingYears) && ends.count == 1 ? .from : .before
            out.append(Period(date: from || followingYears ? ends[0].date : end.date, recurrence: nil, relation: rel))
        }
        for r in recurrences { out.append(Period(date: nil, recurrence: r, relation: nil)) }
        return out
    }

    /// End years of the plan's horizon and phases: `đến năm 2035`, `giai đoạn 2026 - 2030`
    /// in the title or a heading.
    static func horizonEnds(_ texts: [String]) -> Set<Int> {
        var out: Set<Int> = []
        for text in texts {
            let atoms = Self.atoms(text)
            var k = 0
            while k < atoms.count {
                if case .word("den") = atoms[k], k + 2 < atoms.count, case .word("nam") = atoms[k + 1],
                   case let .number(y, _) = atoms[k + 2], (1900...2200).contains(y) { out.insert(y) }
                if case .word("giai") = atoms[k], k + 4 < atoms.count, case .word("doan") = atoms[k + 1],
                   case let .number(a, _) = atoms[k + 2], atoms[k + 3] == .dash, case let .number(b, _) = atoms[k + 4],
                   (1900...2200).contains(a), b > a, b <= 2200 { out.insert(b) }
                k += 1
            }
        }
        return out
    }

    /// `I`…`IV` or `1`…`4` at `at`.
    private static func quarter(_ atoms: [Atom], _ at: Int) -> Int? {
        guard at < atoms.count else { return nil }
        switch atoms[at] {
        case let .word(w): return ["i": 1, "ii": 2, "iii": 3, "iv": 4][w]
        case let .number(n, _): return (1...4).contains(n) ? n : nil
        default: return nil
        }
    }

    /// Folded words, numbers, and the separators `-` `–` `/` `,`.
    private static func atoms(_ text: String) -> [Atom] {
        var out: [Atom] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            if current.allSatisfy(\.isASCII), current.allSatisfy(\.isNumber), let n = Int(current) { out.append(.number(n, current)) }
            else { out.append(.word(Folding.words(current))) }
            current = ""
        }
        for c in text {
            if c.isLetter || c.isNumber { current.append(c); continue }
            flush()
            switch c {
            case "-", "–", "—": out.append(.dash)
            case "/": out.append(.slash)
            case ",", ";": out.append(.comma)
            default: break
            }
            if out.count > 400 { break }
        }
        flush()
        return out
    }
}
