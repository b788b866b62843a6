import VanBanModel

/// The index behind `vanban ingest`, `vanban query` and `vanban search`. The
/// command line talks only to this protocol, so that another backend
/// (PostgreSQL) can stand behind it without touching the CLI.
public protocol DocumentStore: Sendable {
    /// Path → sha256 of every stored document (for idempotent imports); a document
    /// stored under an older contract gives `StoredSource.outdated(sha)`, which
    /// matches no file, so that importing it again re-reads it.
    func storedSources() throws -> [String: String]
    /// The path of the stored document holding exactly these bytes, if any.
    func storedPath(sha256: String) throws -> String?
    /// Writes a batch in one transaction: documents (replacing any older version at the same path) and failures.
    func write(_ batch: [IngestRecord]) throws
    func tasks(_ query: TaskQuery) throws -> [TaskRow]
    func agencies() throws -> [AgencyRow]
    func citations(_ query: CitationQuery) throws -> [CitationRow]
    func deadlines(_ query: DeadlineQuery) throws -> [DeadlineRow]
    func targets(_ query: TargetQuery) throws -> [TargetRow]
    func documents(_ query: DocumentQuery) throws -> [DocumentRow]
    /// A stored document by id, number (`322/KH-UBND`), file name or path.
    func document(_ reference: String) throws -> Document?
    func search(_ text: String, limit: Int) throws -> [SearchHit]
    func failures() throws -> [FailureRow]
    /// Every stored document in contract form, ordered by sha256 (stable across imports).
    func exportDocuments(_ body: (Document) throws -> Void) throws
}

/// One unit of an import batch.
public enum IngestRecord: Sendable {
    case document(path: String, prepared: PreparedDocument)
    case failure(path: String, reason: String, sha256: String?)
    /// The same bytes as a stored document, under another path: kept as another
    /// source path of that document, never as a second document. Written after the
    /// batch's documents, so the first copy may come in the same batch.
    case otherPath(path: String, sha256: String)
}

extension IngestRecord {
    /// Why an `otherPath` could not be kept: no document holds those bytes.
    public static func orphanReason(_ sha256: String) -> String {
        "the same bytes as another file that could not be imported (sha256 \(sha256.prefix(12))…); see that file's error"
    }
}

/// Errors of the store; messages say what to do.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case unknownDocument(String)
    case badDate(String)
    /// Opened to read, but no index is there (only `vanban ingest` creates one).
    case noIndex(String)

    public var description: String {
        switch self {
        case let .noIndex(path):
            return "no index at \(path); import plans first with 'vanban ingest --db \(path)'"
        case let .cannotOpen(path, reason):
            return "cannot open the database at \(path) (\(reason)); check the path and its permissions, or pass --db"
        case let .unknownDocument(ref):
            return "no stored document matches '\(ref)'; list them with 'vanban query documents'"
        case let .badDate(s):
            return "'\(s)' is not a date; write it as YYYY-MM-DD"
        }
    }
}

// MARK: Queries

public struct TaskQuery: Sendable {
    public enum Role: String, Sendable, CaseIterable { case lead, support }
    public var agency: String?
    public var role: Role
    /// A page of the answer (import order): skip `offset` rows, return at most `limit`.
    public var offset: Int
    public var limit: Int?
    public init(agency: String?, role: Role = .lead, offset: Int = 0, limit: Int? = nil) {
        self.agency = agency; self.role = role; self.offset = max(0, offset); self.limit = limit
    }
}

public struct CitationQuery: Sendable {
    /// Documents that cite this number (`1373/QĐ-TTg`).
    public var cites: String?
    /// What this document (id, number or name) cites.
    public var of: String?
    public init(cites: String? = nil, of: String? = nil) { self.cites = cites; self.of = of }
}

public struct DeadlineQuery: Sendable {
    /// ISO dates, inclusive.
    public var before: String
    public var after: String?
    public var agency: String?
    public init(before: String, after: String? = nil, agency: String? = nil) { self.before = before; self.after = after; self.agency = agency }
}

public struct TargetQuery: Sendable {
    public var year: Int?
    public var indicator: String?
    public var unit: String?
    public init(year: Int? = nil, indicator: String? = nil, unit: String? = nil) { self.year = year; self.indicator = indicator; self.unit = unit }
}

public struct DocumentQuery: Sendable {
    public var type: String?
    public var issuer: String?
    public var since: String?
    /// Keyset pagination: rows after this one (in the query's order), at most `limit` of them.
    public var after: DocumentCursor?
    public var limit: Int?
    public init(type: String? = nil, issuer: String? = nil, since: String? = nil, after: DocumentCursor? = nil, limit: Int? = nil) {
        self.type = type; self.issuer = issuer; self.since = since; self.after = after; self.limit = limit
    }
}

/// A position in the documents listing (issued date, name, id): stable while documents are added.
public struct DocumentCursor: Sendable, Equatable, Codable {
    public var issuedDate: String
    public var name: String
    public var id: Int64
    public init(issuedDate: String, name: String, id: Int64) { self.issuedDate = issuedDate; self.name = name; self.id = id }
    public init(after row: DocumentRow) { self.init(issuedDate: row.issuedDate ?? "", name: row.name, id: row.id) }
}

// MARK: Rows

/// A row that prints as a table or CSV: fixed columns, in a stable order.
public protocol TabularRow: Codable, Sendable {
    static var columns: [String] { get }
    var cells: [String] { get }
}

