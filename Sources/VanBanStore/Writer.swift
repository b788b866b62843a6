import GRDB
import VanBanExtract
import VanBanJSON
import VanBanModel
import VanBanText

/// Inserts one document and its entities inside the caller's transaction, with cached statements.
struct Writer {
    let db: Database
    let now: String

    func insert(_ doc: Document, path: String, aliases: [String: Set<String>], agencyIDs: inout [String: Int64]) throws {
        // A new version of a file replaces the old one (cascades to every entity).
        try db.cachedStatement(sql: "DELETE FROM document WHERE path = ?").execute(arguments: [path])
        try db.cachedStatement(sql: "DELETE FROM failure WHERE path = ?").execute(arguments: [path])
        let contract = try ContractJSON.string(doc)
        try db.cachedStatement(sql: """
            INSERT INTO document (path, name, sha256, format, encoding, document_type, document_type_key, number, number_key,
                                  symbol, issuer, issuer_key, place, issued_date, title, imported_at, contract)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                path, doc.source.name, doc.source.sha256, doc.source.format, doc.source.encoding,
                doc.documentType, doc.documentType.map(Folding.key), doc.number, doc.number.map(SQLiteStore.numberKey),
                doc.symbol, doc.issuer?.name, doc.issuer.map { Folding.words($0.name + " " + ($0.parent ?? "")) },
                doc.place, doc.issuedDate, doc.title, now, contract,
            ])
        let id = db.lastInsertedRowID

        // Outline and paragraphs (title and headings are searchable too).
        let node = try db.cachedStatement(sql: "INSERT INTO outline_node (document_id, section, label, heading, position) VALUES (?, ?, ?, ?, ?)")
        let para = try db.cachedStatement(sql: "INSERT INTO paragraph (document_id, section, marker, text, folded) VALUES (?, ?, ?, ?, ?)")
        if let t = doc.title { try para.execute(arguments: [id, "title", nil, t, Folding.words(t)]) }
        var position = 0
        func walk(_ nodes: [OutlineNode], prefix: String) throws {
            for n in nodes {
                let section = prefix + n.id
                try node.execute(arguments: [id, section, n.label, n.heading, position]); position += 1
                if !n.heading.isEmpty { try para.execute(arguments: [id, section, nil, n.heading, Folding.words(n.heading)]) }
                for p in n.paragraphs { try para.execute(arguments: [id, section, p.marker, p.text, Folding.words(p.text)]) }
                try walk(n.children, prefix: prefix)
            }
        }
        try walk(doc.outline, prefix: "")
        for (k, a) in doc.attachments.enumerated() { try walk(a.outline, prefix: "A\(k + 1)/") }

        let cite = try db.cachedStatement(sql: """
            INSERT INTO citation (document_id, kind, number, number_key, date, issuer, title, role, section, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for c in doc.citations {
            try cite.execute(arguments: [id, c.kind, c.number, c.number.map(SQLiteStore.numberKey), c.date, c.issuer, c.title,
                                         c.role.rawValue, c.section, c.quote])
        }

        let task = try db.cachedStatement(sql: "INSERT INTO task (document_id, section, text, deadline) VALUES (?, ?, ?, ?)")
        let taskAgency = try db.cachedStatement(sql: "INSERT OR IGNORE INTO task_agency (task_id, agency_id, role) VALUES (?, ?, ?)")
        for t in doc.tasks {
            try task.execute(arguments: [id, t.section, t.text, t.deadline])
            let tid = db.lastInsertedRowID
            for a in t.lead { try taskAgency.execute(arguments: [tid, try agency(a, aliases[a], &agencyIDs), "lead"]) }
            for a in t.support { try taskAgency.execute(arguments: [tid, try agency(a, aliases[a], &agencyIDs), "support"]) }
        }

        let deadline = try db.cachedStatement(sql: """
            INSERT INTO deadline (document_id, date, resolved_date, recurrence, relation, section, quote) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let deadlineAgency = try db.cachedStatement(sql: "INSERT OR IGNORE INTO deadline_agency (deadline_id, agency_id) VALUES (?, ?)")
        for d in doc.deadlines {
            try deadline.execute(arguments: [id, d.date, d.resolvedDate, d.recurrence?.rawValue, d.relation?.rawValue, d.section, d.quote])
            let did = db.lastInsertedRowID
            for a in d.agencies { try deadlineAgency.execute(arguments: [did, try agency(a, aliases[a], &agencyIDs)]) }
        }

        let target = try db.cachedStatement(sql: """
            INSERT INTO target (document_id, value, upper, unit, unit_key, comparator, indicator, indicator_key, year, section, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for t in doc.targets {
            try target.execute(arguments: [id, t.value, t.upper, t.unit, Folding.key(t.unit), t.comparator.rawValue, t.indicator,
                                           Folding.words(t.indicator), t.year, t.section, t.quote])
        }
    }

    /// The id of a canonical agency, created on first sight, with the spellings seen for it.
    func agency(_ name: String, _ spellings: Set<String>?, _ cache: inout [String: Int64]) throws -> Int64 {
        let key = Folding.words(name)
        let id: Int64
        if let known = cache[key] {
            id = known
        } else if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE key = ?", arguments: [key]) {
            id = existing; cache[key] = id
        } else {
            try db.cachedStatement(sql: "INSERT INTO agency (name, key) VALUES (?, ?)").execute(arguments: [name, key])
            id = db.lastInsertedRowID; cache[key] = id
        }
        let alias = try db.cachedStatement(sql: "INSERT OR IGNORE INTO agency_alias (agency_id, alias, key) VALUES (?, ?, ?)")
        for s in spellings ?? [] where s != name { try alias.execute(arguments: [id, s, Folding.words(s)]) }
        return id
    }
}
