/// Canonical tone-mark placement for matching and canonical names.
///
/// Vietnamese is written with two conventions for the open syllables `oa`,
/// `oe`, `uy`: `hoá`/`hóa`, `thuỷ`/`thủy`, `Uỷ`/`Ủy`. VanBan's canonical form puts
/// the mark on the first vowel (`hóa`, `thủy`, `Ủy`), the placement most
/// administrative texts use. Text quoted from a document is never rewritten.
public enum ToneMarks {
    /// (second vowel with mark) → (first vowel base, mark index)
    private static let marked: [Character: (Character, Int)] = {
        var m: [Character: (Character, Int)] = [:]
        let rows: [(Character, String)] = [("a", "áàảãạ"), ("e", "éèẻẽẹ"), ("y", "ýỳỷỹỵ"),
                                           ("A", "ÁÀẢÃẠ"), ("E", "ÉÈẺẼẸ"), ("Y", "ÝỲỶỸỴ")]
        for (base, forms) in rows {
            for (i, f) in forms.enumerated() { m[f] = (base, i) }
        }
        return m
    }()
    private static let firstVowelForms: [Character: String] = [
        "o": "óòỏõọ", "O": "ÓÒỎÕỌ", "u": "úùủũụ", "U": "ÚÙỦŨỤ",
    ]

    /// `"Văn hoá – Xã hội"` → `"Văn hóa – Xã hội"`, `"Uỷ ban"` → `"Ủy ban"`.
    public static func canonical(_ s: String) -> String {
        // Quick reject: no candidate letters at all.
        var hasCandidate = false
        for ch in s where marked[ch] != nil { hasCandidate = true; break }
        if !hasCandidate { return s }
        var chars = Array(s)
        var i = 1
        while i < chars.count {
            if let (base, mark) = marked[chars[i]] {
                let prev = chars[i - 1]
                let pairOK: Bool
                switch (prev, base) {
                case ("o", "a"), ("o", "e"), ("O", "A"), ("O", "E"), ("O", "a"), ("O", "e"), ("o", "A"), ("o", "E"):
                    pairOK = true
                case ("u", "y"), ("U", "Y"), ("U", "y"), ("u", "Y"):
                    // `quý`: the u belongs to the consonant qu.
                    let before = i >= 2 ? chars[i - 2] : " "
                    pairOK = !(before == "q" || before == "Q")
                default:
                    pairOK = false
                }
                let next: Character = i + 1 < chars.count ? chars[i + 1] : " "
                let open = !next.isLetter
                // `oa`/`oe` after a consonant-less start like `oà` (`oà oạ`) behave the same.
                if pairOK && open, let forms = firstVowelForms[prev] {
                    let formArray = Array(forms)
                    chars[i - 1] = formArray[mark]
                    chars[i] = base
                }
            }
            i += 1
        }
        return String(chars)
    }
}
