import Logging
import PostgresNIO
import VanBanJSON
import VanBanModel
import VanBanStore

/// Inserts one prepared document inside the caller's transaction. Rows of a table
/// go in one statement (`unnest` of arrays), so a plan costs a dozen round trips,
/// not one per paragraph.
struct PostgresWriter {
    let conn: PostgresConnection
    let logger: Logger
    let now: String
    /// Agency key → id, for this batch.
    var agencyIDs: [String: Int64] = [:]

    init(conn: PostgresConnection, logger: Logger, now: String) {
        self.conn = conn; self.logger = logger; self.now = now
    }

    mutating func insert(_ p: PreparedDocument, path: String) async throws {
        let doc = p.document
        let log = logger
        // The same bytes already stored under another path: one document, another path of it.
        if try await keep(path: path, asAnotherPathOf: doc.source.sha256, excludingPath: path) { return }
        try await remove(path: path)
        var id: Int64 = 0
        for try await v in try await conn.query("""
            INSERT INTO document (path, name, sha256, format, encoding, document_type, document_type_key, number, number_key,
                                  symbol, issuer, issuer_key, place, issued_date, title, imported_at, contract, schema_version,
                                  level, locality, province, province_now)
            VALUES (\(path), \(doc.source.name), \(doc.source.sha256), \(doc.source.format), \(doc.source.encoding),
                    \(doc.documentType), \(p.typeKey), \(doc.number), \(p.numberKey), \(doc.symbol), \(doc.issuer?.name), \(p.issuerKey),
                    \(doc.place), \(doc.issuedDate), \(doc.title), \(now), \(p.contract), \(doc.schemaVersion),
                    \(p.jurisdiction?.level.rawValue), \(p.jurisdiction?.locality), \(p.jurisdiction?.province), \(p.jurisdiction?.currentProvince))
            RETURNING id
            """, logger: log).decode(Int64.self) { id = v }

        if !p.nodes.isEmpty {
            let rows = p.nodes.enumerated().map { NodeRow(n: $0.offset, section: $0.element.section, label: $0.element.label, heading: $0.element.heading) }
            try await conn.query("""
                INSERT INTO outline_node (document_id, section, label, heading, position)
                SELECT \(id), section, label, heading, n FROM jsonb_to_recordset(\(try json(rows))::jsonb)
                    AS x(n int, section text, label text, heading text) ORDER BY n
                """, logger: log)
        }
        if !p.paragraphs.isEmpty {
            let rows = p.paragraphs.enumerated().map { ParagraphRow(n: $0.offset, section: $0.element.section, marker: $0.element.marker,
                                                                      text: $0.element.text) }
            try await conn.query("""
                INSERT INTO paragraph (document_id, section, marker, text)
                SELECT \(id), section, marker, text FROM jsonb_to_recordset(\(try json(rows))::jsonb)
                    AS x(n int, section text, marker text, text text) ORDER BY n
                """, logger: log)
        }
        if !doc.citations.isEmpty {
            let rows = zip(doc.citations, p.citationKeys).enumerated().map { k, pair in
                CitationRecord(n: k, kind: pair.0.kind, number: pair.0.number, number_key: pair.1, date: pair.0.date, issuer: pair.0.issuer,
                               title: pair.0.title, role: pair.0.role.rawValue, section: pair.0.section, quote: pair.0.quote)
            }
            try await conn.query("""
                INSERT INTO citation (document_id, kind, number, number_key, date, issuer, title, role, section, quote)
                SELECT \(id), kind, number, number_key, date, issuer, title, role, section, quote FROM jsonb_to_recordset(\(try json(rows))::jsonb)
                    AS x(n int, kind text, number text, number_key text, date text, issuer text, title text, role text, section text, quote text)
                ORDER BY n
                """, logger: log)
        }

        let label = doc.number ?? doc.source.name
        if !p.tasks.isEmpty {
            // Ids first, so that the agency links can name them.
            let taskIDs = try await reserve("task_id_seq", p.tasks.count)
            let rows = zip(taskIDs, p.tasks).map { TaskRecord(id: $0, section: $1.task.section, text: $1.task.text, deadline: $1.task.deadline) }
            try await conn.query("""
                INSERT INTO task (id, document_id, document_label, section, text, deadline)
                SELECT id, \(id), \(label), section, text, deadline FROM jsonb_to_recordset(\(try json(rows))::jsonb)
                    AS x(id bigint, section text, text text, deadline text) ORDER BY id
                """, logger: log)
            var linkTask: [Int64] = [], linkAgency: [Int64] = [], linkRole: [String] = []
            var led: [Int64: Int64] = [:]
            var agencyKeys: [Int64: String] = [:]
            for (t, tid) in zip(p.tasks, taskIDs) {
                var seen = Set<Int64>()
                for a in t.leads {
                    let aid = try await agency(a)
                    agencyKeys[aid] = a.key
                    linkTask.append(tid); linkAgency.append(aid); linkRole.append("lead")
                    if seen.insert(aid).inserted { led[aid, default: 0] += 1 }
                }
                for a in t.supports {
                    let aid = try await agency(a)
                    agencyKeys[aid] = a.key
                    linkTask.append(tid); linkAgency.append(aid); linkRole.append("support")
                    if led[aid] == nil { led[aid] = 0 }
                }
            }
            if !linkTask.isEmpty {
                try await conn.query("""
                    INSERT INTO task_agency (task_id, agency_id, role)
                    SELECT * FROM unnest(\(linkTask)::bigint[], \(linkAgency)::bigint[], \(linkRole)::text[]) ON CONFLICT DO NOTHING
                    """, logger: log)
            }
            if !led.isEmpty {
                let keys = Array(led.keys)
                try await conn.query("""
                    INSERT INTO agency_stats (agency_id, tasks, documents)
                    SELECT a, n, 1 FROM unnest(\(keys)::bigint[], \(keys.map { led[$0]! })::bigint[]) AS x(a, n)
                    ON CONFLICT (agency_id) DO UPDATE SET tasks = agency_stats.tasks + excluded.tasks, documents = agency_stats.documents + 1
                    """, logger: log)
                let places = keys.map { p.agencyLocality(agencyKeys[$0] ?? "") }
                try await conn.query("""
                    INSERT INTO agency_place_stats (agency_id, locality, tasks, documents)
                    SELECT a, l, n, 1 FROM unnest(\(keys)::bigint[], \(places)::text[], \(keys.map { led[$0]! })::bigint[]) AS x(a, l, n)
                    ON CONFLICT (agency_id, locality) DO UPDATE SET tasks = agency_place_stats.tasks + excluded.tasks,
                                                                    documents = agency_place_stats.documents + 1
                    """, logger: log)
            }
        }

        if !p.deadlines.isEmpty {
            let year = doc.issuedDate.flatMap { Int32($0.prefix(4)) }
            let ids = try await reserve("deadline_id_seq", p.deadlines.count)
            let rows = zip(ids, p.deadlines.map(\.deadline)).map { did, x in
                DeadlineRecord(id: did, date: x.date, resolved_date: x.resolvedDate, recurrence: x.recurrence?.rawValue,
                               relation: x.relation?.rawValue, section: x.section, quote: x.quote, agencies: x.agencies.sorted().joined(separator: "|"))
            }
            try await conn.query("""
                INSERT INTO deadline (id, document_id, document_label, document_year, date, resolved_date, recurrence, relation, section, quote, agencies)
                SELECT id, \(id), \(label), \(year), date, resolved_date, recurrence, relation, section, quote, agencies
                FROM jsonb_to_recordset(\(try json(rows))::jsonb)
                    AS x(id bigint, date text, resolved_date text, recurrence text, relation text, section text, quote text, agencies text)
                ORDER BY id
                """, logger: log)
            var linkDeadline: [Int64] = [], linkAgency: [Int64] = []
            for (due, did) in zip(p.deadlines, ids) {
                for a in due.agencies { linkDeadline.append(did); linkAgency.append(try await agency(a)) }
            }
            if !linkDeadline.isEmpty {
                try await conn.query("""
                    INSERT INTO deadline_agency (deadline_id, agency_id)
                    SELECT * FROM unnest(\(linkDeadline)::bigint[], \(linkAgency)::bigint[]) ON CONFLICT DO NOTHING
                    """, logger: log)
            }
        }

        if !doc.targets.isEmpty {
            let rows = zip(doc.targets, p.targetKeys).enumerated().map { k, pair in
                TargetRecord(n: k, value: pair.0.value, upper: pair.0.upper, unit: pair.0.unit, unit_key: pair.1.unit,
                             comparator: pair.0.comparator.rawValue, indicator: pair.0.indicator, indicator_key: pair.1.indicator,
                             year: pair.0.year, section: pair.0.section, quote: pair.0.quote)
            }
            try await conn.query("""
                INSERT INTO target (document_id, value, upper, unit, unit_key, comparator, indicator, indicator_key, year, section, quote)
                SELECT \(id), value, upper, unit, unit_key, comparator, indicator, indicator_key, year, section, quote
                FROM jsonb_to_recordset(\(try json(rows))::jsonb)
                    AS x(n int, value float8, upper float8, unit text, unit_key text, comparator text, indicator text, indicator_key text,
                         year int, section text, quote text)
                ORDER BY n
                """, logger: log)
        }
    }

