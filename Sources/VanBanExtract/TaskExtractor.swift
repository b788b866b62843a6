import VanBanModel
import VanBanText

/// Finds who must do what. A paragraph assigns work to:
/// - the agency named as the heading of its section under `Tổ chức thực hiện`
///   (`2.1. Sở Giáo dục và Đào tạo`: every paragraph in it is that agency's);
/// - the agencies that are the subject at the start of the paragraph
///   (`Sở Tài chính bố trí kinh phí ...`, `Sở TT&TT, Báo Lâm Đồng, ...: xây dựng ...`);
/// - the agency followed by `chủ trì`. Agencies after `phối hợp với` support.
final class TaskExtractor {
    struct Found { var passage: Int; var task: TaskAssignment }

    /// Spellings seen for each canonical name in this document (`Sở GDĐT` for `Sở Giáo dục và Đào tạo`).
    private(set) var aliases: [String: Set<String>] = [:]

    func canonical(_ m: AgencyMention) -> String {
        let name = m.name
        aliases[name, default: []].insert(m.raw.hasPrefix("Đề nghị ") ? String(m.raw.dropFirst(8)) : m.raw)
        return name
    }

    func extract(_ ps: Passages) -> [Found] {
        var out: [Found] = []
        var headingLeads: [Int: [String]] = [:]
        let lists = designationLists(ps)
        out += lists.tasks
        for (n, node) in ps.nodes.enumerated() {
            if let row = node.row {
                switch tableRowTask(node, row, ps) {
                case let .task(f): out.append(f); continue
                case .groupRow: continue
                case .notATaskTable: continue // an indicator or data table: its rows assign nothing
                }
            }
            if node.inGoalSection || lists.coveredNodes.contains(n) { continue }
            let inAssignment = node.inAssignmentSection
            // `1. Sở Tài chính (cơ quan chủ trì)`: a note in brackets is not part of the name list.
            let headingToks = Self.withoutBrackets(node.headingTokens)
            var own: [String]?
            if inAssignment, let leads = pureList(headingToks) { own = leads; headingLeads[n] = leads }
            let inherited = own ?? inheritedLeads(n, ps, headingLeads)
            var subLeads: [String]?
            for pi in node.passages {
                let p = ps.all[pi]
                if isExecutionClause(p.tokens) { continue }
                if p.isHeading {
                    if own != nil { continue }
                    // A heading that is itself a sentence: `1. Thủ trưởng các cơ quan ... có trách nhiệm ...`.
                    let (leads, support) = assignment(p.tokens)
                    if !leads.isEmpty {
                        out.append(Found(passage: pi, task: task(p, leads, support)))
                    } else if let inherited, inheritsAsClause(n, ps, headingLeads) {
                        // (e) A clause under a heading that names the assignee: the assignee's task.
                        out.append(Found(passage: pi, task: task(p, inherited, support)))
                    }
                    continue
                }
                if p.marker != nil { subLeads = nil }
                // `Các Hội: Cựu chiến binh, Nông dân` or a bullet that is only a name: a sub-heading.
                let opening = AgencyRecognizer.list(p.tokens, from: 0)
                if let members = enumeratedHeads(p.tokens) ?? (p.tokens.count <= 24 ? pureList(p.tokens, opening) : nil) {
                    subLeads = members
                    continue
                }
                var (leads, support) = assignment(p.tokens, opening)
                if leads.isEmpty { leads = subLeads ?? inherited ?? [] }
                if !leads.isEmpty { out.append(Found(passage: pi, task: task(p, leads, support))) }
            }
        }
        return out
    }

    /// A lettered or numbered clause right under the heading that named its
    /// assignee (`1. Sở Khoa học và Công nghệ` / `a) Chủ trì, tham mưu ...`).
    private func inheritsAsClause(_ n: Int, _ ps: Passages, _ known: [Int: [String]]) -> Bool {
        guard let parent = ps.nodes[n].parent else { return false }
        return known[parent] != nil && ps.nodes[n].headingTokens.filter(\.isWord).count >= 2
    }

