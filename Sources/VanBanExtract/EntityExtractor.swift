import VanBanModel
import VanBanParse
import VanBanText

/// Runs every extractor over a parsed document and links what they found:
/// a task's first deadline, a deadline's agencies.
public enum EntityExtractor {
    public static func extract(_ parsed: ParsedDocument) -> Document {
        extractWithAliases(parsed).document
    }

    /// The document and, for each canonical agency name, the spellings the text used for it.
    public static func extractWithAliases(_ parsed: ParsedDocument) -> (document: Document, aliases: [String: Set<String>]) {
        var doc = parsed.document
        let passages = Passages.of(parsed)
        let year = doc.issuedDate.flatMap { Int($0.prefix(4)) }

        doc.citations = CitationExtractor(ownNumber: doc.number, ownType: doc.documentType).extract(passages)

        let deadlineReader = DeadlineExtractor(documentYear: year)
        let timing = TimingReader(horizonEnds: TimingReader.horizonEnds([doc.title ?? ""] + doc.attachments.compactMap(\.title)
                                                                            + passages.nodes.map(\.heading)),
                                  documentYear: year)
        let targetReader = TargetExtractor()
        var deadlinesByPassage: [Int: [Int]] = [:]
        var deadlines: [Deadline] = []
        var targets: [Target] = []
        var timingPassages: [Int] = []
        // Two identical deadlines (same date, recurrence, relation, section and quote) are one.
        var deadlineIndex: [DeadlineExtractor.Found.Key: Int] = [:]
        for (k, p) in passages.all.enumerated() {
            var found = deadlineReader.found(p)
            let periods = timingText(p, passages)
            if found.isEmpty, let periods {
                found = timing.read(periods).map {
                    DeadlineExtractor.Found(deadline: Deadline(date: $0.date, resolvedDate: nil, recurrence: $0.recurrence, relation: $0.relation,
                                                               section: p.section, quote: p.text, agencies: []))
                }
            }
            if periods != nil && !found.isEmpty { timingPassages.append(k) }
            for f in found {
                let index: Int
                if let seen = deadlineIndex[f.key] {
                    index = seen
                } else {
                    index = deadlines.count
                    deadlineIndex[f.key] = index
                    deadlines.append(f.deadline)
                }
                if deadlinesByPassage[k]?.contains(index) != true { deadlinesByPassage[k, default: []].append(index) }
            }
            targets += targetReader.extract(p, node: p.node.map { passages.nodes[$0] })
            if p.isHeading, let n = p.node { targets += targetReader.tableRow(passages.nodes[n]) }
        }
        var tasks: [TaskAssignment] = []
        let taskReader = TaskExtractor()
        // Deadlines of a task's own timing line (`- Thời gian thực hiện: ...`, `c) Thời gian thực hiện`) by section.
        var timingBySection: [String: [Int]] = [:]
        for k in timingPassages {
            guard let ds = deadlinesByPassage[k] else { continue }
            var section = passages.all[k].section
            if let n = passages.all[k].node, let parent = passages.nodes[n].parent,
               TimingReader.isTimingFacet(passages.nodes[n].path.last ?? "") {
                section = passages.nodes[parent].section
            }
            timingBySection[section, default: []] += ds
        }
        for found in taskReader.extract(passages) {
            var task = found.task
            var ds = deadlinesByPassage[found.passage] ?? []
            if ds.isEmpty { ds = timingBySection[task.section] ?? [] }
            task.deadline = ds.lazy.compactMap { deadlines[$0].date }.first
            for d in ds { deadlines[d].agencies += task.lead.filter { !deadlines[d].agencies.contains($0) } }
            tasks.append(task)
        }
        doc.tasks = tasks
        doc.deadlines = deadlines
        doc.targets = targets
        if doc.issuer != nil, let j = Jurisdiction.of(doc) {
            doc.issuer?.level = j.level.rawValue
            doc.issuer?.locality = j.locality
        }
        return (doc, taskReader.aliases)
    }

    /// The periods of a timing line: a time cell whole, the text after
    /// `Thời gian thực hiện:`, a paragraph under a timing facet heading
    /// (`c) Thời gian thực hiện`), or a closing bracket that holds only periods
    /// (`... (Quý IV/2025)`); nil for other passages.
    static func timingText(_ p: Passage, _ ps: Passages) -> String? {
        guard p.zone == .body else { return nil }
        if p.isTimingCell { return p.text }
        if let start = TimingReader.periodsStart(p.tokens), start < p.tokens.count { return Tokenizer.text(p.tokens[start...]) }
        if !p.isHeading, let n = p.node {
            if TimingReader.isTimingFacet(ps.nodes[n].path.last ?? "") { return p.text }
        }
        guard p.text.utf8.contains(0x28) else { return nil } // no `(`, no bracketed note
        // `... thí điểm (2025 - 2026).`: bracketed notes that hold only periods.
        var notes: [String] = []
        var rest = p.text[...]
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let inside = String(rest[rest.index(after: open)..<close])
            if TimingReader.isPeriodNote(inside) { notes.append(inside) }
            rest = rest[rest.index(after: close)...]
        }
        return notes.isEmpty ? nil : notes.joined(separator: ", ")
    }
}
