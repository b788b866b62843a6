import VanBanText

/// The kind of a numbered heading marker, with its nesting rank (smaller is higher).
public enum MarkerKind: Sendable, Equatable {
    case part        // Phần I
    case chapter     // Chương II
    case division    // Mục 1
    case upperLetter // A.
    case article     // Điều 1.
    case roman       // I.
    case arabic      // 1.
    case decimal(depth: Int) // 2.1. (depth 2), 2.1.3. (depth 3)
    case letter      // a)  đ)
    case parenArabic // 1)

    var rank: Int {
        switch self {
        case .part: return 0
        case .chapter: return 10
        case .division: return 20
        case .upperLetter: return 30
        case .article: return 40
        case .roman: return 50
        case .arabic: return 60
        case let .decimal(depth): return 60 + min(depth - 1, 9)
        case .letter: return 70
        case .parenArabic: return 80
        }
    }
}

/// A heading marker read from the start of a line.
public struct Marker: Sendable, Equatable {
    public var kind: MarkerKind
    /// As printed: `2.1.`, `a)`, `Điều 1.`
    public var label: String
    /// Id components: `["2", "1"]` for `2.1.`, `["Điều 1"]` for an article.
    public var path: [String]
    /// The rest of the line after the marker.
    public var rest: String
}