func cell(_ s: String?) -> String { s ?? "" }
func cell(_ d: Double?) -> String {
    guard let d else { return "" }
    return d == d.rounded() ? String(Int(d)) : String(d)
}

public struct TaskRow: TabularRow, Equatable {
    public var document: String
    public var section: String
    public var role: String
    public var agency: String
    public var text: String
    public var deadline: String?
    public static let columns = ["document", "section", "role", "agency", "text", "deadline"]
    public var cells: [String] { [document, section, role, agency, text, cell(deadline)] }
    package init(document: String, section: String, role: String, agency: String, text: String, deadline: String?) {
        self.document = document; self.section = section; self.role = role; self.agency = agency; self.text = text; self.deadline = deadline
    }
}

public struct AgencyRow: TabularRow, Equatable {
    public var agency: String
    public var tasks: Int
    public var documents: Int
    public var aliases: [String]
    public static let columns = ["agency", "tasks", "documents", "aliases"]
    public var cells: [String] { [agency, String(tasks), String(documents), aliases.joined(separator: "; ")] }
    package init(agency: String, tasks: Int, documents: Int, aliases: [String]) {
        self.agency = agency; self.tasks = tasks; self.documents = documents; self.aliases = aliases
    }
}

public struct CitationRow: TabularRow, Equatable {
    public var document: String
    public var kind: String
    public var number: String?
    public var date: String?
    public var role: String
    public var section: String
    public var issuer: String?
    public static let columns = ["document", "kind", "number", "date", "role", "section", "issuer"]
    public var cells: [String] { [document, kind, cell(number), cell(date), role, section, cell(issuer)] }
    package init(document: String, kind: String, number: String?, date: String?, role: String, section: String, issuer: String?) {
        self.document = document; self.kind = kind; self.number = number; self.date = date; self.role = role; self.section = section; self.issuer = issuer
    }
}

public struct DeadlineRow: TabularRow, Equatable {
    public var document: String
    /// The date this row is about: the stated date, or a recurring one placed in a year of the range.
    public var date: String
    public var stated: String
    public var recurrence: String?
    public var relation: String?
    public var section: String
    public var agencies: [String]
    public var quote: String
    public static let columns = ["date", "document", "section", "stated", "recurrence", "relation", "agencies", "quote"]
    public var cells: [String] { [date, document, section, stated, cell(recurrence), cell(relation), agencies.joined(separator: "; "), quote] }
    package init(document: String, date: String, stated: String, recurrence: String?, relation: String?, section: String, agencies: [String], quote: String) {
        self.document = document; self.date = date; self.stated = stated; self.recurrence = recurrence; self.relation = relation; self.section = section; self.agencies = agencies; self.quote = quote
    }
}

public struct TargetRow: TabularRow, Equatable {
    public var document: String
    public var section: String
    public var value: Double
    public var upper: Double?
    public var unit: String
    public var comparator: String
    public var year: Int?
    public var indicator: String
    public static let columns = ["document", "section", "comparator", "value", "upper", "unit", "year", "indicator"]
    public var cells: [String] { [document, section, comparator, cell(value), cell(upper), unit, year.map(String.init) ?? "", indicator] }
    package init(document: String, section: String, value: Double, upper: Double?, unit: String, comparator: String, year: Int?, indicator: String) {
        self.document = document; self.section = section; self.value = value; self.upper = upper; self.unit = unit; self.comparator = comparator; self.year = year; self.indicator = indicator
    }
}

public struct DocumentRow: TabularRow, Equatable {
    public var id: Int64
    public var name: String
    public var type: String?
    public var number: String?
    public var issuer: String?
    public var issuedDate: String?
    public var title: String?
    public static let columns = ["id", "name", "type", "number", "issuer", "issuedDate", "title"]
    public var cells: [String] { [String(id), name, cell(type), cell(number), cell(issuer), cell(issuedDate), cell(title)] }
    package init(id: Int64, name: String, type: String?, number: String?, issuer: String?, issuedDate: String?, title: String?) {
        self.id = id; self.name = name; self.type = type; self.number = number; self.issuer = issuer; self.issuedDate = issuedDate; self.title = title
    }
}

public struct SearchHit: TabularRow, Equatable {
    public var document: String
    public var section: String
    public var score: Double
    public var snippet: String
    public static let columns = ["document", "section", "score", "snippet"]
    public var cells: [String] { [document, section, String(format2(score)), snippet] }
    package init(document: String, section: String, score: Double, snippet: String) {
        self.document = document; self.section = section; self.score = score; self.snippet = snippet
    }
}

func format2(_ d: Double) -> String {
    let r = (d * 100).rounded() / 100
    return String(r)
}

public struct FailureRow: TabularRow, Equatable {
    public var path: String
    public var reason: String
    public var failedAt: String
    public static let columns = ["path", "reason", "failedAt"]
    public var cells: [String] { [path, reason, failedAt] }
    package init(path: String, reason: String, failedAt: String) {
        self.path = path; self.reason = reason; self.failedAt = failedAt
    }
}

/// Values of `DocumentStore.storedSources()`.
public enum StoredSource {
    /// The stored value for a document written under an older contract: never equal to a sha256.
    public static func outdated(_ sha: String) -> String { "outdated:" + sha }
}
