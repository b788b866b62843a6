/// The pre-Unicode Vietnamese encodings that plans still arrive in.
///
/// ```swift
/// LegacyEncoding.tcvn3.decode(Array("T«i ®i häc".unicodeScalars.map { UInt8($0.value) }))  // "Tôi đi học"
/// ```
public enum LegacyEncoding: String, CaseIterable, Sendable {
    /// TCVN 5712:1993, the `.VnTime` fonts (ABC).
    case tcvn3
    /// VNI-Windows: a base letter followed by a byte for its marks (`aø` = `à`).
    case vni
    /// VISCII 1.1 (RFC 1456).
    case viscii
    /// Windows-1258: precomposed vowels plus combining tone marks.
    case windows1258 = "windows-1258"

    /// The name used in `source.encoding` and accepted by `--encoding`.
    public var name: String { rawValue }

    /// `tcvn3`, `TCVN`, `abc`, `vni-windows`, `cp1258`, ... → the encoding.
    public init?(name: String) {
        let n = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch n {
        case "tcvn3", "tcvn", "tcvn5712", "tcvn57121", "abc", "vntime": self = .tcvn3
        case "vni", "vniwindows", "vniwin": self = .vni
        case "viscii", "viscii11": self = .viscii
        case "windows1258", "cp1258", "win1258": self = .windows1258
        default: return nil
        }
    }

    /// Decodes the bytes to NFC text. Never fails: unassigned bytes become U+FFFD.
    public func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        switch self {
        case .tcvn3: Self.mapBytes(bytes, LegacyEncodingTables.tcvn3, into: &scalars)
        case .viscii: Self.mapBytes(bytes, LegacyEncodingTables.viscii, into: &scalars)
        case .windows1258: Self.mapBytes(bytes, LegacyEncodingTables.windows1258, into: &scalars)
        case .vni: VNI.decode(bytes, into: &scalars)
        }
        return UnicodeText.nfc(String(scalars))
    }

    static func mapBytes<C: Collection>(_ bytes: C, _ table: [UInt32], into out: inout String.UnicodeScalarView) where C.Element == UInt8 {
        for b in bytes {
            out.append(Unicode.Scalar(table[Int(b)]) ?? "\u{FFFD}")
        }
    }
}

/// VNI-Windows, as data: the letters that stand alone, and the mark bytes that follow a vowel.
/// Bytes are read through Windows-1252 first, since VNI fonts are typed through that code page.
enum VNI {
    /// Marks a vowel can carry.
    struct Marks { var shape: Unicode.Scalar?; var tone: Unicode.Scalar? }

    static let circumflex: Unicode.Scalar = "\u{0302}", breve: Unicode.Scalar = "\u{0306}"
    static let grave: Unicode.Scalar = "\u{0300}", acute: Unicode.Scalar = "\u{0301}", hook: Unicode.Scalar = "\u{0309}"
    static let tilde: Unicode.Scalar = "\u{0303}", dot: Unicode.Scalar = "\u{0323}"

    /// Letters written with one byte: `ô` is `ơ`, `ö` is `ư`, `ñ` is `đ`, `æ` is `ỉ`, `ó` is `ĩ`, `ò` is `ị`, `î` is `ỵ`.
    static let letters: [Unicode.Scalar: Unicode.Scalar] = [
        "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
        "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ",
    ]

    /// Tone bytes, after any vowel: `aø` = `à`, `aù` = `á`, `aû` = `ả`, `aõ` = `ã`, `aï` = `ạ`.
    static let tones: [Unicode.Scalar: Unicode.Scalar] = [
        "ø": grave, "Ø": grave, "ù": acute, "Ù": acute, "û": hook, "Û": hook,
        "õ": tilde, "Õ": tilde, "ï": dot, "Ï": dot,
    ]

    /// Circumflex bytes, after `a`, `e`, `o`: `aâ` = `â`, `eá` = `ế`, `oä` = `ộ`.
    static let circumflexed: [Unicode.Scalar: Unicode.Scalar?] = [
        "â": nil, "Â": nil, "á": acute, "Á": acute, "à": grave, "À": grave,
        "å": hook, "Å": hook, "ã": tilde, "Ã": tilde, "ä": dot, "Ä": dot,
    ]

    /// Breve bytes, after `a`: `aê` = `ă`, `aé` = `ắ`, `aè` = `ằ`, `aú` = `ẳ`, `aü` = `ẵ`, `aë` = `ặ`.
    static let breved: [Unicode.Scalar: Unicode.Scalar?] = [
        "ê": nil, "Ê": nil, "é": acute, "É": acute, "è": grave, "È": grave,
        "ú": hook, "Ú": hook, "ü": tilde, "Ü": tilde, "ë": dot, "Ë": dot,
    ]

    /// The marks that `next` adds to the vowel `base`, or nil when `next` is not a mark for it.
    static func marks(after base: Unicode.Scalar, _ next: Unicode.Scalar) -> Marks? {
        let lower = base.properties.lowercaseMapping
        if let t = tones[next], "aeiouyơư".contains(lower) { return Marks(shape: nil, tone: t) }
        if let t = circumflexed[next], "aeo".contains(lower) { return Marks(shape: circumflex, tone: t) }
        if let t = breved[next], lower == "a" { return Marks(shape: breve, tone: t) }
        return nil
    }

    static func decode<C: Collection>(_ bytes: C, into out: inout String.UnicodeScalarView) where C.Element == UInt8 {
        var chars: [Unicode.Scalar] = []
        chars.reserveCapacity(bytes.count)
        for b in bytes { chars.append(Unicode.Scalar(LegacyEncodingTables.windows1252[Int(b)]) ?? "\u{FFFD}") }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let base = letters[c] ?? c
            if i + 1 < chars.count, let m = marks(after: base, chars[i + 1]) {
                out.append(base)
                if let s = m.shape { out.append(s) }
                if let t = m.tone { out.append(t) }
                i += 2
                continue
            }
            out.append(base)
            i += 1
        }
    }
}