/// Reads numbered-heading markers and bullets at the start of a line, scanning
/// UTF-8 bytes (no regular expressions).
public enum MarkerScanner {
    static let romanValues: [String: Int] = {
        var m: [String: Int] = [:]
        let r = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
                 "XVI", "XVII", "XVIII", "XIX", "XX"]
        for (i, s) in r.enumerated() { m[s] = i + 1 }
        return m
    }()
    /// The Vietnamese alphabet used for lettered items: no f, j, w, z.
    static let letters: Set<String> = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]
    static let bulletScalars: Set<Unicode.Scalar> = ["-", "+", "\u{00B7}", "\u{2022}", "*", "\u{2013}", "\u{2014}", "\u{F0B7}", "\u{25AA}", "\u{25CB}", "\u{25CF}", "\u{25E6}", "\u{2192}", "\u{2713}"]

    /// The heading marker at the start of `line`, if any.
    public static func marker(_ line: String) -> Marker? {
        let u = Array(line.utf8)
        guard let first = u.first else { return nil }
        if first >= 0x30 && first <= 0x39 { return numeric(line, u) }
        if first == 0x49 || first == 0x56 || first == 0x58 { // I V X
            if let m = roman(line, u) { return m }
        }
        if first >= 0x41 && first <= 0x5A, let m = upperLetter(line, u) { return m }
        if let m = letter(line) { return m }
        if let m = named(line) { return m }
        return nil
    }

    /// `- text` → (`-`, `text`); nil when the line has no bullet.
    public static func bullet(_ line: String) -> (marker: String, text: String)? {
        // Quick reject on the first byte: bullets are `-`, `+`, `*` or a non-ASCII symbol.
        guard let b0 = line.utf8.first, b0 == 0x2D || b0 == 0x2B || b0 == 0x2A || b0 >= 0xC2 else { return nil }
        guard let f = line.unicodeScalars.first, bulletScalars.contains(f) else { return nil }
        var rest = line.unicodeScalars.dropFirst()
        // `-2%` is a number, `--` a rule.
        if let n = rest.first, n.properties.numericType != nil || bulletScalars.contains(n) { return nil }
        while rest.first == " " { rest = rest.dropFirst() }
        if rest.isEmpty { return nil }
        return (String(f), String(line[rest.startIndex...]))
    }

    private static func restAfter(_ line: String, utf8Offset: Int) -> String? {
        let u = line.utf8
        let idx = u.index(u.startIndex, offsetBy: utf8Offset)
        var rest = line[idx...]
        // The marker must be followed by a space (or end the line).
        guard rest.isEmpty || rest.first == " " else { return nil }
        while rest.first == " " { rest = rest.dropFirst() }
        return String(rest)
    }

    static func numeric(_ line: String, _ u: [UInt8]) -> Marker? {
        var parts: [String] = []
        var i = 0
        var current: [UInt8] = []
        var endedWithDot = false
        while i < u.count {
            let c = u[i]
            if c >= 0x30 && c <= 0x39 { current.append(c); i += 1; endedWithDot = false; continue }
            if c == 0x2E && !current.isEmpty { // '.'
                parts.append(String(decoding: current, as: UTF8.self)); current = []; i += 1; endedWithDot = true; continue
            }
            break
        }
        var closer: UInt8 = 0x2E
        if !current.isEmpty {
            // `1)` or `1/` or a decimal without its final dot (`2.1 Text`).
            parts.append(String(decoding: current, as: UTF8.self))
            if i < u.count && (u[i] == 0x29 || u[i] == 0x2F) && parts.count == 1 {
                closer = u[i]; i += 1
            } else if parts.count >= 2 && i < u.count && u[i] == 0x20 {
                // `2.1 Mục tiêu`: accepted for decimals only.
            } else {
                return nil
            }
        } else if !endedWithDot {
            return nil
        }
        guard !parts.isEmpty, parts[0].count <= 2, parts.dropFirst().allSatisfy({ $0.count <= 2 }) else { return nil }
        guard let rest = restAfter(line, utf8Offset: i), !rest.isEmpty else { return nil }
        // `1.000 người`, `2024. ...`: not markers. A heading starts with a letter, quote or bracket.
        guard let r0 = rest.unicodeScalars.first, r0.properties.isAlphabetic || "“\"(«‘'".unicodeScalars.contains(r0) else { return nil }
        let label = String(decoding: u[0..<i], as: UTF8.self)
        if closer == 0x29 || closer == 0x2F {
            return Marker(kind: closer == 0x29 ? .parenArabic : .arabic, label: label, path: parts, rest: rest)
        }
        if parts.count == 1 { return Marker(kind: .arabic, label: label, path: parts, rest: rest) }
        return Marker(kind: .decimal(depth: parts.count), label: label, path: parts, rest: rest)
    }

    static func roman(_ line: String, _ u: [UInt8]) -> Marker? {
        var i = 0
        while i < u.count, u[i] == 0x49 || u[i] == 0x56 || u[i] == 0x58 { i += 1 }
        guard i > 0, i < u.count, u[i] == 0x2E || u[i] == 0x2F else { return nil }
        let numeral = String(decoding: u[0..<i], as: UTF8.self)
        guard romanValues[numeral] != nil else { return nil }
        guard let rest = restAfter(line, utf8Offset: i + 1), !rest.isEmpty else { return nil }
        return Marker(kind: .roman, label: String(decoding: u[0...i], as: UTF8.self), path: [numeral], rest: rest)
    }

    static func upperLetter(_ line: String, _ u: [UInt8]) -> Marker? {
        guard u.count > 3, u[1] == 0x2E || u[1] == 0x29, u[2] == 0x20 else { return nil }
        // `A. MỤC TIÊU`: the heading after an upper-case letter marker is itself upper case.
        guard let rest = restAfter(line, utf8Offset: 2), Words.isAllCaps(rest.prefix(12)) else { return nil }
        let l = String(decoding: u[0..<1], as: UTF8.self)
        return Marker(kind: .upperLetter, label: String(decoding: u[0..<2], as: UTF8.self), path: [l], rest: rest)
    }

    static func letter(_ line: String) -> Marker? {
        let scalars = line.unicodeScalars
        guard let f = scalars.first else { return nil }
        let second = scalars.index(after: scalars.startIndex)
        guard second < scalars.endIndex, scalars[second] == ")" || scalars[second] == "/" || scalars[second] == "." else { return nil }
        let l = String(f)
        guard letters.contains(l) else { return nil }
        let after = scalars.index(after: second)
        let restScalars = scalars[after...]
        guard restScalars.isEmpty || restScalars.first == " " else { return nil }
        let rest = String(String.UnicodeScalarView(restScalars)).trimmingLeadingSpaces()
        guard !rest.isEmpty else { return nil }
        // `a. Mục tiêu`: with a dot, the heading must start with a capital (not `v.v.`, `e.g.`).
        if scalars[second] == ".", !Words.startsUppercase(rest) { return nil }
        return Marker(kind: .letter, label: l + String(scalars[second]), path: [l], rest: rest)
    }

    private static let namedKinds: [(String, MarkerKind)] = [("Phần", .part), ("PHẦN", .part), ("Chương", .chapter),
                                                              ("CHƯƠNG", .chapter), ("Mục", .division), ("MỤC", .division),
                                                              ("Điều", .article), ("ĐIỀU", .article)]

    static func named(_ line: String) -> Marker? {
        for (word, kind) in namedKinds where line.hasPrefix(word + " ") {
            let after = line.dropFirst(word.count + 1)
            // The number: Arabic or Roman, then `.`/`:` or end of line.
            var num = ""
            var idx = after.startIndex
            while idx < after.endIndex, let a = after[idx].asciiValue,
                  (a >= 0x30 && a <= 0x39) || a == 0x49 || a == 0x56 || a == 0x58 || a == 0x4C {
                num.append(after[idx]); idx = after.index(after: idx)
            }
            guard !num.isEmpty else { return nil }
            if kind != .article && kind != .division, num.first?.isNumber == false, romanValues[num] == nil { return nil }
            if kind == .division || kind == .article, num.first?.isNumber == false, romanValues[num] == nil { return nil }
            var labelEnd = idx
            if idx < after.endIndex, after[idx] == "." || after[idx] == ":" { labelEnd = after.index(after: idx) }
            else if idx < after.endIndex, after[idx] != " " { return nil }
            // `Mục 2 phần III theo Kế hoạch ...` in running text is a reference, not a heading:
            // a division/part heading ends its marker with punctuation or is upper case.
            let rest = String(after[labelEnd...]).trimmingLeadingSpaces()
            if kind == .division && labelEnd == idx && !Words.isAllCaps(rest) && !rest.isEmpty { return nil }
            if kind == .article && labelEnd == idx && !rest.isEmpty && !Words.startsUppercase(rest) { return nil }
            let label = word + " " + num + String(after[idx..<labelEnd])
            let canonicalWord = Words.capitalized(word)
            return Marker(kind: kind, label: label, path: [canonicalWord + " " + num], rest: rest)
        }
        return nil
    }
}