    /// Rows as one JSON array (absent keys read as NULL): one bind per table, NULLs included.
    func json<T: Encodable>(_ rows: [T]) throws -> String { try ContractJSON.string(rows) }

    struct NodeRow: Encodable { var n: Int; var section, label, heading: String }
    struct ParagraphRow: Encodable { var n: Int; var section: String; var marker: String?; var text: String }
    struct CitationRecord: Encodable {
        var n: Int; var kind: String; var number, number_key, date, issuer, title: String?; var role, section, quote: String
    }
    struct TaskRecord: Encodable { var id: Int64; var section, text: String; var deadline: String? }
    struct DeadlineRecord: Encodable {
        var id: Int64; var date, resolved_date, recurrence, relation: String?; var section, quote, agencies: String
    }
    struct TargetRecord: Encodable {
        var n: Int; var value: Double; var upper: Double?; var unit, unit_key, comparator, indicator, indicator_key: String
        var year: Int?; var section, quote: String
    }

    /// `count` fresh ids from a sequence, in order.
    func reserve(_ sequence: String, _ count: Int) async throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(count)
        for try await v in try await conn.query("SELECT nextval(\(sequence)::regclass) FROM generate_series(1, \(Int64(count))) ORDER BY 1",
                                                logger: logger).decode(Int64.self) { ids.append(v) }
        return ids
    }

    /// The id of a canonical agency, created on first sight, with the spellings seen for it.
    mutating func agency(_ a: PreparedDocument.AgencyRef) async throws -> Int64 {
        let id: Int64
        if let known = agencyIDs[a.key] {
            id = known
        } else {
            var found: Int64?
            for try await v in try await conn.query("""
                WITH ins AS (INSERT INTO agency (name, key) VALUES (\(a.name), \(a.key)) ON CONFLICT (key) DO NOTHING RETURNING id)
                SELECT id FROM ins UNION ALL SELECT id FROM agency WHERE key = \(a.key)
                """, logger: logger).decode(Int64.self) { found = v; break }
            guard let f = found else { throw PostgresWriterError.agency(a.name) }
            id = f
            agencyIDs[a.key] = id
        }
        if !a.aliases.isEmpty {
            try await conn.query("""
                INSERT INTO agency_alias (agency_id, alias, key)
                SELECT \(id), s, k FROM unnest(\(a.aliases.map(\.0))::text[], \(a.aliases.map(\.1))::text[]) AS x(s, k)
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        return id
    }
}

enum PostgresWriterError: Error, CustomStringConvertible {
    case agency(String)
    var description: String {
        switch self { case let .agency(name): return "could not create or find the agency '\(name)'" }
    }
}

extension PostgresWriter {
    /// Removes the document stored at `path` (its agency counts first; cascades to every
    /// entity), and `path` as another path of some document.
    /// A document that other paths still hold (the same bytes) is kept, under one of them.
    func remove(path: String) async throws {
        let log = logger
        var other: String? = nil
        for try await p in try await conn.query("""
            SELECT p.path FROM document_path p JOIN document d ON d.id = p.document_id WHERE d.path = \(path) ORDER BY p.path LIMIT 1
            """, logger: log).decode(String.self) { other = p }
        if let other {
            try await conn.query("DELETE FROM document_path WHERE path = \(other)", logger: log)
            try await conn.query("UPDATE document SET path = \(other) WHERE path = \(path)", logger: log)
            try await conn.query("DELETE FROM failure WHERE path = \(path)", logger: log)
            return
        }
        try await conn.query("""
            UPDATE agency_stats s SET tasks = s.tasks - x.led, documents = s.documents - 1
            FROM (SELECT ta.agency_id, count(DISTINCT CASE WHEN ta.role = 'lead' THEN ta.task_id END) AS led
                  FROM task_agency ta JOIN task t ON t.id = ta.task_id JOIN document d ON d.id = t.document_id
                  WHERE d.path = \(path) GROUP BY ta.agency_id) x
            WHERE s.agency_id = x.agency_id
            """, logger: log)
        var decrements: [(Int64, String, Int64)] = []
        for try await (aid, key, province, locality, level, led) in try await conn.query("""
            SELECT ta.agency_id, a.key, d.province, d.locality, d.level, count(DISTINCT CASE WHEN ta.role = 'lead' THEN ta.task_id END)
            FROM task_agency ta JOIN task t ON t.id = ta.task_id JOIN document d ON d.id = t.document_id JOIN agency a ON a.id = ta.agency_id
            WHERE d.path = \(path) GROUP BY ta.agency_id, a.key, d.province, d.locality, d.level
            """, logger: log).decode((Int64, String, String?, String?, String?, Int64).self) {
            decrements.append((aid, AgencyIdentity.locality(agencyKey: key, province: province, locality: locality, level: level), led))
        }
        for (aid, place, led) in decrements {
            try await conn.query("""
                UPDATE agency_place_stats SET tasks = tasks - \(led), documents = documents - 1 WHERE agency_id = \(aid) AND locality = \(place)
                """, logger: log)
        }
        try await conn.query("DELETE FROM document WHERE path = \(path)", logger: log)
        try await conn.query("DELETE FROM document_path WHERE path = \(path)", logger: log)
        try await conn.query("DELETE FROM failure WHERE path = \(path)", logger: log)
    }

    /// Keeps `path` as another path of the stored document with these bytes; false when
    /// none is stored (apart from one at `excludingPath`).
    func keep(path: String, asAnotherPathOf sha256: String, excludingPath: String? = nil) async throws -> Bool {
        let log = logger
        let other = excludingPath ?? ""
        var found: (Int64, String)? = nil
        for try await row in try await conn.query(
            "SELECT id, path FROM document WHERE sha256 = \(sha256) AND path <> \(other) ORDER BY id LIMIT 1", logger: log
        ).decode((Int64, String).self) { found = row }
        guard let (id, ownPath) = found else { return false }
        if ownPath == path { return true }
        try await remove(path: path)
        try await conn.query("""
            INSERT INTO document_path (path, document_id) VALUES (\(path), \(id))
            ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id
            """, logger: log)
        return true
    }
}
