import Foundation
import GRDB
@testable import VanBanStore
import XCTest

/// Frozen migrations upgrade an existing index in place.
final class MigrationTests: XCTestCase {
    /// An index written before v5 could hold the same bytes twice (a folder copy and an
    /// upload); v5 merges them into the first document, keeps the other path, and the
    /// agency counts stay right.
    func testV5MergesDocumentsStoredTwice() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteStore.migrator.migrate(queue, upTo: "v4")
            try queue.write { db in
                for (k, (p, sha)) in [("plans/a.txt", "aaa"), ("upload/aaa/a.txt", "aaa"), ("plans/b.txt", "bbb")].enumerated() {
                    try db.execute(sql: """
                        INSERT INTO document (id, path, name, sha256, format, encoding, imported_at, contract, schema_version)
                        VALUES (?, ?, ?, ?, 'text', 'utf-8', '2026-01-01T00:00:00Z', '{}', '2')
                        """, arguments: [k + 1, p, (p as NSString).lastPathComponent, sha])
                    try db.execute(sql: "INSERT INTO task (id, document_id, document_label, section, text) VALUES (?, ?, 'a', 'I.1', 'x')",
                                   arguments: [k + 1, k + 1])
                }
                try db.execute(sql: "INSERT INTO agency (id, name, key) VALUES (1, 'Sở Tài chính', 'so tai chinh')")
                for task in 1...3 { try db.execute(sql: "INSERT INTO task_agency VALUES (?, 1, 'lead')", arguments: [task]) }
                try db.execute(sql: "INSERT INTO agency_stats VALUES (1, 3, 3)")
            }
            try queue.close()
        }
        let store = try SQLiteStore(path: path, create: false)
        XCTAssertEqual(try store.documents(DocumentQuery()).map(\.name).sorted(), ["a.txt", "b.txt"])
        XCTAssertEqual(try store.storedSources(), ["plans/a.txt": "aaa", "upload/aaa/a.txt": "aaa", "plans/b.txt": "bbb"])
        XCTAssertEqual(try store.agencies().map { [$0.tasks, $0.documents] }, [[2, 2]])
        XCTAssertEqual(try store.tasks(TaskQuery(agency: "Sở Tài chính")).count, 2)
    }

    /// v6 places documents stored before it: their jurisdiction is read from the stored contracts.
    func testV6PlacesStoredDocuments() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-migrate6-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        // A contract as written before v6: the issuer without level and locality.
        let contract = try String(contentsOf: StoreIntegrationTests.corpus.appendingPathComponent("nghe-an-148-qd-ubnd-2022.expected.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"level\" : \"province\"", with: "\"level\" : null")
            .replacingOccurrences(of: "\"locality\" : \"tỉnh Nghệ An\"", with: "\"locality\" : null")
        XCTAssertTrue(contract.contains("\"locality\" : null"))
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteStore.migrator.migrate(queue, upTo: "v5")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO document (id, path, name, sha256, format, encoding, imported_at, contract, schema_version)
                    VALUES (1, 'plans/na.txt', 'na.txt', 'x', 'text', 'utf-8', '2026-01-01T00:00:00Z', ?, '2')
                    """, arguments: [contract])
            }
            try queue.close()
        }
        let store = try SQLiteStore(path: path, create: false)
        XCTAssertEqual(try store.documents(DocumentQuery()).map { [$0.level, $0.locality] }, [["province", "tỉnh Nghệ An"]])
        XCTAssertEqual(try store.documents(DocumentQuery(place: try PlaceFilter(province: "Nghệ An", level: nil))).count, 1)
        XCTAssertEqual(try store.document("1")?.issuer?.locality, "tỉnh Nghệ An", "the stored contract is placed too")
    }

    func testReadersNeverCreateAnIndex() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-noindex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("typo.sqlite").path
        XCTAssertThrowsError(try SQLiteStore(path: missing, create: false)) { XCTAssertEqual($0 as? StoreError, .noIndex(missing)) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        // A SQLite file of something else is not an index either, and stays as it was.
        let other = dir.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: other)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (x TEXT)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        XCTAssertThrowsError(try SQLiteStore(path: other, create: false)) { XCTAssertEqual($0 as? StoreError, .noIndex(other)) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: other)), before)
        XCTAssertNoThrow(try SQLiteStore(path: missing, create: true))
        XCTAssertNoThrow(try SQLiteStore(path: missing, create: false))
    }
}
