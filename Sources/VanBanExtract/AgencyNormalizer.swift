import Synchronization
import VanBanText

/// Writes an agency name in canonical form, so that the same body written five
/// ways comes out as one name:
///
/// - abbreviations expanded from `AgencyLexicon.abbreviations`
///   (`Sở GDĐT`, `Sở GD&ĐT` → `Sở Giáo dục và Đào tạo`; `UBND` → `Ủy ban nhân dân`);
/// - department fields and well-known names in their official spelling
///   (`Sở Văn hóa - Thể thao và Du lịch` → `Sở Văn hóa, Thể thao và Du lịch`);
/// - dashes as ` - `, tone marks in one placement (`Văn hoá` → `Văn hóa`);
/// - `Đề nghị` and parenthetical glosses dropped.
public enum AgencyNormalizer {
    static let fieldKeys: [String: String] = {
        var m: [String: String] = [:]
        for f in AgencyLexicon.fields { m[Folding.words(f)] = f }
        return m
    }()
    static let fieldKeyWords: [[String]] = fieldKeys.keys.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
    /// Department fields by first word, longest first.
    static let fieldTable = index(fieldKeyWords.map { ($0, fieldKeys[$0.joined(separator: " ")]!) })
    /// Well-known names by first word, longest first.
    static let phraseTable = index(AgencyLexicon.canonicalPhrases.map { (Folding.words($0).split(separator: " ").map(String.init), $0) })

    static func index(_ entries: [([String], String)]) -> WordTable<[([String], String)]> {
        var m: [String: [([String], String)]] = [:]
        for e in entries.sorted(by: { $0.0.count > $1.0.count }) { m[e.0[0], default: []].append(e) }
        return WordTable(m.map { ($0.key, $0.value) })
    }

    /// Canonical names seen so far in this process, shared by all documents and threads.
    private static let cache = Mutex<[String: String]>([:])
    private static let cacheLimit = 50_000

    /// `canonical(_:)` through the shared cache: names repeat across a corpus.
    public static func cachedCanonical(_ raw: String) -> String {
        if let hit = cache.withLock({ $0[raw] }) { return hit }
        let c = canonical(raw)
        cache.withLock { m in
            if m.count >= cacheLimit { m.removeAll(keepingCapacity: true) }
            m[raw] = c
        }
        return c
    }
    static let abbreviationKeys: [String: String] = {
        var m: [String: String] = [:]
        for (k, v) in AgencyLexicon.abbreviations { m[Folding.key(k)] = v }
        return m
    }()
    static let fieldHeads: Set<String> = ["so", "bo", "phong", "chuc", "bo"]

    /// `"Đề nghị Ủy ban MTTQVN"` → `"Ủy ban Mặt trận Tổ quốc Việt Nam"`.
    public static func canonical(_ raw: String) -> String {
        var s = raw
        // Parenthetical glosses: `Sở Giáo dục và Đào tạo (GDĐT)`, `(phụ trách ...)`.
        while let open = s.firstIndex(of: "("), let close = s[open...].firstIndex(of: ")") {
            s.removeSubrange(open...close)
        }
        var toks = Tokenizer.tokens(s)
        if toks.count >= 2, toks[0].key == "de", toks[1].key == "nghi" { toks.removeFirst(2) }
        var out: [String] = []
        var i = 0
        var lastKey = ""
        while i < toks.count {
            let t = toks[i]
            if t.isWord, let (exp, n) = abbreviation(toks, at: i) {
                out.append(exp); i += n; lastKey = ""; continue
            }
            if t.isWord, fieldHeads.contains(lastKey), let (text, n) = phrase(toks, at: i, in: fieldTable) {
                out.append(text); i += n; lastKey = ""; continue
            }
            if t.isWord, let (text, n) = phrase(toks, at: i, in: phraseTable) {
                out.append(text); i += n; lastKey = ""; continue
            }
            if !t.isWord {
                switch t.text {
                case "-", "–", "—": out.append("-")
                case ",", ";": if !out.isEmpty { out[out.count - 1] += t.text }
                case ":", ".", "…": break
                default: out.append(t.text)
                }
            } else {
                out.append(t.text)
            }
            lastKey = t.key
            i += 1
        }
        var name = out.joined(separator: " ")
        while name.hasSuffix(",") || name.hasSuffix(";") || name.hasSuffix(" -") { name.removeLast(); name = name.trimmingSpaces() }
        name = ToneMarks.canonical(name)
        if let f = name.first, f.isLowercase { name = String(f).uppercased() + name.dropFirst() }
        return name
    }

    /// An abbreviation at `i`, possibly written across tokens (`VH TT & DL`); its expansion and token count.
    static func abbreviation(_ t: [Token], at i: Int) -> (String, Int)? {
        var letters = ""
        var best: (String, Int)?
        var j = i
        while j < t.count, j - i < 8 {
            let tok = t[j]
            if tok.isWord {
                guard Words.isAllCaps(tok.text), tok.text.unicodeScalars.count <= 12 else { break }
                for u in tok.text.unicodeScalars where u.properties.isAlphabetic { letters.unicodeScalars.append(u) }
                if let e = abbreviationKeys[Folding.key(letters)] { best = (e, j - i + 1) }
            } else if tok.key != "&" && tok.key != "-" {
                break
            }
            j += 1
        }
        return best
    }

    static func phrase(_ t: [Token], at i: Int, in table: WordTable<[([String], String)]>) -> (String, Int)? {
        guard let candidates = table.get(t[i].key, hash: t[i].hash) else { return nil }
        for (words, text) in candidates {
            var j = i
            var ok = true
            for (n, w) in words.enumerated() {
                if n > 0 { while j < t.count, !t[j].isWord, ["-", "–", ",", "&"].contains(t[j].key) { j += 1 } }
                // `và` inside a field name may be left out (`Văn hoá Thể thao du lịch`).
                if w == "va", n > 0, n < words.count - 1, j < t.count, t[j].key != "va" { continue }
                guard j < t.count, t[j].isWord, t[j].key == w else { ok = false; break }
                j += 1
            }
            if ok { return (text, j - i) }
        }
        return nil
    }
}

