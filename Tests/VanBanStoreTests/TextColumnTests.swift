import GRDB
@testable import VanBanStore
import XCTest

/// Large answers are made into strings on several cores: every row must keep its own text, in order.
final class TextColumnTests: XCTestCase {
    func testManyRowsKeepTheirTextsAndOrder() throws {
        let db = try DatabaseQueue()
        let count = 10_000 // above the size where the work is split between cores
        try db.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
            for i in 0..<count {
                let text = i % 97 == 0 ? "" : "Nhiệm vụ số \(i): Sở Giáo dục và Đào tạo chủ trì, " + String(repeating: "ệ", count: i % 13)
                try db.execute(sql: "INSERT INTO t (id, text) VALUES (?, ?)", arguments: [i, text])
            }
        }
        let rows: [(Int, String)] = try db.read { db in
            var ids: [Int] = []
            var texts = TextColumn()
            texts.reserve(rows: 10, bytesPerRow: 8) // too small on purpose: the buffers must grow
            try SQLiteStore.forEachRow(db, "SELECT id, text FROM t ORDER BY id", []) { r in
                ids.append(Int(r.int64(0)))
                texts.append(r, 1)
            }
            return texts.map { i, text in (ids[i], text) }
        }
        XCTAssertEqual(rows.count, count)
        for (i, row) in rows.enumerated() {
            XCTAssertEqual(row.0, i)
            let expected = i % 97 == 0 ? "" : "Nhiệm vụ số \(i): Sở Giáo dục và Đào tạo chủ trì, " + String(repeating: "ệ", count: i % 13)
            if row.1 != expected { XCTFail("row \(i): \(row.1)"); break }
        }
    }
}
