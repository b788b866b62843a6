import Foundation
import VanBanPostgres
import VanBanStore

/// The backend the store suite runs against: SQLite (a file in the test's folder), or
/// PostgreSQL when `VANBAN_TEST_POSTGRES` holds a server URL (each store gets a fresh
/// schema there). `tools/test.sh` runs the suite both ways.
enum TestStores {
    static func make(_ dir: URL, _ name: String) throws -> any DocumentStore {
        if let base = ProcessInfo.processInfo.environment["VANBAN_TEST_POSTGRES"], !base.isEmpty {
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            return try PostgresStore(url: base + (base.contains("?") ? "&" : "?") + "schema=" + schema)
        }
        return try SQLiteStore(path: dir.appendingPathComponent(name + ".sqlite").path)
    }
}
