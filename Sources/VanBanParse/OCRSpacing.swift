import VanBanText

/// Repairs letters that OCR spaced apart in header words, places and names,
/// by matching the vocabulary of `AdministrativeUnits`, never by guess:
/// `ỦY B AN NHÂN D Â N` → `ỦY BAN NHÂN DÂN`, `T hành phố Hồ Chí M inh` →
/// `Thành phố Hồ Chí Minh`. A piece is joined to its neighbours only when it
/// is not a syllable on its own and the join is a syllable of the vocabulary.
public enum OCRSpacing {
    public static func repair(_ line: String) -> String {
        let toks = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard toks.count >= 2, toks.contains(where: isBroken) else { return line }
        var out: [String] = []
        var i = 0
        while i < toks.count {
            let start = i
            if isBroken(toks[i]) || (i + 1 < toks.count && isBroken(toks[i + 1])) {
                // The longest run of pieces from here (at most four) that makes one vocabulary syllable.
                var best: Int?
                var k = min(toks.count, i + 4)
                while k > i + 1 {
                    let joined = toks[i..<k].joined()
                    let letters = String(joined.filter { $0.isLetter })
                    // Only the last piece may carry punctuation (`M inh,`).
                    let inner = toks[i..<(k - 1)].allSatisfy { $0.allSatisfy(\.isLetter) }
                    if inner, toks[i..<k].contains(where: isBroken), AdministrativeUnits.syllables.contains(fold(letters)) { best = k; break }
                    k -= 1
                }
                if let best {
                    out.append(toks[i..<best].joined())
                    i = best
                    continue
                }
            }
            out.append(toks[i])
            i += 1
            precondition(i > start)
        }
        return out.joined(separator: " ")
    }

    /// A piece that cannot stand as a word: letters only, and no Vietnamese syllable
    /// (a lone consonant `B`, `D`, `N`, a tail such as `inh`).
    static func isBroken(_ t: String) -> Bool {
        guard !t.isEmpty, t.allSatisfy(\.isLetter) else { return false }
        let f = fold(t)
        if f.count == 1, let c = f.first, !"aeiouy".contains(c) { return true }
        return !Syllable.isValid(f)
    }

    /// Lower case without tones or marks, `đ` as `d`.
    static func fold(_ s: String) -> String { Folding.key(s) }
}
