import VanBanText

/// A body named in running text: `Sở GDĐT`, `UBND các huyện, thành phố`, or a
/// generic plural group (`các sở, ban, ngành`).
struct AgencyMention: Sendable, Equatable {
    /// As written (after `Đề nghị` is dropped).
    var raw: String
    /// A locality shared from a later member of the same list (` các huyện, thị xã, thành phố`).
    var sharedLocality = ""
    /// Canonical form (`AgencyNormalizer`), computed when asked for.
    var name: String { AgencyNormalizer.cachedCanonical(raw) + sharedLocality }
    var generic: Bool
    /// Token range in the paragraph.
    var start: Int
    var end: Int
    /// The member's body enumerates bare nouns (`Các sở, ban, ngành, đoàn thể`).
    var enumerates: Bool
    var hasLocality: Bool
}

/// What follows an agency list.
enum ListEnd: Equatable {
    case endOfText, colon, verb, other
}

/// Recognizes Vietnamese public bodies in token streams, using `AgencyLexicon`.
enum AgencyRecognizer {
    /// The head at `i`, with its length.
    static func head(_ t: [Token], at i: Int) -> (head: AgencyLexicon.Head, length: Int)? {
        guard i < t.count, t[i].isWord else { return nil }
        var best: (AgencyLexicon.Head, Int)?
        guard let candidates = AgencyLexicon.headsByFirstWord.get(t[i].key, hash: t[i].hash) else { return nil }
        for h in candidates {
            guard let n = h.phrase.match(t, at: i) else { continue }
            if h.capitalOnly && !t[i].capitalized && !(t[i].text == t[i].text.uppercased()) { continue }
            let lower = t[i].text.lowercased()
            if lower != h.firstWord && ToneMarks.canonical(lower) != h.firstWord { continue }
            // `Bộ công cụ`, `Ban hành`: a lower-case follower makes a noun or verb; `Bộ Công an` stays a body.
            // (In upper-case text every word is capitalized, so there the follower always decides.)
            if i + n < t.count, t[i + n].isWord, h.notFollowedBy.contains(t[i + n].key),
               !t[i + n].capitalized || Words.isAllCaps(t[i].text) { continue }
            // A one-word head needs a named body after it: `Sở Tài chính`, `Hội Khuyến học`, `Tỉnh đoàn` stands alone.
            if let b = best, b.1 >= n { continue }
            best = (h, n)
        }
        return best
    }

    static func isGenericOpener(_ t: [Token], at i: Int) -> Int? {
        AgencyLexicon.genericOpeners.match(t, at: i)?.length
    }

    /// True when a new member starts at `i` (after a separator).
    static func startsMember(_ t: [Token], at i: Int) -> Bool {
        var j = i
        if Phrases.deNghi.match(t, at: j) != nil { j += 2 }
        return head(t, at: j) != nil || isGenericOpener(t, at: j) != nil
    }

    static func isVerb(_ t: [Token], at i: Int) -> Bool {
        guard i < t.count, t[i].isWord, !t[i].capitalized else { return false }
        return TaskCues.verbs.matchExact(t, at: i) != nil
    }

    /// Parses a list of agencies starting at `i`: members separated by `,`, `;`,
    /// `và`. Returns the members and where and how the list ended.
    static func list(_ t: [Token], from start: Int, maxMembers: Int = 12) -> (members: [AgencyMention], end: Int, ending: ListEnd) {
        var members: [AgencyMention] = []
        var i = start
        while members.count < maxMembers {
            guard let m = member(t, at: i) else { break }
            members.append(m)
            i = m.end
            // Separator?
            var j = i
            while j < t.count, !t[j].isWord, t[j].key == "." && j + 1 < t.count && !t[j + 1].isWord { j += 1 } // `,...`
            if j < t.count, !t[j].isWord, t[j].key == "," || t[j].key == ";" {
                var k = j + 1
                while k < t.count, !t[k].isWord, t[k].key == "." || t[k].key == "…" { k += 1 }
                if startsMember(t, at: k) { i = k; continue }
                if k < t.count, t[k].isWord, t[k].key == "va", startsMember(t, at: k + 1) { i = k + 1; continue }
                // `,... tăng cường`: list over, predicate follows.
                i = j
                break
            }
            if j < t.count, t[j].isWord, t[j].key == "va", startsMember(t, at: j + 1) { i = j + 1; continue }
            break
        }
        if members.isEmpty { return ([], start, .other) }
        var k = i
        while k < t.count, !t[k].isWord, [",", ".", "…", ")"].contains(t[k].key) { k += 1 }
        let ending: ListEnd
        if k >= t.count { ending = .endOfText }
        else if t[k].key == ":" { ending = .colon }
        else if isVerb(t, at: k) || (t[k].isWord && TaskCues.verbs.matchExact(t, at: k) != nil && i > start) { ending = .verb }
        else { ending = .other }
        distributeLocality(&members)
        return (members, k, ending)
    }