    enum DesignationKind { case lead, support, executor }

    /// `Cơ quan chủ trì: ...`, `Đơn vị phối hợp: ...`, `Cơ quan thực hiện: ...` at the start
    /// of the tokens: what it designates and where the named bodies start (the
    /// end of the tokens for a bare `Cơ quan chủ trì` heading).
    func designation(_ t: [Token]) -> (kind: DesignationKind, start: Int)? {
        var i = 0
        while i < t.count, !t[i].isWord { i += 1 }
        let sets: [(PhraseSet, DesignationKind)] = [(TaskCues.leadDesignations, .lead), (TaskCues.supportDesignations, .support),
                                                    (TaskCues.executorDesignations, .executor)]
        var best: (DesignationKind, Int)?
        for (set, kind) in sets {
            guard let m = set.match(t, at: i) else { continue }
            let j = i + m.length
            if j < t.count, !t[j].isWord, t[j].key == ":" || t[j].key == "-" {
                if best.map({ j + 1 > $0.1 }) ?? true { best = (kind, j + 1) }
            } else if j == t.count, best == nil {
                best = (kind, j)
            }
        }
        return best
    }

    /// (c) Designation lists: `Cơ quan chủ trì: ...` names the leads of the task
    /// it stands in (the facet heading's parent, when it stands under `b) Cơ
    /// quan thực hiện`), `Cơ quan phối hợp` its supports, `Cơ quan thực hiện`
    /// the leads when the task has no `chủ trì` line. Returns the tasks and the
    /// nodes they cover (read no further).
    private func designationLists(_ ps: Passages) -> (tasks: [Found], coveredNodes: Set<Int>) {
        struct Designated { var leads: [String] = []; var executors: [String] = []; var support: [String] = []; var passage: Int }
        var byTarget: [Int: Designated] = [:]
        var order: [Int] = []
        var facets: [Int: Int] = [:] // facet node → its task node
        for (n, node) in ps.nodes.enumerated() where node.row == nil {
            let key = node.path.last ?? "" // the folded heading
            let headingKind = designation(node.headingTokens).flatMap { $0.start >= node.headingTokens.count ? $0.kind : nil }
            // A facet heading is short (`a) Nhiệm vụ`, `c) Thời gian thực hiện`); `4. Phối hợp kiểm tra việc ...` is a task.
            let short = key.utf8.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 } <= 5
            let isFacet = node.parent != nil && (headingKind != nil || (short && TaskCues.facetHeadings.contains { key == $0 || key.hasPrefix($0 + " ") }))
            let target = isFacet ? node.parent! : n
            if isFacet { facets[n] = target }
            for pi in node.passages where !ps.all[pi].isHeading {
                let p = ps.all[pi]
                var kind: DesignationKind
                var bodies: String
                if let d = designation(p.tokens), d.start < p.tokens.count {
                    kind = d.kind
                    bodies = Tokenizer.text(p.tokens[d.start...])
                } else if let hk = headingKind {
                    kind = hk
                    bodies = p.text
                } else {
                    continue
                }
                let names = cellAgencies(bodies)
                if names.isEmpty { continue }
                if byTarget[target] == nil { byTarget[target] = Designated(passage: pi); order.append(target) }
                switch kind {
                case .lead: byTarget[target]!.leads += names
                case .support: byTarget[target]!.support += names
                case .executor: byTarget[target]!.executors += names
                }
            }
        }
        var tasks: [Found] = []
        var covered = Set(order)
        for (facet, target) in facets where byTarget[target] != nil { covered.insert(facet) }
        for target in order {
            guard let d = byTarget[target] else { continue }
            let leads = d.leads.isEmpty ? d.executors : d.leads
            guard !leads.isEmpty else { continue }
            let node = ps.nodes[target]
            let t = TaskAssignment(section: node.section, text: node.heading.isEmpty ? ps.all[d.passage].text : node.heading,
                                   lead: unique(leads), support: unique(d.support.filter { !leads.contains($0) }), deadline: nil)
            tasks.append(Found(passage: d.passage, task: t))
        }
        return (tasks, covered)
    }

    /// A row of a task table (f): every agency of the `chủ trì` cell leads, the
    /// `phối hợp` cell supports, the task cell is the text. A table with no lead
    /// column is read as text; a row with an empty lead cell only groups others.
    /// The tokens with bracketed notes removed (`(cơ quan chủ trì)`), when the brackets close.
    static func withoutBrackets(_ t: [Token]) -> [Token] {
        guard t.contains(where: { !$0.isWord && $0.key == "(" }) else { return t }
        var out: [Token] = []
        var depth = 0
        for tok in t {
            if !tok.isWord, tok.key == "(" { depth += 1; continue }
            if !tok.isWord, tok.key == ")", depth > 0 { depth -= 1; continue }
            if depth == 0 { out.append(tok) }
        }
        return depth == 0 ? out : t
    }

    enum TableRowReading { case task(Found), groupRow, notATaskTable }

    private func tableRowTask(_ node: NodeInfo, _ row: TableRow, _ ps: Passages) -> TableRowReading {
        let roles = node.rowRoles
        guard let leadColumn = roles[.lead], leadColumn < row.cells.count, let heading = node.passages.first else { return .notATaskTable }
        let leads = cellAgencies(row.cells[leadColumn])
        guard !leads.isEmpty else { return .groupRow }
        let support = roles[.support].map { $0 < row.cells.count ? cellAgencies(row.cells[$0]) : [] } ?? []
        var text = node.heading
        if let k = roles[.task], k < row.cells.count, !row.cells[k].isEmpty { text = row.cells[k] }
        // Deadlines of the row stand in its time cell, a passage of the node.
        let timing = node.passages.first { ps.all[$0].isTimingCell } ?? heading
        let t = TaskAssignment(section: node.section, text: text, lead: unique(leads),
                               support: unique(support.filter { !leads.contains($0) }), deadline: nil)
        return .task(Found(passage: timing, task: t))
    }

    /// The agencies of a table cell: each `;` part is a list of bodies (`Sở
    /// KH&CN chủ trì hướng dẫn` → `Sở Khoa học và Công nghệ`), or, when no
    /// known body opens it, one body named whole (`Liên hiệp các Hội Khoa học
    /// và Kỹ thuật`, `Doanh nghiệp, nhà cung cấp dịch vụ`).
    func cellAgencies(_ cell: String) -> [String] {
        var out: [String] = []
        for part in cell.split(separator: ";") {
            let t = Tokenizer.tokens(String(part))
            guard t.contains(where: \.isWord) else { continue }
            var i = 0
            while i < t.count, !t[i].isWord { i += 1 }
            let (first, firstEnd, _) = AgencyRecognizer.list(t, from: i)
            if first.isEmpty {
                // Not a known body: the part, up to a lower-case verb, is the name.
                var e = i
                while e < t.count, !(e > i && !t[e].capitalized && TaskCues.cellNameEnds.match(t, at: e) != nil) { e += 1 }
                var whole = Tokenizer.text(t[i..<e])
                while let l = whole.last, l == "." || l == "," || l == " " { whole.removeLast() }
                if !whole.isEmpty, Words.startsUppercase(whole), Words.tokens(whole).count <= 14 {
                    out.append(AgencyNormalizer.cachedCanonical(whole))
                }
                continue
            }
            out += names(first, t)
            // More bodies written on after the first list (`Sở A Sở B`), before any `phối hợp`.
            var k = firstEnd
            while k < t.count {
                if TaskCues.support.match(t, at: k) != nil { break }
                if AgencyRecognizer.startsMember(t, at: k) {
                    let (more, end, _) = AgencyRecognizer.list(t, from: k)
                    if !more.isEmpty { out += names(more, t); k = max(end, k + 1); continue }
                }
                k += 1
            }
        }
        return out
    }

    private func task(_ p: Passage, _ leads: [String], _ support: [String]) -> TaskAssignment {
        TaskAssignment(section: p.section, text: p.text, lead: unique(leads), support: unique(support.filter { !leads.contains($0) }), deadline: nil)
    }

    /// Names are canonical already: exact duplicates are the same agency.
    private func unique(_ xs: [String]) -> [String] {
        var out: [String] = []
        for x in xs where !out.contains(x) { out.append(x) }
        return out
    }

    private func inheritedLeads(_ n: Int, _ ps: Passages, _ known: [Int: [String]]) -> [String]? {
        // The nearest enclosing node whose heading named agencies.
        let path = ps.nodes[n].section
        var best: (Int, [String])?
        for (k, leads) in known where k < n {
            let s = ps.nodes[k].section
            if path.hasPrefix(s + "."), best.map({ s.count > ps.nodes[$0.0].section.count }) ?? true { best = (k, leads) }
        }
        return best?.1
    }

    func isExecutionClause(_ t: [Token]) -> Bool {
        var i = 0
        while i < t.count {
            if t[i].key == "thi", TaskCues.executionClause.match(t, at: i) != nil { return true }
            i += 1
        }
        return false
    }

    /// The tokens are nothing but a list of agencies (`Sở Giáo dục và Đào tạo`,
    /// `Đề nghị Ủy ban MTTQVN và các Tổ chức chính trị xã hội`); their canonical names.
    func pureList(_ t: [Token], _ opening: (members: [AgencyMention], end: Int, ending: ListEnd)? = nil) -> [String]? {
        let (members, _, ending) = opening ?? AgencyRecognizer.list(t, from: 0)
        guard !members.isEmpty, ending == .endOfText || (ending == .colon && onlyPunctuationAfterColon(t, members.last!.end)) else { return nil }
        return names(members, t)
    }

    private func onlyPunctuationAfterColon(_ t: [Token], _ end: Int) -> Bool {
        t[end...].allSatisfy { !$0.isWord }
    }

    /// Canonical names of list members. A generic group that enumerates bare nouns
    /// (`Các sở, ban, ngành, đoàn thể, các tổ chức hội có liên quan`) is one lead, written whole.
    private func names(_ members: [AgencyMention], _ t: [Token]) -> [String] {
        if members.allSatisfy(\.generic), members.contains(where: \.enumerates), let first = members.first, let last = members.last {
            return [AgencyNormalizer.cachedCanonical(Tokenizer.text(t[first.start..<last.end]))]
        }
        // `Giám đốc các Sở, ..., Ủy ban nhân dân các xã, phường xây dựng ...`: the plural position is a
        // generic group; the named bodies are the leads.
        let isPluralPosition = { (m: AgencyMention) in
            let f = Folding.words(m.raw) + " "
            return TaskCues.pluralPositions.contains { f.hasPrefix($0) }
        }
        let named = members.filter { !isPluralPosition($0) }
        return (named.isEmpty ? members : named).map(canonical)
    }

    /// `Các Hội: Cựu chiến binh, Nông dân, Người cao tuổi` → `Hội Cựu chiến binh`, `Hội Nông dân`, ...
    func enumeratedHeads(_ t: [Token]) -> [String]? {
        guard let g = AgencyRecognizer.isGenericOpener(t, at: 0), let (_, n) = AgencyRecognizer.head(t, at: g) ?? headLoose(t, at: g),
              g + n < t.count, !t[g + n].isWord, t[g + n].key == ":" else { return nil }
        let head = Tokenizer.text(t[g..<(g + n)])
        var items: [String] = []
        var current: [Token] = []
        for tok in t[(g + n + 1)...] {
            if !tok.isWord && (tok.key == "," || tok.key == ";" || tok.key == ".") {
                if !current.isEmpty { items.append(Tokenizer.text(current[...])) }
                current = []
            } else {
                current.append(tok)
            }
        }
        if !current.isEmpty { items.append(Tokenizer.text(current[...])) }
        guard !items.isEmpty, items.allSatisfy({ Words.tokens($0).count <= 6 }) else { return nil }
        return items.map { AgencyNormalizer.cachedCanonical(Words.capitalized(head) + " " + $0) }
    }

    private func headLoose(_ t: [Token], at i: Int) -> (AgencyLexicon.Head, Int)? {
        guard i < t.count, t[i].isWord else { return nil }
        for h in AgencyLexicon.heads where h.phrase.words.count == 1 && h.phrase.words[0] == t[i].key { return (h, 1) }
        return nil
    }

    /// Leads and supporters stated in a paragraph.
    func assignment(_ t: [Token], _ opening: (members: [AgencyMention], end: Int, ending: ListEnd)? = nil) -> (leads: [String], support: [String]) {
        var leads: [String] = []
        var support: [String] = []
        // Subject at the start, or after `Giao` / `Yêu cầu`.
        var (members, _, ending) = opening ?? AgencyRecognizer.list(t, from: 0)
        if members.isEmpty, let a = TaskCues.assigners.match(t, at: 0), a.phrase.words != ["de", "nghi"] {
            (members, _, ending) = AgencyRecognizer.list(t, from: a.length)
        }
        // After an opening clause: `Căn cứ Kế hoạch này, các sở, ngành và Ủy ban nhân dân các xã, phường xây dựng ...`.
        if members.isEmpty, let subject = Self.afterOpeningClause(t) {
            (members, _, ending) = AgencyRecognizer.list(t, from: subject)
        }
        if !members.isEmpty && (ending == .verb || ending == .colon) {
            leads += names(members, t)
        }
        // `X chủ trì` anywhere; `X tham mưu` after a clause break (`(Giao Công an tỉnh chủ trì ...)`,
        // `..., Sở Tư pháp tham mưu UBND tỉnh`), never for a body of a `phối hợp` list.
        var i = 1
        var supportEnd = 0
        while i < t.count {
            let cue = TaskCues.lead.match(t, at: i) != nil || TaskCues.advises.match(t, at: i) != nil
            if cue, let m = mention(endingAt: i, t), m.start >= supportEnd,
               TaskCues.lead.match(t, at: i) != nil || m.start == 0 || (!t[m.start - 1].isWord && [",", ";", "(", ":"].contains(t[m.start - 1].key)),
               case let name = canonical(m), !leads.contains(name) {
                leads.append(name)
            }
            if let s = TaskCues.support.match(t, at: i) {
                let (ms, end, _) = AgencyRecognizer.list(t, from: i + s.length)
                support += ms.map(canonical)
                i = max(end, i + s.length)
                supportEnd = i + 1
                continue
            }
            i += 1
        }
        return (leads, support)
    }

    /// Where the subject starts after an opening clause (`Căn cứ ...,`, `Đối với ...,`): the
    /// token after the clause's first comma outside brackets, within 60 tokens; nil when the
    /// tokens open otherwise.
    static func afterOpeningClause(_ t: [Token]) -> Int? {
        var i = 0
        while i < t.count, !t[i].isWord { i += 1 }
        guard TaskCues.openingClauses.match(t, at: i) != nil else { return nil }
        var depth = 0
        var k = i + 1
        while k < t.count, k - i <= 60 {
            if !t[k].isWord {
                switch t[k].key {
                case "(": depth += 1
                case ")": depth = max(0, depth - 1)
                case ",": if depth == 0 { return k + 1 < t.count ? k + 1 : nil }
                case ";", ".", ":": if depth == 0 { return nil }
                default: break
                }
            }
            k += 1
        }
        return nil
    }

    /// The agency whose name ends right before token `end` (`..., Sở Tài chính chủ trì`).
    private func mention(endingAt end: Int, _ t: [Token]) -> AgencyMention? {
        var s = end - 1
        while s >= 0 && end - s <= 16 {
            if AgencyRecognizer.head(t, at: s) != nil, let m = AgencyRecognizer.member(t, at: s), m.end == end { return m }
            s -= 1
        }
        return nil
    }
}
