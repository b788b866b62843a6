import VanBanModel

/// Finds time limits: `trước ngày 01/12/2024`, `trước ngày 15 tháng 12 hằng năm`
/// (`--12-15`, yearly), and periodic duties whose period `định kỳ` names
/// (`định kỳ 6 tháng, năm` → semiannual and yearly, no date).
struct DeadlineExtractor {
    let documentYear: Int?

    /// A deadline with what tells it apart from an identical-looking one of the same
    /// sentence: the due time of a daily duty (`02 lần/ngày (trước 9h00’ và 16h00’)`
    /// is two deadlines; `trước ngày 15/11/2025` said twice is one).
    struct Found {
        var deadline: Deadline
        var dueTime: String?
        init(deadline: Deadline, dueTime: String? = nil) { self.deadline = deadline; self.dueTime = dueTime }

        /// Entries with the same key are one deadline.
        var key: Key { Key(date: deadline.date, recurrence: deadline.recurrence, relation: deadline.relation,
                           section: deadline.section, quote: deadline.quote, dueTime: dueTime) }
        struct Key: Hashable {
            var date: String?
            var recurrence: Recurrence?
            var relation: DeadlineRelation?
            var section: String
            var quote: String
            var dueTime: String?
        }
    }

    func extract(_ p: Passage) -> [Deadline] { found(p).map(\.deadline) }

    func found(_ p: Passage) -> [Found] {
        guard p.zone == .body || p.zone == .closing else { return [] }
        let t = p.tokens
        var out: [Found] = []
        // Most passages hold no deadline cue at all.
        guard t.contains(where: { $0.isWord && Self.cueFirstWords.get($0.key, hash: $0.hash) != nil }) else { return [] }
        for s in sentences(t) {
            let recurrence = firstRecurrence(t, s)
            var dated = false
            var periodic: [Recurrence] = []
            var i = s.lowerBound
            while i < s.upperBound {
                if !t[i].isWord || Self.cueFirstWords.get(t[i].key, hash: t[i].hash) == nil { i += 1; continue }
                if let (rel, n) = relation(t, at: i), let (r, used) = recurringDay(t, at: i + n, recurrence: recurrence) {
                    // `trước ngày 20 hằng tháng`, `trước 19h00' hằng ngày` (one entry per due time).
                    if used.times.isEmpty { out.append(Found(deadline: make(nil, r, rel, p, s, at: i))) }
                    for time in used.times { out.append(Found(deadline: make(nil, r, rel, p, s, at: i), dueTime: time)) }
                    dated = true
                    i += n + used.length
                    continue
                }
                if let (rel, n) = relation(t, at: i), let d = DateReader.date(t, at: i + n) {
                    out.append(Found(deadline: make(d.iso, recurrence, rel, p, s, at: i)))
                    dated = true
                    i += n + d.length
                    // `trước ngày 15/6 và 15/12 hằng năm`: more dates under the same cue.
                    while i + 1 < s.upperBound, t[i].key == "va" || t[i].key == "," || t[i].key == "hoac" {
                        var k = i + 1
                        if k < s.upperBound, t[k].key == "ngay" { k += 1 }
                        guard let more = DateReader.date(t, at: k) else { break }
                        out.append(Found(deadline: make(more.iso, recurrence, rel, p, s, at: i)))
                        i = k + more.length
                    }
                    continue
                }
                if let (rel, n) = monthRelation(t, at: i), let d = DateReader.month(t, at: i + n) {
                    out.append(Found(deadline: make(d.iso, recurrence, rel, p, s, at: i)))
                    i += n + d.length
                    continue
                }
                if let n = DeadlineCues.periodic.match(t, at: i) {
                    periodic += namedPeriods(t, from: i + n, until: s.upperBound)
                    i += n
                    continue
                }
                i += 1
            }
            // A period named by `định kỳ` is a deadline of its own only when the sentence gives no date.
            if !dated { for r in periodic { out.append(Found(deadline: make(nil, r, nil, p, s))) } }
        }
        return out
    }

    private func make(_ date: String?, _ rec: Recurrence?, _ rel: DeadlineRelation?, _ p: Passage, _ s: Range<Int>, at: Int? = nil) -> Deadline {
        var resolved: String?
        if let d = date, d.hasPrefix("--"), let y = documentYear { resolved = "\(y)" + d.dropFirst(1) }
        return Deadline(date: date, resolvedDate: resolved, recurrence: rec, relation: rel, section: p.section,
                        quote: Tokenizer.quote(p.tokens, sentence: s, at: at ?? s.lowerBound), agencies: [])
    }

