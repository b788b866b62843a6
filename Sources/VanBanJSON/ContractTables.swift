import VanBanModel

/// A document's entities as flat rows, for spreadsheets (`vanban export --format csv --what ...`).
///
/// Every table starts with the same six columns naming the document
/// (`document`: its number, else its file name; `name`; `issuer`; `issuedDate`;
/// `level` and `locality`, its jurisdiction, so that provinces can be compared),
/// then the entity's own; the columns are stable, in this order.
public enum ContractTable: String, CaseIterable, Sendable {
    case tasks, deadlines, targets, citations

    public var columns: [String] {
        Self.documentColumns + {
            switch self {
            case .tasks: return ["section", "lead", "support", "deadline", "text"]
            case .deadlines: return ["section", "date", "resolvedDate", "recurrence", "relation", "agencies", "quote"]
            case .targets: return ["section", "indicator", "comparator", "value", "upper", "unit", "year", "quote"]
            case .citations: return ["section", "role", "kind", "number", "date", "issuer", "title", "quote"]
            }
        }()
    }

    static let documentColumns = ["document", "name", "issuer", "issuedDate", "level", "locality"]

    /// The rows of `doc`, one per task lead (a task without a lead: one row, lead empty),
    /// per deadline, per target or per citation. Lists inside a cell are joined with `; `.
    /// `level` and `locality`: the document's jurisdiction when known beyond its header
    /// (a copy that lost its header is still placed); else the header's.
    public func rows(_ doc: Document, level: String? = nil, locality: String? = nil) -> [[String]] {
        let head = [doc.number ?? doc.source.name, doc.source.name, doc.issuer?.name ?? "", doc.issuedDate ?? "",
                    level ?? doc.issuer?.level ?? "", locality ?? doc.issuer?.locality ?? ""]
        switch self {
        case .tasks:
            return doc.tasks.flatMap { t in
                (t.lead.isEmpty ? [""] : t.lead).map { lead in
                    head + [t.section, lead, t.support.joined(separator: "; "), t.deadline ?? "", t.text]
                }
            }
        case .deadlines:
            return doc.deadlines.map { d in
                head + [d.section, d.date ?? "", d.resolvedDate ?? "", d.recurrence?.rawValue ?? "", d.relation?.rawValue ?? "",
                        d.agencies.joined(separator: "; "), d.quote]
            }
        case .targets:
            return doc.targets.map { t in
                head + [t.section, t.indicator, t.comparator.rawValue, Self.number(t.value), t.upper.map(Self.number) ?? "", t.unit,
                        t.year.map(String.init) ?? "", t.quote]
            }
        case .citations:
            return doc.citations.map { c in
                head + [c.section, c.role.rawValue, c.kind, c.number ?? "", c.date ?? "", c.issuer ?? "", c.title ?? "", c.quote]
            }
        }
    }

    /// `40`, `2.5`: whole numbers without a decimal point.
    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