    /// One member at `i`.
    static func member(_ t: [Token], at start: Int) -> AgencyMention? {
        var i = start
        if Phrases.deNghi.match(t, at: i) != nil { i += 2 }
        let nameStart = i
        var generic = false
        var runsToSeparator = false
        var ofBodies = false
        var afterLocality = false
        var minWords = 0
        if let n = isGenericOpener(t, at: i) {
            // `Các sở, ban, ngành`, `các cơ quan`: a group of bodies, not `các tiêu chí`, `các hình thức`.
            guard i + n < t.count, AgencyLexicon.groupNouns.match(t, at: i + n) != nil || head(t, at: i + n) != nil else { return nil }
            generic = true
            i += n
            minWords = 2 // `các tổ chức`, `các sở`: the noun after `các` is never a verb
        } else if let (h, n) = head(t, at: i) {
            i += n
            runsToSeparator = h.runsToSeparator
            ofBodies = h.ofBodies
            if h.takesField, let f = field(t, at: i) {
                i += f
                i = locality(t, at: i)
                return make(t, nameStart, i, generic: false, enumerates: false)
            }
        } else {
            return nil
        }
        var enumerates = false
        var words = 0
        var hasLocality = false
        while i < t.count && words < 18 {
            let tok = t[i]
            if !tok.isWord {
                switch tok.key {
                case "(":
                    // A parenthetical (`(GDĐT)`, `(phụ trách ...)`) belongs to the name.
                    if let close = t[i...].firstIndex(where: { !$0.isWord && $0.key == ")" }), close - i <= 14 { i = close + 1; continue }
                    return finish(t, nameStart, i, generic, enumerates, hasLocality)
                case "-", "–", "—", "&", "/":
                    i += 1; continue
                case ",":
                    let k = i + 1
                    guard k < t.count, t[k].isWord else { return finish(t, nameStart, i, generic, enumerates, hasLocality) }
                    if startsMember(t, at: k) || isVerb(t, at: k) { return finish(t, nameStart, i, generic, enumerates, hasLocality) }
                    if k < t.count, t[k].key == "va" { return finish(t, nameStart, i, generic, enumerates, hasLocality) }
                    if AgencyLexicon.localityWords.matchExact(t, at: k) != nil { i = k; hasLocality = true; continue }
                    if t[k].capitalized && !generic { i = k; continue } // `Sở Văn hóa, Thể thao và Du lịch`
                    if generic && !t[k].capitalized { enumerates = true; i = k; continue } // `các sở, ban, ngành`
                    return finish(t, nameStart, i, generic, enumerates, hasLocality)
                default:
                    return finish(t, nameStart, i, generic, enumerates, hasLocality)
                }
            }
            if words >= minWords {
                if tok.key == "va" {
                    if (startsMember(t, at: i + 1) && !ofBodies) || isVerb(t, at: i + 1) { return finish(t, nameStart, i, generic, enumerates, hasLocality) }
                    i += 1; continue
                }
                if let c = TaskCues.nameContinuations.matchExact(t, at: i) { i += c.length; words += c.length; afterLocality = false; continue }
                // A locality is written in lower case (`Xã hội`, `Tỉnh ủy` are names, not localities).
                if !tok.capitalized, head(t, at: i) == nil, let l = AgencyLexicon.localityWords.matchExact(t, at: i) {
                    i += l.length; words += l.length; hasLocality = true
                    while i < t.count, t[i].isWord, t[i].capitalized, head(t, at: i) == nil { i += 1; words += 1 } // the place name
                    afterLocality = true
                    continue
                }
                // `... Truyền thanh huyện nâng cấp ...`: after its locality a body's name ends at a lower-case word.
                if afterLocality && !runsToSeparator && !generic && !tok.capitalized && TaskCues.nameContinuations.matchExact(t, at: i) == nil {
                    return finish(t, nameStart, i, generic, enumerates, hasLocality)
                }
                if AgencyLexicon.genericOpeners.match(t, at: i) != nil && Phrases.cacCap.match(t, at: i) == nil {
                    // `UBND các huyện`: a plural locality, not a new member.
                    if i + 1 < t.count, AgencyLexicon.localityWords.matchExact(t, at: i + 1) != nil { i += 1; words += 1; continue }
                }
                if Phrases.banChiDao.match(t, at: i) != nil { runsToSeparator = true }
                if !runsToSeparator && isVerb(t, at: i) { return finish(t, nameStart, i, generic, enumerates, hasLocality) }
            }
            i += 1
            words += 1
        }
        return finish(t, nameStart, i, generic, enumerates, hasLocality)
    }

