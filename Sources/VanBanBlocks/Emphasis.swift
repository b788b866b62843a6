/// Markdown emphasis (`**bold**`, `*italic*`, `_italic_`) as portal converters
/// write it: removed from values, kept as a hint.
public enum Emphasis {
    /// The text without emphasis markers: `**` anywhere, and single `*` or `_`
    /// runs at a word boundary (`(*Kèm theo ...*)`, `_Hà Nội_`); a `*` or `_`
    /// between two letters or digits (`a*b`, `snake_case`) stays.
    ///
    /// ```swift
    /// Emphasis.strip("**TM. ỦY BAN NHÂN DÂN **")  // "TM. ỦY BAN NHÂN DÂN"
    /// ```
    public static func strip(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F }) else { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "*" || c == "_" {
                var j = i
                while j < scalars.count, scalars[j] == c { j += 1 }
                let run = j - i
                let before: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
                let after: Unicode.Scalar? = j < scalars.count ? scalars[j] : nil
                let inWord = before.map(isWordScalar) == true && after.map(isWordScalar) == true
                if c == "*" && run >= 2 || !inWord {
                    i = j   // dropped
                    continue
                }
                out.append(contentsOf: scalars[i..<j])
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return collapseSpaces(String(out))
    }

    /// True when the text is wholly bold (`**...**`, possibly several bold runs
    /// separated by spaces only) or a `#` heading.
    public static func isWhollyBold(_ s: String) -> Bool {
        var t = Substring(s)
        while t.first == " " { t = t.dropFirst() }
        while t.last == " " { t = t.dropLast() }
        guard t.hasPrefix("**"), t.hasSuffix("**"), t.contains(where: { $0 != "*" && $0 != " " }) else { return false }
        // Every character outside bold runs is a space.
        var bold = false
        var i = t.startIndex
        while i < t.endIndex {
            if t[i...].hasPrefix("**") { bold.toggle(); i = t.index(i, offsetBy: 2); continue }
            if !bold && t[i] != " " { return false }
            i = t.index(after: i)
        }
        return true
    }

    /// True when `line` leaves a bold or italic span open (an odd number of
    /// `**`, or of single `*` not inside a word): the span goes on next line.
    public static func leavesSpanOpen(_ line: String) -> Bool {
        let u = Array(line.utf8)
        var double = 0, single = 0
        var i = 0
        while i < u.count {
            if u[i] == 0x2A {
                var j = i
                while j < u.count, u[j] == 0x2A { j += 1 }
                let run = j - i
                double += run / 2
                if run % 2 == 1 {
                    let before = i > 0 ? u[i - 1] : 0x20
                    let after = j < u.count ? u[j] : 0x20
                    if !(isWordByte(before) && isWordByte(after)) { single += 1 }
                }
                i = j
                continue
            }
            i += 1
        }
        return double % 2 == 1 || single % 2 == 1
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }

    /// Runs of spaces to one, trimmed.
    public static func collapseSpaces(_ s: String) -> String {
        guard s.utf8.contains(0x20) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var space = false
        for c in s {
            if c == " " { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(c)
        }
        return out
    }
}
