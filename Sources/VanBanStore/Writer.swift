import GRDB
import VanBanModel

/// Inserts one prepared document and its entities inside the caller's transaction, with cached statements.
struct Writer {
    let db: Database
    let now: String

    /// Stores one document; returns the ids its paragraphs got (consecutive), for the
    /// full-text index, which `SQLiteStore.write` fills once per batch.
    func insert(_ p: PreparedDocument, path: String, agencyIDs: inout [String: Int64]) throws -> ClosedRange<Int64>? {
        let doc = p.document
        // The same bytes already stored under another path: one document, another path of it.
        if try keep(path: path, asAnotherPathOf: doc.source.sha256, excludingPath: path) { return nil }
        try remove(path: path)
        try db.cachedStatement(sql: """
            INSERT INTO document (path, name, sha256, format, encoding, document_type, document_type_key, number, number_key,
                                  symbol, issuer, issuer_key, place, issued_date, title, imported_at, contract, schema_version,
                                  level, locality, province, province_now)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                path, doc.source.name, doc.source.sha256, doc.source.format, doc.source.encoding,
                doc.documentType, p.typeKey, doc.number, p.numberKey, doc.symbol, doc.issuer?.name, p.issuerKey,
                doc.place, doc.issuedDate, doc.title, now, p.contract, doc.schemaVersion,
                p.jurisdiction?.level.rawValue, p.jurisdiction?.locality, p.jurisdiction?.province, p.jurisdiction?.currentProvince,
            ])
        let id = db.lastInsertedRowID

        let node = try db.cachedStatement(sql: "INSERT INTO outline_node (document_id, section, label, heading, position) VALUES (?, ?, ?, ?, ?)")
        for (k, n) in p.nodes.enumerated() { try node.execute(arguments: [id, n.section, n.label, n.heading, k]) }
        let para = try db.cachedStatement(sql: "INSERT INTO paragraph (document_id, section, marker, text, folded) VALUES (?, ?, ?, ?, ?)")
        var paragraphIDs: ClosedRange<Int64>?
        for t in p.paragraphs {
            try para.execute(arguments: [id, t.section, t.marker, t.text, t.folded])
            let pid = db.lastInsertedRowID
            paragraphIDs = paragraphIDs.map { $0.lowerBound...pid } ?? pid...pid
        }

        let cite = try db.cachedStatement(sql: """
            INSERT INTO citation (document_id, kind, number, number_key, date, issuer, title, role, section, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (c, key) in zip(doc.citations, p.citationKeys) {
            try cite.execute(arguments: [id, c.kind, c.number, key, c.date, c.issuer, c.title, c.role.rawValue, c.section, c.quote])
        }

        let label = doc.number ?? doc.source.name
        let task = try db.cachedStatement(sql: "INSERT INTO task (document_id, document_label, section, text, deadline) VALUES (?, ?, ?, ?, ?)")
        let taskAgency = try db.cachedStatement(sql: "INSERT OR IGNORE INTO task_agency (task_id, agency_id, role) VALUES (?, ?, ?)")
        var led: [Int64: Int64] = [:]   // agency → tasks it leads in this document
        var agencyKeys: [Int64: String] = [:]
        for t in p.tasks {
            try task.execute(arguments: [id, label, t.task.section, t.task.text, t.task.deadline])
            let tid = db.lastInsertedRowID
            var seen = Set<Int64>()
            for a in t.leads {
                let aid = try agency(a, &agencyIDs)
                agencyKeys[aid] = a.key
                try taskAgency.execute(arguments: [tid, aid, "lead"])
                if seen.insert(aid).inserted { led[aid, default: 0] += 1 }
            }
            for a in t.supports {
                let aid = try agency(a, &agencyIDs)
                agencyKeys[aid] = a.key
                try taskAgency.execute(arguments: [tid, aid, "support"])
                if led[aid] == nil { led[aid] = 0 }
            }
        }
        let stats = try db.cachedStatement(sql: """
            INSERT INTO agency_stats (agency_id, tasks, documents) VALUES (?, ?, 1)
            ON CONFLICT (agency_id) DO UPDATE SET tasks = tasks + excluded.tasks, documents = documents + 1
            """)
        for (aid, n) in led { try stats.execute(arguments: [aid, n]) }
        let placeStats = try db.cachedStatement(sql: """
            INSERT INTO agency_place_stats (agency_id, locality, tasks, documents) VALUES (?, ?, ?, 1)
            ON CONFLICT (agency_id, locality) DO UPDATE SET tasks = tasks + excluded.tasks, documents = documents + 1
            """)
        for (aid, n) in led { try placeStats.execute(arguments: [aid, p.agencyLocality(agencyKeys[aid] ?? ""), n]) }

        let deadline = try db.cachedStatement(sql: """
            INSERT INTO deadline (document_id, document_label, document_year, date, resolved_date, recurrence, relation, section, quote, agencies)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let year = doc.issuedDate.flatMap { Int($0.prefix(4)) }
        let deadlineAgency = try db.cachedStatement(sql: "INSERT OR IGNORE INTO deadline_agency (deadline_id, agency_id) VALUES (?, ?)")
        for d in p.deadlines {
            let x = d.deadline
            try deadline.execute(arguments: [id, label, year, x.date, x.resolvedDate, x.recurrence?.rawValue, x.relation?.rawValue, x.section, x.quote,
                                             x.agencies.sorted().joined(separator: "|")])
            let did = db.lastInsertedRowID
            for a in d.agencies { try deadlineAgency.execute(arguments: [did, try agency(a, &agencyIDs)]) }
        }

        let target = try db.cachedStatement(sql: """
            INSERT INTO target (document_id, value, upper, unit, unit_key, comparator, indicator, indicator_key, year, section, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (t, keys) in zip(doc.targets, p.targetKeys) {
            try target.execute(arguments: [id, t.value, t.upper, t.unit, keys.unit, t.comparator.rawValue, t.indicator,
                                           keys.indicator, t.year, t.section, t.quote])
        }
        return paragraphIDs
    }

    /// Removes the document stored at `path` (a new version replaces it; cascades to every
    /// entity), its agency counts first, and `path` as another path of some document.
    /// A document that other paths still hold (the same bytes) is kept, under one of them.
    func remove(path: String) throws {
        if let old = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM document WHERE path = ?"), arguments: [path]),
           let other = try String.fetchOne(db.cachedStatement(sql: "SELECT path FROM document_path WHERE document_id = ? ORDER BY path LIMIT 1"),
                                           arguments: [old]) {
            try db.cachedStatement(sql: "DELETE FROM document_path WHERE path = ?").execute(arguments: [other])
            try db.cachedStatement(sql: "UPDATE document SET path = ? WHERE id = ?").execute(arguments: [other, old])
        } else if let old = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM document WHERE path = ?"), arguments: [path]) {
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT ta.agency_id, count(DISTINCT CASE WHEN ta.role = 'lead' THEN ta.task_id END)
                FROM task_agency ta JOIN task t ON t.id = ta.task_id WHERE t.document_id = ? GROUP BY ta.agency_id
                """), arguments: [old])
            let place = try Row.fetchOne(db.cachedStatement(sql: "SELECT province, locality, level FROM document WHERE id = ?"), arguments: [old])
            for r in rows {
                try db.cachedStatement(sql: "UPDATE agency_stats SET tasks = tasks - ?, documents = documents - 1 WHERE agency_id = ?")
                    .execute(arguments: [r[1] as Int64, r[0] as Int64])
                let key = try String.fetchOne(db.cachedStatement(sql: "SELECT key FROM agency WHERE id = ?"), arguments: [r[0] as Int64]) ?? ""
                let locality = AgencyIdentity.locality(agencyKey: key, province: place?[0], locality: place?[1], level: place?[2])
                try db.cachedStatement(sql: "UPDATE agency_place_stats SET tasks = tasks - ?, documents = documents - 1 WHERE agency_id = ? AND locality = ?")
                    .execute(arguments: [r[1] as Int64, r[0] as Int64, locality])
            }
            try db.cachedStatement(sql: "DELETE FROM document WHERE id = ?").execute(arguments: [old])
        }
        try db.cachedStatement(sql: "DELETE FROM document_path WHERE path = ?").execute(arguments: [path])
        try db.cachedStatement(sql: "DELETE FROM failure WHERE path = ?").execute(arguments: [path])
    }

    /// Keeps `path` as another path of the stored document with these bytes; false when none
    /// is stored (apart from one at `excludingPath`).
    func keep(path: String, asAnotherPathOf sha256: String, excludingPath: String? = nil) throws -> Bool {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM document WHERE sha256 = ? AND path <> ? ORDER BY id LIMIT 1"),
                                          arguments: [sha256, excludingPath ?? ""]) else { return false }
        // The stored document's own path already: nothing to add.
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM document WHERE id = ? AND path = ?"), arguments: [id, path]) == true {
            return true
        }
        try remove(path: path)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO document_path (path, document_id) VALUES (?, ?)").execute(arguments: [path, id])
        return true
    }

    /// The id of a canonical agency, created on first sight, with the spellings seen for it.
    func agency(_ a: PreparedDocument.AgencyRef, _ cache: inout [String: Int64]) throws -> Int64 {
        let id: Int64
        if let known = cache[a.key] {
            id = known
        } else if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE key = ?", arguments: [a.key]) {
            id = existing; cache[a.key] = id
        } else {
            try db.cachedStatement(sql: "INSERT INTO agency (name, key) VALUES (?, ?)").execute(arguments: [a.name, a.key])
            id = db.lastInsertedRowID; cache[a.key] = id
        }
        if !a.aliases.isEmpty {
            let alias = try db.cachedStatement(sql: "INSERT OR IGNORE INTO agency_alias (agency_id, alias, key) VALUES (?, ?, ?)")
            for (s, k) in a.aliases { try alias.execute(arguments: [id, s, k]) }
        }
        return id
    }
}