    private static func finish(_ t: [Token], _ s: Int, _ e: Int, _ generic: Bool, _ enumerates: Bool, _ hasLocality: Bool) -> AgencyMention? {
        guard e > s else { return nil }
        guard var m = make(t, s, e, generic: generic, enumerates: enumerates) else { return nil }
        m.hasLocality = m.hasLocality || hasLocality
        return m
    }

    private static func make(_ t: [Token], _ s: Int, _ e: Int, generic: Bool, enumerates: Bool) -> AgencyMention? {
        var end = e
        while end > s, !t[end - 1].isWord, t[end - 1].key != ")" { end -= 1 }
        guard end > s else { return nil }
        let raw = Tokenizer.text(t[s..<end])
        let localityTail = t[s..<end].contains { $0.isWord && ["tinh", "huyen", "xa", "phuong", "quan"].contains($0.key) }
        return AgencyMention(raw: raw, generic: generic, start: s, end: e,
                             enumerates: enumerates, hasLocality: localityTail)
    }

    /// A known department field at `i` (`GDĐT`, `Văn hóa - Thể thao và Du lịch`); tokens consumed.
    static func field(_ t: [Token], at i: Int) -> Int? {
        guard i < t.count, t[i].isWord else { return nil }
        // An abbreviation that expands to a field.
        if let (exp, n) = AgencyNormalizer.abbreviation(t, at: i), AgencyNormalizer.fieldKeys[Folding.words(exp)] != nil {
            return n
        }
        var best: Int?
        guard let candidates = AgencyNormalizer.fieldTable.get(t[i].key, hash: t[i].hash) else { return nil }
        for (key, _) in candidates {
            var j = i
            var ok = true
            for (n, w) in key.enumerated() {
                while j < t.count, !t[j].isWord, ["-", "–", ",", "&"].contains(t[j].key) { j += 1 }
                // `và` inside a field name may be left out (`Sở Văn hoá Thể thao du lịch`).
                if w == "va", n > 0, n < key.count - 1, j < t.count, t[j].key != "va" { continue }
                guard j < t.count, t[j].isWord, t[j].key == w else { ok = false; break }
                j += 1
            }
            if ok, best.map({ j - i > $0 }) ?? true { best = j - i }
        }
        return best
    }

    /// Skips a locality qualifier: `tỉnh`, `tỉnh Lâm Đồng`, `các huyện, thị xã, thành phố`, `cấp huyện`.
    static func locality(_ t: [Token], at start: Int) -> Int {
        var i = start
        if i < t.count, t[i].key == "cac", AgencyLexicon.localityWords.matchExact(t, at: i + 1) != nil { i += 1 }
        guard let l = AgencyLexicon.localityWords.matchExact(t, at: i) else { return start }
        i += l.length
        while true {
            if i + 1 < t.count, !t[i].isWord, t[i].key == "," || t[i].key == "/", let m = AgencyLexicon.localityWords.matchExact(t, at: i + 1) {
                i += 1 + m.length; continue
            }
            if i < t.count, t[i].isWord, t[i].capitalized, head(t, at: i) == nil { i += 1; continue } // place name
            break
        }
        return i
    }

    /// `Phòng Văn hóa và Thông tin, Trung tâm Văn hóa ... các huyện, thị xã, thành phố`:
    /// the plural locality of the last member qualifies earlier members that have none.
    static func distributeLocality(_ members: inout [AgencyMention]) {
        guard members.count >= 2, let last = members.last, !last.generic, Bytes.contains(Folding.words(last.raw), " cac ") else { return }
        let lastName = last.name
        let lastKey = Folding.words(lastName)
        guard let r = lastKey.firstRange(of: " cac ") else { return }
        let tailKey = String(lastKey[r.lowerBound...]).dropFirst()
        let tailWords = tailKey.split(separator: " ")
        guard let firstUnit = tailWords.dropFirst().first, ["huyen", "thanh", "thi", "xa", "phuong", "quan", "tinh"].contains(String(firstUnit)) else { return }
        // The same words in the canonical name.
        let nameWords = lastName.split(separator: " ")
        guard nameWords.count >= tailWords.count else { return }
        let suffix = nameWords.suffix(tailWords.count).joined(separator: " ")
        // Departments and ministries (`Sở`, `Bộ`) are provincial or national: a district locality never qualifies them.
        for k in 0..<(members.count - 1) where !members[k].generic && !members[k].hasLocality
            && !["so", "bo"].contains(Folding.key(String(members[k].raw.prefix(while: { $0 != " " })))) {
            members[k].sharedLocality = " " + suffix
            members[k].hasLocality = true
        }
    }
}
