import Foundation
import VanBanIngest
import VanBanPostgres
import VanBanStore
import XCTest

/// What only PostgreSQL has: several VanBan schemas in one database sharing one
/// `unaccent` extension. Runs when `VANBAN_TEST_POSTGRES` is set (`tools/test.sh`).
final class PostgresSchemaTests: XCTestCase {
    func testSchemasInOneDatabaseEachSearchThroughTheSharedExtension() throws {
        guard let base = ProcessInfo.processInfo.environment["VANBAN_TEST_POSTGRES"], !base.isEmpty else {
            throw XCTSkip("VANBAN_TEST_POSTGRES is not set")
        }
        let plans = StoreIntegrationTests.plans
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let url = { (name: String) in base + (base.contains("?") ? "&" : "?") + "schema=" + name + suffix }
        let first = try PostgresStore(url: url("a_"))
        let second = try PostgresStore(url: url("b_"))
        XCTAssertEqual(try Ingestor(store: first).run([plans[0]]).imported, 1)
        XCTAssertEqual(try Ingestor(store: second).run(Array(plans[1...])).imported, 4)
        // Opening again applies nothing twice.
        let again = try PostgresStore(url: url("a_"))
        let inFirst = Set(try again.search("so giao duc dao tao", limit: 100).map(\.document))
        let inSecond = Set(try second.search("so giao duc dao tao", limit: 100).map(\.document))
        XCTAssertEqual(inFirst, ["144/KH-UBND"]) // kien-giang, the first plan
        XCTAssertFalse(inSecond.isEmpty)
        XCTAssertFalse(inSecond.contains("144/KH-UBND"))
    }
}
