/// Small, allocation-light helpers over words and letter case, shared by the
/// parse and extract stages.
public enum Words {
    /// Splits on single spaces (lines are already cleaned).
    @inline(__always) public static func tokens(_ s: String) -> [Substring] {
        s.split(separator: " ", omittingEmptySubsequences: true)
    }

    /// True when the text has at least one letter and no lower-case letter: `KẾ HOẠCH`, `PHÓ CHỦ TỊCH`.
    public static func isAllCaps<S: StringProtocol>(_ s: S) -> Bool {
        var upper = 0
        for u in s.unicodeScalars {
            let p = u.properties
            if p.isLowercase { return false }
            if p.isUppercase { upper += 1 }
        }
        return upper > 0
    }

    @inline(__always) public static func startsUppercase<S: StringProtocol>(_ s: S) -> Bool {
        guard let u = s.unicodeScalars.first else { return false }
        return u.properties.isUppercase
    }

    @inline(__always) public static func startsLowercase<S: StringProtocol>(_ s: S) -> Bool {
        guard let u = s.unicodeScalars.first else { return false }
        return u.properties.isLowercase
    }

    /// `NGHỆ` → `Nghệ`.
    public static func capitalized<S: StringProtocol>(_ s: S) -> String {
        guard let first = s.first else { return "" }
        return String(first).uppercased() + s.dropFirst().lowercased()
    }

    /// `ỦY BAN NHÂN DÂN TỈNH NGHỆ AN` → `Ủy ban nhân dân tỉnh Nghệ An`: lower case, with the
    /// first word and the place name after an administrative-unit word capitalized;
    /// abbreviations (`UBND`, `GDĐT`) kept.
    public static func sentenceCase(_ s: String) -> String {
        let toks = tokens(s)
        var out: [String] = []
        var properName = false
        var i = 0
        while i < toks.count {
            let t = toks[i]
            let lower = t.lowercased()
            let lettersOnly = t.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
            if properName && lettersOnly {
                // A place name (`ĐẮK LẮK` → `Đắk Lắk`), whatever its syllables look like.
                out.append(capitalized(t))
            } else if isAbbreviation(String(t.reversed().drop { $0 == "," || $0 == ";" || $0 == ":" || $0 == "." }.reversed())) {
                out.append(String(t))
            } else if out.isEmpty || properName {
                out.append(capitalized(t))
            } else {
                out.append(lower)
            }
            // An administrative unit starts a place name: `tỉnh Nghệ An`, `thành phố Hồ Chí Minh`.
            let pair = i + 1 < toks.count ? lower + " " + toks[i + 1].lowercased() : ""
            if ["thành phố", "thị xã", "thị trấn"].contains(pair) {
                out.append(toks[i + 1].lowercased()); i += 2; properName = true; continue
            }
            if ["tỉnh", "huyện", "xã", "phường", "quận"].contains(lower) { properName = true }
            i += 1
        }
        return out.joined(separator: " ")
    }

    /// All-caps tokens without a Vietnamese vowel nucleus, or with `&`/`-`/digits: `UBND`, `GDĐT`, `LĐ-TB&XH`.
    public static func isAbbreviation<S: StringProtocol>(_ t: S) -> Bool {
        guard isAllCaps(t) else { return false }
        let letters = t.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count != t.unicodeScalars.count { return true }
        return !Syllable.isValid(Folding.key(String(t)))
    }
}

/// Vietnamese syllable shape, for telling words from OCR debris (`hamb`, `Ullg`).
public enum Syllable {
    private static let onsets: [String] = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
                                           "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", ""]
    private static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]

    /// `folded` is a `Folding.key` (ASCII lower case). `"hoc"` is valid, `"hamb"` is not.
    public static func isValid(_ folded: String) -> Bool {
        let b = Array(folded.utf8)
        if b.isEmpty || b.count > 7 { return false }
        for onset in onsets {
            let o = Array(onset.utf8)
            guard b.count > o.count, b.starts(with: o) else { continue }
            var i = o.count
            var vowels = 0
            while i < b.count, isVowel(b[i]) { vowels += 1; i += 1 }
            if vowels == 0 || vowels > 3 { continue }
            let rest = String(decoding: b[i...], as: UTF8.self)
            if finals.contains(rest) { return true }
        }
        return false
    }

    @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
        c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121
    }
}

extension String {
    /// Without leading and trailing spaces (lines are already cleaned: only U+0020 matters).
    public func trimmingSpaces() -> String {
        var s = self[...]
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Without leading spaces.
    public func trimmingLeadingSpaces() -> String {
        var s = self[...]
        while s.first == " " { s = s.dropFirst() }
        return String(s)
    }
}
