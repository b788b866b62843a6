import Foundation
import VanBanExtract
import VanBanText

// Query logic shared by every backend: what SQL cannot say the same way everywhere.

/// Deadlines of a range: dated ones as stated, days without a year (`--12-15`) once
/// for each year of the range from the plan's own year on (once, in the plan's own
/// year, when they do not recur). Rows come out by date, then in the order added.
package struct DeadlineRange {
    let before: ISODate
    let after: ISODate?
    let lower: String
    var out: [DeadlineRow] = []

    package init(before: ISODate, after: ISODate?) {
        self.before = before; self.after = after
        lower = after?.string ?? "0000"
        out.reserveCapacity(1024)
    }

    /// The query's dates, checked.
    package static func bounds(_ q: DeadlineQuery) throws -> (ISODate, ISODate?) {
        guard let before = ISODate(q.before) else { throw StoreError.badDate(q.before) }
        let after = try q.after.map { s -> ISODate in guard let d = ISODate(s) else { throw StoreError.badDate(s) }; return d }
        return (before, after)
    }

    /// The smallest stated date worth reading (a month, `2024-12`, may still end inside the range).
    package static func lowestStated(_ after: ISODate?) -> String { String((after?.string ?? "0000").prefix(7)) }

    package mutating func add(document: String, stated: String, recurrence: String?, relation: String?, section: String,
                              quote: String, documentYear: Int?, agencies joined: String) {
        // Byte-level checks and splits: this runs once per stored deadline in range.
        let yearless = stated.utf8.starts(with: "--".utf8)
        guard yearless || stated + "-99" >= lower else { return }
        var dates: [String] = []
        if yearless {
            var years: [Int] = []
            if recurrence != nil {
                let start: Int = after?.year ?? documentYear ?? before.year
                let firstYear: Int = max(start, documentYear ?? Int.min)
                if firstYear <= before.year { years = Array(firstYear...before.year) }
            } else if let y = documentYear {
                years = [y]
            }
            let monthDay = Substring(stated.utf8.dropFirst(1))
            for y in years {
                let date: String = Self.year(y) + monthDay
                if date <= before.string && date >= lower { dates.append(date) }
            }
        } else {
            dates = [stated]
        }
        guard !dates.isEmpty else { return }
        let agencies = joined.isEmpty ? [] : joined.utf8.split(separator: UInt8(ascii: "|")).map { String(Substring($0)) }
        let base = DeadlineRow(document: document, date: "", stated: stated, recurrence: recurrence, relation: relation,
                               section: section, agencies: agencies, quote: quote)
        for d in dates { var row = base; row.date = d; out.append(row) }
    }

    /// `2024`, `0999`: four digits without Foundation's formatter (called once per row and year).
    static func year(_ y: Int) -> String {
        let digits = String(y)
        return y >= 0 && digits.utf8.count < 4 ? String(repeating: "0", count: 4 - digits.utf8.count) + digits : digits
    }

    /// By date, then the order added (Swift's sort is not stable: indices keep ties in order).
    package func rows() -> [DeadlineRow] {
        let order = out.indices.sorted { out[$0].date != out[$1].date ? out[$0].date < out[$1].date : $0 < $1 }
        return order.map { out[$0] }
    }
}

/// The folded keys an agency query matches: its canonical name's and its own.
package func agencyQueryKeys(_ agency: String) -> [String] {
    Array(Set([Folding.words(AgencyNormalizer.canonical(agency)), Folding.words(agency)])).sorted()
}

/// `2024-12-31` → year and the string; partial dates (`2024-12`, `2024`) are accepted for ranges.
package struct ISODate: Sendable {
    package let string: String
    package let year: Int
    /// `2024-03-15`, or a partial `2024-03` or `2024`; nil for anything else and for
    /// days that do not exist (`2025-13-45`, `2025-02-29`).
    package init?(_ s: String) {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, let y = Int(parts[0]),
              parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        if parts.count >= 2 {
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            if parts.count == 3 {
                guard let d = Int(parts[2]), d >= 1, d <= Self.days(inMonth: m, of: y) else { return nil }
            }
        }
        string = s; year = y
    }

    static func days(inMonth m: Int, of y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A short extract of a paragraph around the first matched term, matches in [brackets].
package enum Snippet {
    package static func make(_ text: String, terms: [String], radius: Int = 12) -> String {
        let words = text.split(separator: " ")
        let keys = words.map { Folding.words(String($0)) }
        let termSet = Set(terms)
        let first = keys.firstIndex { k in k.split(separator: " ").contains { termSet.contains(String($0)) } } ?? 0
        let lo = max(0, first - radius), hi = min(words.count, first + radius + 1)
        var out: [String] = []
        for k in lo..<hi {
            let hit = keys[k].split(separator: " ").contains { termSet.contains(String($0)) }
            out.append(hit ? "[" + words[k] + "]" : String(words[k]))
        }
        return (lo > 0 ? "… " : "") + out.joined(separator: " ") + (hi < words.count ? " …" : "")
    }
}

