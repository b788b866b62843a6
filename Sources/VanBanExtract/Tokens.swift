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
}

/// Splits a paragraph into words and punctuation. Words keep inner punctuation
/// (`KH-UBND`, `99,9%`, `30/7/2021`, `huyện/thành`); leading and trailing
/// punctuation becomes tokens of its own. Scans scalars once, no regex.
enum Tokenizer {
    static let leading: Set<Unicode.Scalar> = ["(", "[", "\"", "“", "‘", "'", "«", "*"]
    static let trailing: Set<Unicode.Scalar> = [",", ";", ":", ".", ")", "]", "\"", "”", "’", "'", "»", "!", "?", "…", "*"]

    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(text.utf8.count / 5)
        for chunk in text.split(separator: " ", omittingEmptySubsequences: true) {
            var scalars = Array(chunk.unicodeScalars)
            var lead: [Unicode.Scalar] = []
            while let f = scalars.first, leading.contains(f), scalars.count > 0 {
                lead.append(f); scalars.removeFirst()
            }
            var trail: [Unicode.Scalar] = []
            // `thực hiện./.`: the closing mark of a document.
            if scalars.count >= 3, scalars.suffix(3) == [".", "/", "."] { scalars.removeLast(3); trail = [".", "/", "."] }
            while let l = scalars.last, trailing.contains(l) {
                // Keep a final dot of an abbreviation like `TP.`? No: sentence ends matter more.
                trail.insert(l, at: 0); scalars.removeLast()
            }
            for p in lead { out.append(punct(p)) }
            if !scalars.isEmpty && !scalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                // A dash or ampersand standing alone: punctuation.
                let s = String(String.UnicodeScalarView(scalars))
                out.append(Token(text: s, key: s, isWord: false, capitalized: false, spaceAfter: trail.isEmpty))
            } else if !scalars.isEmpty {
                let s = String(String.UnicodeScalarView(scalars))
                out.append(Token(text: s, key: Folding.key(s), isWord: true,
                                 capitalized: scalars.first!.properties.isUppercase, spaceAfter: trail.isEmpty))
            }
            for (k, p) in trail.enumerated() {
                var t = punct(p)
                t.spaceAfter = k == trail.count - 1
                out.append(t)
            }
            if var last = out.popLast() { last.spaceAfter = true; out.append(last) }
        }
        return out
    }

    private static func punct(_ p: Unicode.Scalar) -> Token {
        let s = String(p)
        return Token(text: s, key: s, isWord: false, capitalized: false, spaceAfter: false)
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
    /// The words with their tones (lower case, canonical placement), for tone-sensitive matching.
    let exactWords: [String]
    init(_ s: String) {
        words = Folding.words(s).split(separator: " ").map(String.init)
        exactWords = ToneMarks.canonical(s.lowercased()).split(separator: " ").map(String.init)
    }

    /// True when the matched tokens also carry the phrase's tones (`đang` is not `đẳng`).
    func hasSameTones(_ toks: [Token], at i: Int) -> Bool {
        guard exactWords.count == words.count else { return true }
        for (k, w) in exactWords.enumerated() where ToneMarks.canonical(toks[i + k].text.lowercased()) != w { return false }
        return true
    }

    /// Number of tokens matched at `i` (words only, in order), or nil.
    func match(_ toks: [Token], at i: Int) -> Int? {
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
    init(_ list: [String]) { phrases = list.map(Phrase.init).sorted { $0.words.count > $1.words.count } }

    func match(_ toks: [Token], at i: Int) -> (phrase: Phrase, length: Int)? {
        guard i < toks.count, toks[i].isWord else { return nil }
        let first = toks[i].key
        for p in phrases where p.words.first == first {
            if let n = p.match(toks, at: i) { return (p, n) }
        }
        return nil
    }
}
