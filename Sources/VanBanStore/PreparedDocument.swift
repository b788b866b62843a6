import VanBanExtract
import VanBanJSON
import VanBanModel
import VanBanText

/// A document flattened into rows with their search keys, ready for any SQL
/// backend. Built by the parsing workers (in parallel) so that the single
/// writer only executes statements.
public struct PreparedDocument: Sendable {
    public struct AgencyRef: Sendable { public var name: String; public var key: String; public var aliases: [(String, String)] }
    public struct Node: Sendable { public var section, label, heading: String }
    public struct Text: Sendable { public var section: String; public var marker: String?; public var text: String; public var folded: String }
    public struct Task: Sendable { public var task: TaskAssignment; public var leads: [AgencyRef]; public var supports: [AgencyRef] }
    public struct Due: Sendable { public var deadline: Deadline; public var agencies: [AgencyRef] }

    public var document: Document
    public var contract: String
    public var numberKey: String?
    public var typeKey: String?
    public var issuerKey: String?
    public var nodes: [Node] = []
    public var paragraphs: [Text] = []
    public var citationKeys: [String?] = []
    public var tasks: [Task] = []
    public var deadlines: [Due] = []
    public var targetKeys: [(unit: String, indicator: String)] = []
    /// Whose document it is (level, locality, province), for the jurisdiction filters.
    public var jurisdiction: Jurisdiction?

    /// `contract`: the document's contract JSON when the caller has it already (a worker sent it).
    public init(_ doc: Document, contract: String? = nil, aliases: [String: Set<String>]) throws {
        document = doc
        self.contract = try contract ?? ContractJSON.string(doc)
        jurisdiction = Jurisdiction.of(doc)
        numberKey = doc.number.map(PreparedDocument.numberKey)
        typeKey = doc.documentType.map(Folding.key)
        issuerKey = doc.issuer.map { Folding.words($0.name + " " + ($0.parent ?? "")) }
        if let t = doc.title { paragraphs.append(Text(section: "title", marker: nil, text: t, folded: Folding.words(t))) }
        func walk(_ ns: [OutlineNode], _ prefix: String) {
            for n in ns {
                let section = prefix + n.id
                nodes.append(Node(section: section, label: n.label, heading: n.heading))
                if !n.heading.isEmpty { paragraphs.append(Text(section: section, marker: nil, text: n.heading, folded: Folding.words(n.heading))) }
                for p in n.paragraphs { paragraphs.append(Text(section: section, marker: p.marker, text: p.text, folded: Folding.words(p.text))) }
                walk(n.children, prefix)
            }
        }
        walk(doc.outline, "")
        for (k, a) in doc.attachments.enumerated() { walk(a.outline, "A\(k + 1)/") }
        citationKeys = doc.citations.map { $0.number.map(PreparedDocument.numberKey) }
        var refs: [String: AgencyRef] = [:]
        func ref(_ name: String) -> AgencyRef {
            if let r = refs[name] { return r }
            let r = AgencyRef(name: name, key: Folding.words(name),
                              aliases: (aliases[name] ?? []).filter { $0 != name }.sorted().map { ($0, Folding.words($0)) })
            refs[name] = r
            return r
        }
        tasks = doc.tasks.map { Task(task: $0, leads: $0.lead.map(ref), supports: $0.support.map(ref)) }
        deadlines = doc.deadlines.map { Due(deadline: $0, agencies: $0.agencies.map(ref)) }
        targetKeys = doc.targets.map { (Folding.key($0.unit), Folding.words($0.indicator)) }
    }

    /// The locality of an agency named in this document (`AgencyIdentity`).
    public func agencyLocality(_ agencyKey: String) -> String {
        AgencyIdentity.locality(agencyKey: agencyKey, province: jurisdiction?.province, locality: jurisdiction?.locality,
                                level: jurisdiction?.level.rawValue)
    }

    /// `1373/QĐ-TTg`, `1373/qd-ttg`, `1373 / QĐ-TTg` → one key.
    public static func numberKey(_ s: String) -> String {
        Folding.key(s).uppercased().filter { $0 != " " }
    }
}