/// Decides which encoding bytes are in by reading them each way and counting
/// the words that come out as Vietnamese syllables.
public enum EncodingDetector {
    /// How one reading scored.
    public struct Reading: Sendable {
        public var encoding: LegacyEncoding
        public var text: String
        /// Share of words with non-ASCII letters that are Vietnamese syllables (0...1).
        public var score: Double
        /// How many such words were seen.
        public var words: Int
    }

    /// The lowest score for a reading to be believed.
    static let minimumScore = 0.35
    /// How far the best reading must be ahead of the next one.
    static let minimumMargin = 0.15

    /// The legacy encoding the bytes are in, or nil when no reading is clearly Vietnamese.
    public static func detect(_ bytes: [UInt8]) -> Reading? {
        // A sample is enough to decide; the winner then decodes everything.
        let sample = bytes.count > 65_536 ? Array(bytes.prefix(65_536)) : bytes
        var readings = LegacyEncoding.allCases.map { enc -> Reading in
            let text = enc.decode(sample)
            let (score, words) = vietnameseScore(text)
            return Reading(encoding: enc, text: text, score: score, words: words)
        }
        readings.sort { $0.score > $1.score }
        guard var best = readings.first, best.words > 0, best.score >= minimumScore else { return nil }
        if readings.count > 1 && best.score - readings[1].score < minimumMargin { return nil }
        if sample.count != bytes.count { best.text = best.encoding.decode(bytes) }
        return best
    }

    /// How Vietnamese a text reads, from its words holding a non-ASCII scalar: the share
    /// that are common syllables (`của`, `thực`, `hiện`), plus a quarter of the share that
    /// have a valid syllable shape. Wrong code pages produce valid-looking shapes now and
    /// then, but rarely the common words.
    public static func vietnameseScore(_ text: String) -> (score: Double, words: Int) {
        var words = 0, valid = 0, common = 0
        var token = String.UnicodeScalarView()
        var nonASCII = false
        func flush() {
            defer { token.removeAll(keepingCapacity: true); nonASCII = false }
            guard nonASCII else { return }
            words += 1
            let word = String(token).lowercased()
            if CommonSyllables.set.contains(word) { common += 1; valid += 1 } else if isVietnameseWord(word) { valid += 1 }
        }
        for u in text.unicodeScalars {
            if (u.value < 0x80 && !u.properties.isAlphabetic) || u.properties.isWhitespace {
                flush()
            } else {
                if u.value >= 0x80 { nonASCII = true }
                token.append(u)
            }
        }
        flush()
        guard words > 0 else { return (0, 0) }
        return ((Double(common) + 0.25 * Double(valid)) / Double(words), words)
    }

    /// A word whose letters are all Vietnamese (`đ`, vowel shapes, one tone) and whose shape is a syllable.
    static func isVietnameseWord(_ word: String) -> Bool {
        var tones = 0
        for u in UnicodeText.nfd(word).unicodeScalars {
            switch u.value {
            case 0x41...0x5A, 0x61...0x7A, 0x110, 0x111: continue
            case 0x0302, 0x0306, 0x031B: continue
            case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323: tones += 1
            default: return false
            }
        }
        return tones <= 1 && Syllable.isValid(Folding.key(word))
    }
}

/// Text that is Unicode on the surface but was typed in a legacy font: a Word
/// file or web page set in `.VnTime` (TCVN3) or `VNI-Times` stores `T«i ®i häc`
/// or `Toâi ñi hoïc` as Latin-1 letters. Read back through Windows-1252 bytes,
/// it decodes like a legacy file.
public enum LegacyFontText {
    /// The repaired text and the encoding it was typed in, or nil when the text
    /// already reads as Vietnamese (or cannot be such a text).
    public static func repair(_ text: String) -> (text: String, encoding: LegacyEncoding)? {
        // Cheap test first, on the UTF-8 bytes of the first 16 KB: Latin-1 letters (lead bytes
        // C2, C3) but (almost) no Vietnamese-only code points (C4–DF: ă đ ơ ư...; E1 BA/BB: ạ ế...).
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
            var latin1 = 0, vietnamese = 0
            var previous: UInt8 = 0
            for b in bytes.prefix(16_384) {
                switch b {
                case 0xC2, 0xC3: latin1 += 1
                case 0xC4...0xDF: vietnamese += 1
                case 0xBA, 0xBB where previous == 0xE1: vietnamese += 1
                default: break
                }
                previous = b
            }
            return (latin1, vietnamese)
        }
        var copy = text
        let (latin1, vietnamese) = copy.withUTF8 { count($0) }
        guard latin1 >= 3, vietnamese * 10 < latin1 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            if u.value < 0x80 { bytes.append(UInt8(u.value)); continue }
            guard let b = windows1252Byte[u.value] else { return nil }
            bytes.append(b)
        }
        let current = EncodingDetector.vietnameseScore(text).score
        guard let reading = EncodingDetector.detect(bytes), reading.score >= current + EncodingDetector.minimumMargin else { return nil }
        return (reading.text, reading.encoding)
    }

    static let windows1252Byte: [UInt32: UInt8] = {
        var m: [UInt32: UInt8] = [:]
        for (b, u) in LegacyEncodingTables.windows1252.enumerated() where b >= 0x80 && u != 0xFFFD { m[u] = UInt8(b) }
        return m
    }()
}
