import VanBanText

/// A word or punctuation mark of a paragraph, with its search key.
struct Token: Sendable {
    /// As written: `Sở`, `GDĐT`, `30/7/2021`, `,`
    var text: String
    /// `Folding.key(text)`: `so`, `gddt`, `30/7/2021`, `,`
    var key: String
    var isWord: Bool
    /// True when the first letter is upper case.
    var capitalized: Bool
    /// True when followed by a space in the source (for rebuilding text).
    var spaceAfter: Bool
    /// `WordTable.hash(key)`, computed once.
    var hash: UInt32 = 0
}

/// Splits a paragraph into words and punctuation. Words keep inner punctuation
/// (`KH-UBND`, `99,9%`, `30/7/2021`, `huyện/thành`); leading and trailing
/// punctuation becomes tokens of its own. Scans scalars once, no regex.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var s = text
        return s.withUTF8 { src in
            var out: [Token] = []
            out.reserveCapacity(src.count / 5)
            let n = src.count
            var i = 0
            var trails: [(Int, Int)] = []
            while i < n {
                while i < n && src[i] == 32 { i += 1 }
                if i >= n { break }
                var hi = i
                while hi < n && src[hi] != 32 { hi += 1 }
                let chunkEnd = hi
                var lo = i
                let firstOut = out.count
                while lo < hi, let l = leadingPunct(src, lo, hi) {
                    out.append(punct(src, lo, lo + l)); lo += l
                }
                trails.removeAll(keepingCapacity: true)
                // `thực hiện./.`: the closing mark of a document.
                if hi - lo >= 3, src[hi - 3] == 0x2E, src[hi - 2] == 0x2F, src[hi - 1] == 0x2E { trails.append((hi - 3, hi)); hi -= 3 }
                while lo < hi, let l = trailingPunct(src, lo, hi) { trails.append((hi - l, hi)); hi -= l }
                if lo < hi {
                    if hasAlnum(src, lo, hi) {
                        let text = String(decoding: src[lo..<hi], as: UTF8.self)
                        let key = Folding.key(text)
                        out.append(Token(text: text, key: key, isWord: true,
                                         capitalized: startsUpper(src, lo), spaceAfter: false, hash: WordTable<Int>.hash(key)))
                    } else {
                        out.append(punct(src, lo, hi))
                    }
                }
                for (a, b) in trails.reversed() { out.append(punct(src, a, b)) }
                if out.count > firstOut { out[out.count - 1].spaceAfter = true }
                i = chunkEnd
            }
            return out
        }
    }

    @inline(__always) private static func punct(_ src: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Token {
        let t = String(decoding: src[a..<b], as: UTF8.self)
        return Token(text: t, key: t, isWord: false, capitalized: false, spaceAfter: false)
    }

    /// `(` `[` `"` `'` `*` `“` `‘` `«`
    @inline(__always) private static func leadingPunct(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        let b = s[lo]
        if b == 0x28 || b == 0x5B || b == 0x22 || b == 0x27 || b == 0x2A { return 1 }
        // “ ‘ (E2 80 9C / 98) and « (C2 AB)
        if b == 0xE2 && hi - lo >= 3 && s[lo + 1] == 0x80 && (s[lo + 2] == 0x9C || s[lo + 2] == 0x98) { return 3 }
        if b == 0xC2 && hi - lo >= 2 && s[lo + 1] == 0xAB { return 2 }
        return nil
    }

    /// `,` `;` `:` `.` `)` `]` `"` `'` `!` `?` `*` `”` `’` `…` `»`
    @inline(__always) private static func trailingPunct(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int? {
        let b = s[hi - 1]
        switch b {
        case 0x2C, 0x3B, 0x3A, 0x2E, 0x29, 0x5D, 0x22, 0x27, 0x21, 0x3F, 0x2A: return 1
        default: break
        }
        // ” ’ … (E2 80 9D / 99 / A6) and » (C2 BB)
        if (b == 0x9D || b == 0x99 || b == 0xA6) && hi - lo >= 3 && s[hi - 3] == 0xE2 && s[hi - 2] == 0x80 { return 3 }
        if b == 0xBB && hi - lo >= 2 && s[hi - 2] == 0xC2 { return 2 }
        return nil
    }

    @inline(__always) private static func hasAlnum(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Bool {
        var k = lo
        while k < hi {
            let b = s[k]
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0xC3 && b != 0xE2) { return true }
            k += 1
        }
        return false
    }

    @inline(__always) private static func startsUpper(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int) -> Bool {
        let b = s[lo]
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        var v: UInt32
        var len: Int
        if b < 0xE0 { v = UInt32(b & 0x1F); len = 2 } else if b < 0xF0 { v = UInt32(b & 0x0F); len = 3 } else { v = UInt32(b & 0x07); len = 4 }
        guard lo + len <= s.count else { return false }
        for k in 1..<len { v = v << 6 | UInt32(s[lo + k] & 0x3F) }
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    /// The quote of a sentence for an entity at token `at`: the whole sentence,
    /// or, past `limit` tokens, a window of it around `at` (a run-on line of
    /// megabytes gives every entity a bounded quote, not the whole line).
    static func quote(_ toks: [Token], sentence s: Range<Int>, at: Int, limit: Int = 200) -> String {
        guard s.count > limit else { return text(toks[s]) }
        let lo = max(s.lowerBound, min(at, s.upperBound) - limit / 2)
        let hi = min(s.upperBound, lo + limit)
        return text(toks[lo..<hi])
    }

    /// Rebuilds text from a token range.
    static func text(_ toks: ArraySlice<Token>) -> String {
        var s = ""
        for (k, t) in toks.enumerated() {
            s += t.text
            if t.spaceAfter && k < toks.count - 1 { s += " " }
        }
        return s
    }
}

/// A phrase of folded words, matched against tokens: `["chu", "tri"]`.
struct Phrase: Sendable, Hashable {
    let words: [String]
    /// A value carried by the phrase in a lookup table (index into the table's values).
    var tag = 0
    /// The words with their tones (lower case, canonical placement), for tone-sensitive matching.
    let exactWords: [String]
    init(_ s: String) {
        words = Folding.words(s).split(separator: " ").map(String.init)
        exactWords = ToneMarks.canonical(s.lowercased()).split(separator: " ").map(String.init)
    }

    /// True when the matched tokens also carry the phrase's tones (`đang` is not `đẳng`).
    func hasSameTones(_ toks: [Token], at i: Int) -> Bool {
        guard exactWords.count == words.count else { return true }
        guard i >= 0, i + exactWords.count <= toks.count else { return false }
        for (k, w) in exactWords.enumerated() {
            let lower = toks[i + k].text.lowercased()
            if lower != w && ToneMarks.canonical(lower) != w { return false }
        }
        return true
    }

    /// Number of tokens matched at `i` (words only, in order), or nil.
    /// A start outside `toks` (negative, or past the end) matches nothing.
    func match(_ toks: [Token], at i: Int) -> Int? {
        guard i >= 0 else { return nil }
        var j = i
        for w in words {
            guard j < toks.count, toks[j].isWord, toks[j].key == w else { return nil }
            j += 1
        }
        return j - i
    }
}

/// A set of phrases, longest first.
struct PhraseSet: Sendable {
    let phrases: [Phrase]
    /// Phrases by first word, longest first.
    private let byFirst: WordTable<[Phrase]>

    init(_ list: [String]) { self.init(phrases: list.map(Phrase.init)) }

    init(phrases list: [Phrase]) {
        phrases = list.enumerated().sorted { ($0.element.words.count, -$0.offset) > ($1.element.words.count, -$1.offset) }.map(\.element)
        var m: [String: [Phrase]] = [:]
        var order: [String] = []
        for p in phrases {
            let f = p.words.first ?? ""
            if m[f] == nil { order.append(f) }
            m[f, default: []].append(p)
        }
        byFirst = WordTable(order.map { ($0, m[$0]!) })
    }

    func match(_ toks: [Token], at i: Int) -> (phrase: Phrase, length: Int)? {
        guard i >= 0, i < toks.count, toks[i].isWord, let candidates = byFirst.get(toks[i].key, hash: toks[i].hash) else { return nil }
        for p in candidates {
            if let n = p.match(toks, at: i) { return (p, n) }
        }
        return nil
    }

    /// Like `match`, but the words must also carry the phrase's tones (`quận` is not `quan`).
    func matchExact(_ toks: [Token], at i: Int) -> (phrase: Phrase, length: Int)? {
        guard i >= 0, i < toks.count, toks[i].isWord, let candidates = byFirst.get(toks[i].key, hash: toks[i].hash) else { return nil }
        for p in candidates {
            if let n = p.match(toks, at: i), p.hasSameTones(toks, at: i) { return (p, n) }
        }
        return nil
    }
}

/// Phrases used by several extractors, built once.
enum Phrases {
    static let deNghi = Phrase("đề nghị")
    static let banChiDao = Phrase("ban chỉ đạo")
    static let cacCap = Phrase("các cấp")
    static let trienKhai = Phrase("triển khai")
    static let thucHien = Phrase("thực hiện")
}
