/// Word's automatic numbering, rebuilt: the `1.`, `a)`, `-` that `w:numPr`
/// produces are not in a paragraph's text, so they are computed from
/// `word/numbering.xml` the way Word counts them.
///
/// ```swift
/// var n = WordNumbering(numbering: xml)
/// n.marker(numID: "3", level: 0)  // "I."
/// n.marker(numID: "3", level: 1)  // "1."
/// ```
public struct WordNumbering: Sendable {
    /// One level of a list definition.
    struct Level: Sendable {
        var format = "decimal"
        var text = "%1."
        var start = 1
        /// The level after which this one restarts (`w:lvlRestart`); nil means "after any higher level".
        var restartAfter: Int?
        var suffix = " "
    }

    /// Lower-case Vietnamese alphabet, for `lowerLetter` lists: `a) b) c) d) đ) e)`.
    public static let vietnameseLetters: [String] = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
                                                     "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]

    var abstractLevels: [String: [Int: Level]] = [:]
    var numToAbstract: [String: String] = [:]
    var startOverrides: [String: [Int: Int]] = [:]
    /// Counters per list instance (`w:numId`) and level.
    var counters: [String: [Int: Int]] = [:]

    public init(numbering: MarkupElement?) {
        guard let numbering else { return }
        for abstract in numbering.elements where abstract.name == "w:abstractNum" {
            guard let id = abstract.attributes["w:abstractNumId"] else { continue }
            var levels: [Int: Level] = [:]
            for lvl in abstract.elements where lvl.name == "w:lvl" {
                guard let ilvl = Int(lvl.attributes["w:ilvl"] ?? "") else { continue }
                var level = Level(text: "%\(ilvl + 1).")
                if let v = lvl.child("w:numFmt")?.attributes["w:val"] { level.format = v }
                if let v = lvl.child("w:lvlText")?.attributes["w:val"] { level.text = v }
                if let v = Int(lvl.child("w:start")?.attributes["w:val"] ?? "") { level.start = v }
                if let v = Int(lvl.child("w:lvlRestart")?.attributes["w:val"] ?? "") { level.restartAfter = v }
                switch lvl.child("w:suff")?.attributes["w:val"] {
                case "nothing": level.suffix = ""
                default: level.suffix = " "
                }
                levels[ilvl] = level
            }
            abstractLevels[id] = levels
        }
        for num in numbering.elements where num.name == "w:num" {
            guard let id = num.attributes["w:numId"], let abstract = num.child("w:abstractNumId")?.attributes["w:val"] else { continue }
            numToAbstract[id] = abstract
            for o in num.elements where o.name == "w:lvlOverride" {
                if let ilvl = Int(o.attributes["w:ilvl"] ?? ""), let start = Int(o.child("w:startOverride")?.attributes["w:val"] ?? "") {
                    startOverrides[id, default: [:]][ilvl] = start
                }
            }
        }
    }

    /// The marker for the next paragraph of list `numID` at `level`, with its suffix
    /// (`"2.1. "`, `"a) "`, `"- "`); nil when the list is unknown or `numID` is `0` (numbering removed).
    public mutating func marker(numID: String, level: Int) -> String? {
        guard numID != "0", let abstract = numToAbstract[numID], let levels = abstractLevels[abstract],
              let lvl = levels[level] else { return nil }
        var count = counters[numID] ?? [:]
        let start = startOverrides[numID]?[level] ?? lvl.start
        count[level] = count[level].map { $0 + 1 } ?? start
        // Deeper levels restart when a higher one advances (unless told otherwise).
        for (deeper, l) in levels where deeper > level {
            let restartsHere = l.restartAfter.map { $0 != 0 && $0 - 1 >= level } ?? true
            if restartsHere { count[deeper] = nil }
        }
        counters[numID] = count
        if lvl.format == "none" { return lvl.text.isEmpty ? nil : lvl.text + lvl.suffix }
        if lvl.format == "bullet" { return Self.bullet(lvl.text) + lvl.suffix }
        var out = ""
        var chars = lvl.text[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "%", let d = chars.first, let n = d.wholeNumberValue, n >= 1 {
                chars = chars.dropFirst()
                let l = n - 1
                let fmt = levels[l]?.format ?? "decimal"
                let value = count[l] ?? (startOverrides[numID]?[l] ?? levels[l]?.start ?? 1)
                out += Self.format(value, fmt)
            } else {
                out.append(c)
            }
        }
        return out + lvl.suffix
    }

    /// Bullet characters from symbol fonts (private-use code points) read as `-`.
    static func bullet(_ text: String) -> String {
        guard let u = text.unicodeScalars.first else { return "-" }
        if (0xE000...0xF8FF).contains(u.value) { return "-" }
        return text
    }

    /// `3` as `decimal` → `3`, `upperRoman` → `III`, `lowerLetter` → `c` (Vietnamese alphabet).
    public static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        case "lowerLetter": return letter(n)
        case "upperLetter": return letter(n).uppercased()
        case "decimalZero": return n < 10 ? "0\(n)" : "\(n)"
        default: return "\(n)"
        }
    }

    static func letter(_ n: Int) -> String {
        guard n >= 1 else { return "\(n)" }
        let a = vietnameseLetters
        let letter = a[(n - 1) % a.count]
        return String(repeating: letter, count: (n - 1) / a.count + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n > 0 && n < 4000 else { return "\(n)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }
}
