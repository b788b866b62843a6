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
        let targetReader = TargetExtractor()
        var deadlinesByPassage: [Int: [Int]] = [:]
        var deadlines: [Deadline] = []
        var targets: [Target] = []
        for (k, p) in passages.all.enumerated() {
            for d in deadlineReader.extract(p) {
                deadlinesByPassage[k, default: []].append(deadlines.count)
                deadlines.append(d)
            }
            targets += targetReader.extract(p, node: p.node.map { passages.nodes[$0] })
        }
        var tasks: [TaskAssignment] = []
        let taskReader = TaskExtractor()
        for found in taskReader.extract(passages) {
            var task = found.task
            if let ds = deadlinesByPassage[found.passage] {
                task.deadline = ds.lazy.compactMap { deadlines[$0].date }.first
                for d in ds { deadlines[d].agencies += task.lead.filter { !deadlines[d].agencies.contains($0) } }
            }
            tasks.append(task)
        }
        doc.tasks = tasks
        doc.deadlines = deadlines
        doc.targets = targets
        return (doc, taskReader.aliases)
    }
}
