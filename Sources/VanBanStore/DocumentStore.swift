import VanBanExtract
import VanBanJSON
import VanBanModel
import VanBanParse
import VanBanText

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
    /// The document a reference names: an id, a path, a file name or a number. A number
    /// that several documents carry (every province has a `17/KH-UBND`) throws
    /// `StoreError.ambiguousDocument` with the candidates, unless `issuer` (words of the
    /// issuer's name, or a province) picks one. Copies of one document (same number,
    /// issuer and date, in two formats) are one identity: the first stored is given.
    func document(_ reference: String, issuer: String?) throws -> Document?
    /// The stored document a reference names, as `document(_:issuer:)` resolves it.
    func storedDocument(_ reference: String, issuer: String?) throws -> StoredDocumentRef?
    /// Every stored citation of `number` (any spelling), with the document citing it.
    func citationLinks(_ number: String) throws -> [CitationLink]
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
    /// A filter value that names nothing (`--province Atlantis`).
    case badFilter(String)
    /// A reference that names several stored documents: the candidates, one line each.
    case ambiguousDocument(String, candidates: [String])

    public var description: String {
        switch self {
        case let .badFilter(why):
            return why
        case let .ambiguousDocument(ref, candidates):
            return "'\(ref)' names \(candidates.count) stored documents; choose one with --issuer (or use its id):\n"
                + candidates.map { "  " + $0 }.joined(separator: "\n")
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
    public var place: PlaceFilter
    public init(agency: String?, role: Role = .lead, offset: Int = 0, limit: Int? = nil, place: PlaceFilter = PlaceFilter()) {
        self.agency = agency; self.role = role; self.offset = max(0, offset); self.limit = limit; self.place = place
    }
}

public struct CitationQuery: Sendable {
    /// Documents that cite this number (`1373/QĐ-TTg`).
    public var cites: String?
    /// What this document (id, number or name) cites.
    public var of: String?
    /// With `cites`: only citations of that number issued by this body (words of its name,
    /// or a province: the cited issuer as written, or the citing plan's own province when
    /// the citation says only `của UBND tỉnh`). With `of`: which document, when the number is shared.
    public var issuer: String?
    public init(cites: String? = nil, of: String? = nil, issuer: String? = nil) { self.cites = cites; self.of = of; self.issuer = issuer }
}

extension DocumentStore {
    public func document(_ reference: String) throws -> Document? { try document(reference, issuer: nil) }
}

/// A stored document a number or name may refer to, as both backends read it.
package struct IdentityCandidate {
    package var id: Int64
    package var number: String?, numberKey: String?, issuer: String?, issuerKey: String?
    package var locality: String?, province: String?, provinceNow: String?, issuedDate: String?, name: String
    package init(id: Int64, number: String?, numberKey: String?, issuer: String?, issuerKey: String?, locality: String?,
                 province: String?, provinceNow: String?, issuedDate: String?, name: String) {
        self.id = id; self.number = number; self.numberKey = numberKey; self.issuer = issuer; self.issuerKey = issuerKey
        self.locality = locality; self.province = province; self.provinceNow = provinceNow; self.issuedDate = issuedDate; self.name = name
    }
}

/// The document `ref` names among `candidates` (in id order): those of `issuer` when given;
/// copies of one identity (number, issuer, date: a plan in two formats) are one, the first
/// given. Several identities throw `StoreError.ambiguousDocument` with the candidates.
package func chooseIdentity(_ ref: String, _ candidates: [IdentityCandidate], issuer: String?) throws -> Int64? {
    let rows = issuer.map { wanted in
        candidates.filter { issuerMatches(wanted, issuerKey: $0.issuerKey, province: $0.province, provinceNow: $0.provinceNow) }
    } ?? candidates
    var seen = Set<String>()
    let distinct = rows.filter { seen.insert([$0.numberKey ?? "", $0.locality ?? $0.issuerKey ?? "", $0.issuedDate ?? ""].joined(separator: "|")).inserted }
    if distinct.count > 1 {
        throw StoreError.ambiguousDocument(ref, candidates: distinct.map {
            candidateLine(id: $0.id, number: $0.number, issuer: $0.issuer, locality: $0.locality, date: $0.issuedDate, name: $0.name)
        })
    }
    return distinct.first?.id
}

/// A stored contract placed (the backfill of migration v6 on both backends): its
/// jurisdiction, and the contract with the issuer's level and locality filled in
/// as a fresh import would write it. Nil when the contract does not decode or
/// cannot be placed.
package func placedContract(_ json: String) -> (jurisdiction: Jurisdiction, contract: String)? {
    guard var doc = try? ContractJSON.decodeDocument(Array(json.utf8)), let j = Jurisdiction.of(doc) else { return nil }
    var contract = json
    if doc.issuer != nil, doc.issuer?.level == nil {
        doc.issuer?.level = j.level.rawValue
        doc.issuer?.locality = j.locality
        contract = (try? ContractJSON.string(doc)) ?? json
    }
    return (j, contract)
}

/// Task counts per agency identity, summed over (agency, document) rows: the backfill of
/// migration v7 on both backends.
package struct AgencyPlaceCounts {
    private var counts: [String: (agency: Int64, locality: String, tasks: Int64, documents: Int64)] = [:]
    package init() {}
    /// One agency in one document: `led` tasks it leads there.
    package mutating func add(agency: Int64, key: String, province: String?, locality: String?, level: String?, led: Int64) {
        let place = AgencyIdentity.locality(agencyKey: key, province: province, locality: locality, level: level)
        let c = counts["\(agency)|\(place)"] ?? (agency, place, 0, 0)
        counts["\(agency)|\(place)"] = (agency, place, c.tasks + led, c.documents + 1)
    }
    package var rows: [(agency: Int64, locality: String, tasks: Int64, documents: Int64)] { Array(counts.values) }
}

/// How a stored document is named in an ambiguity report: `id 3: 17/KH-UBND, Ủy ban nhân dân tỉnh Đồng Nai, 2025-01-05 (dong-nai-17.md)`.
package func candidateLine(id: Int64, number: String?, issuer: String?, locality: String?, date: String?, name: String) -> String {
    "id \(id): " + [number, issuer ?? locality, date].compactMap { $0 }.joined(separator: ", ") + " (\(name))"
}

/// Whether a stored document's issuer matches `--issuer` words: its issuer's name, or its province.
package func issuerMatches(_ wanted: String, issuerKey: String?, province: String?, provinceNow: String?) -> Bool {
    if let p = ProvinceTable.province(named: wanted), p == province || p == provinceNow { return true }
    let key = Folding.words(wanted)
    return !key.isEmpty && (issuerKey ?? "").contains(key)
}

public struct DeadlineQuery: Sendable {
    /// ISO dates, inclusive.
    public var before: String
    public var after: String?
    public var agency: String?
    public var place: PlaceFilter
    public init(before: String, after: String? = nil, agency: String? = nil, place: PlaceFilter = PlaceFilter()) {
        self.before = before; self.after = after; self.agency = agency; self.place = place
    }
}

/// Only documents of a province and/or a level of government (`--province`, `--level`).
///
/// A province matches the documents issued there and, after the 2025 merger, those of
/// the units it absorbed: `Hồ Chí Minh` finds plans of `tỉnh Bình Dương` of 2024 too,
/// `Bình Dương` only those.
public struct PlaceFilter: Sendable, Equatable {
    /// As in the province table (`Nghệ An`, `Hồ Chí Minh`); any spelling is accepted by `init(province:level:)`.
    public private(set) var province: String?
    public private(set) var level: String?
    public init() {}

    /// Throws `StoreError.badFilter` for a province or level that does not exist.
    public init(province: String?, level: String?) throws {
        if let province, !province.isEmpty {
            guard let p = ProvinceTable.province(named: province) else {
                throw StoreError.badFilter("'\(province)' is not a province or centrally-run city; write it as 'Nghệ An' or 'Hồ Chí Minh'")
            }
            self.province = p
        }
        if let level, !level.isEmpty {
            guard Jurisdiction.Level(rawValue: level) != nil else {
                throw StoreError.badFilter("the level is national, province, district or commune, not '\(level)'")
            }
            self.level = level
        }
    }

    public var isEmpty: Bool { province == nil && level == nil }

    /// SQL over `document` (SQLite placeholders) and its arguments: `id IN (...)`-ready.
    package var sqliteDocumentCondition: (String, [String]) {
        var parts: [String] = [], args: [String] = []
        if let p = province { parts.append("(province = ? OR province_now = ?)"); args += [p, p] }
        if let l = level { parts.append("level = ?"); args.append(l) }
        return (parts.joined(separator: " AND "), args)
    }
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
    public var place: PlaceFilter
    public init(type: String? = nil, issuer: String? = nil, since: String? = nil, after: DocumentCursor? = nil, limit: Int? = nil,
                place: PlaceFilter = PlaceFilter()) {
        self.type = type; self.issuer = issuer; self.since = since; self.after = after; self.limit = limit; self.place = place
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
    /// Whose agency: the province of the plans naming it (`tỉnh Đồng Nai`); nil for national bodies.
    public var locality: String?
    public var tasks: Int
    public var documents: Int
    public var aliases: [String]
    public static let columns = ["agency", "locality", "tasks", "documents", "aliases"]
    public var cells: [String] { [agency, cell(locality), String(tasks), String(documents), aliases.joined(separator: "; ")] }
    package init(agency: String, locality: String? = nil, tasks: Int, documents: Int, aliases: [String]) {
        self.agency = agency; self.locality = locality; self.tasks = tasks; self.documents = documents; self.aliases = aliases
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
    /// `national`, `province`, `district`, `commune` (see `Jurisdiction`).
    public var level: String?
    /// `tỉnh Nghệ An`, `thị trấn Phú Mỹ`.
    public var locality: String?
    public static let columns = ["id", "name", "type", "number", "issuer", "issuedDate", "title", "level", "locality"]
    public var cells: [String] { [String(id), name, cell(type), cell(number), cell(issuer), cell(issuedDate), cell(title), cell(level), cell(locality)] }
    package init(id: Int64, name: String, type: String?, number: String?, issuer: String?, issuedDate: String?, title: String?,
                 level: String? = nil, locality: String? = nil) {
        self.id = id; self.name = name; self.type = type; self.number = number; self.issuer = issuer; self.issuedDate = issuedDate; self.title = title
        self.level = level; self.locality = locality
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

/// Whether a citation's issuer is the body `wanted` names: the issuer as cited
/// (`Ủy ban nhân dân tỉnh Đồng Nai`), or, when the citation names no place
/// (`của UBND tỉnh`, `của Ủy ban nhân dân`), the citing plan's own province.
package func citedIssuerMatches(_ wanted: String, cited: String?, citingProvince: String?, citingProvinceNow: String?) -> Bool {
    let key = Folding.words(wanted)
    let citedKey = Folding.words(cited ?? "")
    if !key.isEmpty, citedKey.contains(key) { return true }
    guard let p = ProvinceTable.province(named: wanted) else { return false }
    let named = ProvinceTable.provinces(in: cited ?? "")
    if !named.isEmpty { return named.contains(p) || named.contains { ProvinceTable.successor[$0] == p } }
    let local = citedKey.isEmpty || ["uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd", "tinh uy", "thanh uy"].contains { citedKey.hasPrefix($0) }
    return local && (citingProvince == p || citingProvinceNow == p)
}


/// Agency identity: a canonical name and, where the name is local (`Sở Tài chính`,
/// `Ủy ban nhân dân các xã, phường`), the province of the plan naming it; none for
/// national bodies (`Bộ Công an`, `Thủ tướng Chính phủ`).
package enum AgencyIdentity {
    /// The identity's locality (`tỉnh Đồng Nai`), or `""` when the name is national or the
    /// plan's province is unknown. `agencyKey` is `Folding.words` of the canonical name.
    package static func locality(agencyKey: String, province: String?, locality: String?, level: String?) -> String {
        if isNational(agencyKey) || level == Jurisdiction.Level.national.rawValue { return "" }
        if let province { return ProvinceTable.locality(of: province) }
        return locality ?? ""
    }

    package static func isNational(_ agencyKey: String) -> Bool {
        let k = agencyKey + " "
        return NationalBodies.namePrefixes.contains { k.hasPrefix($0) } && ProvinceTable.provinces(in: agencyKey).isEmpty
            && !k.contains(" tinh ") && !k.contains(" huyen ")
    }
}