    static let relationCues = Lookup(DeadlineCues.relations)
    static let monthCues = Lookup(DeadlineCues.monthRelations)
    static let recurrenceCues = Lookup(DeadlineCues.recurrences)
    static let periodCues = Lookup(DeadlineCues.periods)
    /// First words of every cue above: one probe rejects most tokens.
    static let cueFirstWords: WordTable<Bool> = WordTable(
        (DeadlineCues.relations + DeadlineCues.monthRelations + DeadlineCues.recurrences).map { ($0.0.words[0], true) }
            + [(DeadlineCues.periodic.words[0], true)])

    /// A phrase set whose phrases carry a value.
    struct Lookup {
        let set: PhraseSet
        let values: [String]
        init(_ pairs: [(Phrase, String)]) {
            values = pairs.map(\.1)
            set = PhraseSet(phrases: pairs.enumerated().map { k, pair in var p = pair.0; p.tag = k; return p })
        }
        func match(_ t: [Token], at i: Int) -> (String, Int)? {
            guard let m = set.match(t, at: i) else { return nil }
            return (values[m.phrase.tag], m.length)
        }
    }

    func relation(_ t: [Token], at i: Int) -> (DeadlineRelation, Int)? {
        Self.relationCues.match(t, at: i).map { (DeadlineRelation(rawValue: $0.0)!, $0.1) }
    }

    func monthRelation(_ t: [Token], at i: Int) -> (DeadlineRelation, Int)? {
        Self.monthCues.match(t, at: i).map { (DeadlineRelation(rawValue: $0.0)!, $0.1) }
    }

    func firstRecurrence(_ t: [Token], _ s: Range<Int>) -> Recurrence? {
        var i = s.lowerBound
        while i < s.upperBound {
            if let (r, _) = Self.recurrenceCues.match(t, at: i) { return Recurrence(rawValue: r) }
            // `02 lần/ngày`
            if t[i].isWord, t[i].key.hasSuffix("/ngay") { return .daily }
            i += 1
        }
        return nil
    }

    static let dayOfPeriodCues = Lookup(DeadlineCues.dayOfPeriod)

    /// After a relation cue: a day with no month and a recurring period
    /// (`20 hằng tháng` → monthly), or due times of a daily duty (`19h00’`,
    /// `9h00’ và 16h00’` when the sentence says `hằng ngày` or `lần/ngày`).
    /// The recurrence, the due times (none for a day of a period) and how many tokens it used.
    func recurringDay(_ t: [Token], at i: Int, recurrence: Recurrence?) -> (Recurrence, (times: [String], length: Int))? {
        guard i < t.count, t[i].isWord else { return nil }
        if let d = Int(t[i].text), (1...31).contains(d), let (r, n) = Self.dayOfPeriodCues.match(t, at: i + 1) {
            return (Recurrence(rawValue: r)!, ([], 1 + n))
        }
        guard recurrence == .daily, Self.isTimeOfDay(t[i].text) else { return nil }
        var times = [t[i].text.lowercased()]
        var j = i + 1
        while j < t.count {
            if !t[j].isWord, t[j].key == "’" || t[j].key == "'" { j += 1; continue }
            if (t[j].key == "va" || t[j].key == ","), j + 1 < t.count, Self.isTimeOfDay(t[j + 1].text) {
                times.append(t[j + 1].text.lowercased()); j += 2; continue
            }
            break
        }
        return (.daily, (times, j - i))
    }

    /// `19h00`, `9h`, `16h30`.
    static func isTimeOfDay(_ s: String) -> Bool {
        let parts = s.lowercased().split(separator: "h", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = Int(parts[0]), (0...24).contains(h) else { return false }
        return parts[1].isEmpty || (parts[1].count == 2 && Int(parts[1]) != nil)
    }

    /// After `định kỳ`: the periods it names (`6 tháng, năm`), or none when a dated
    /// deadline follows (`định kỳ trước ngày ...`) or no period is named (`định kỳ và đột xuất`).
    func namedPeriods(_ t: [Token], from start: Int, until end: Int) -> [Recurrence] {
        var out: [Recurrence] = []
        var i = start
        // `định kỳ (hằng năm)`
        while i < end, !t[i].isWord, t[i].key == "(" || t[i].key == "*" { i += 1 }
        while i < end {
            guard let (r, n) = period(t, at: i) else { break }
            out.append(r)
            i += n
            // `, năm`, `và năm`, `/năm`
            if i < end, (!t[i].isWord && (t[i].key == "," || t[i].key == "/")) || (t[i].isWord && (t[i].key == "va" || t[i].key == "hoac")) {
                if period(t, at: i + 1) != nil { i += 1; continue }
            }
            break
        }
        return out
    }

    func period(_ t: [Token], at i: Int) -> (Recurrence, Int)? {
        guard let (r, n) = Self.periodCues.match(t, at: i) else { return nil }
        // `năm 2025` is a year, not a period.
        if i + n < t.count, t[i + n].isWord, t[i + n].text.count == 4, Int(t[i + n].text) != nil { return nil }
        return (Recurrence(rawValue: r)!, n)
    }
}
