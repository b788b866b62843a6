import Foundation
import XCTest

/// Plans of two provinces with the same number in one index, as a user meets them:
/// the CLI and HTTP report the ambiguity with the candidates and let an issuer choose.
final class IdentityCommandTests: XCTestCase {
    var dir: URL!
    var db: String { dir.appendingPathComponent("i.sqlite").path }

    static func plan(_ unit: String, _ place: String, _ date: String, number: String = "17/KH-UBND", cites: String = "") -> String {
        """
        ỦY BAN NHÂN DÂN
        \(unit)
        Số: \(number)
        \(place), ngày \(date)

        KẾ HOẠCH
        Thực hiện chuyển đổi số năm 2025

        \(cites)

        I. TỔ CHỨC THỰC HIỆN
        1. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch.

        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH
        Nguyễn Văn A
        """
    }

    override func setUpWithError() throws {
        dir = try Harness.tempDir()
        try Self.plan("TỈNH ĐỒNG NAI", "Đồng Nai", "10 tháng 01 năm 2025").write(to: dir.appendingPathComponent("dn.txt"), atomically: true, encoding: .utf8)
        try Self.plan("TỈNH NGHỆ AN", "Nghệ An", "12 tháng 02 năm 2025").write(to: dir.appendingPathComponent("na.txt"), atomically: true, encoding: .utf8)
        let r = try Harness.vanban(["ingest", "--db", db, "--quiet", dir.appendingPathComponent("dn.txt").path, dir.appendingPathComponent("na.txt").path])
        XCTAssertEqual(r.status, 0, r.stderr)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testShowAnAmbiguousNumber() throws {
        let r = try Harness.vanban(["query", "show", "17/KH-UBND", "--db", db])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, """
            vanban: '17/KH-UBND' names 2 stored documents; choose one with --issuer (or use its id):
              id 1: 17/KH-UBND, Ủy ban nhân dân tỉnh Đồng Nai, 2025-01-10 (dn.txt)
              id 2: 17/KH-UBND, Ủy ban nhân dân tỉnh Nghệ An, 2025-02-12 (na.txt)

            """)
        let chosen = try Harness.vanban(["query", "show", "17/KH-UBND", "--issuer", "Nghệ An", "--db", db])
        XCTAssertEqual(chosen.status, 0, chosen.stderr)
        XCTAssertTrue(chosen.stdout.contains("\"locality\" : \"tỉnh Nghệ An\""))
        let docs = try Harness.vanban(["query", "documents", "--province", "Đồng Nai", "--format", "csv", "--db", db])
        XCTAssertEqual(docs.stdout.split(separator: "\r\n").count, 2)
        XCTAssertTrue(docs.stdout.contains(",province,tỉnh Đồng Nai"))
        let tasks = try Harness.vanban(["query", "tasks", "--agency", "Sở Tài chính", "--province", "Nghệ An", "--level", "province", "--format", "jsonl", "--db", db])
        XCTAssertEqual(tasks.stdout.split(separator: "\n").count, 1)
        let bad = try Harness.vanban(["query", "tasks", "--agency", "Sở Tài chính", "--level", "village", "--db", db])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr, "vanban: the level is national, province, district or commune, not 'village'\n")
    }

    func testImplementersTree() throws {
        try Self.plan("HUYỆN TRẢNG BOM", "Trảng Bom", "20 tháng 3 năm 2025", number: "5/KH-UBND",
                      cites: "Thực hiện Kế hoạch số 17/KH-UBND ngày 10/01/2025 của UBND tỉnh Đồng Nai;")
            .write(to: dir.appendingPathComponent("tb.txt"), atomically: true, encoding: .utf8)
        try Self.plan("XÃ SÔNG THAO", "Sông Thao", "02 tháng 5 năm 2025", number: "2/KH-UBND",
                      cites: "Căn cứ Kế hoạch số 5/KH-UBND ngày 20/3/2025 của UBND huyện Trảng Bom, tỉnh Đồng Nai;")
            .write(to: dir.appendingPathComponent("st.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try Harness.vanban(["ingest", "--db", db, "--quiet", dir.path]).status, 0)
        let tree = try Harness.vanban(["query", "implementers", "17/KH-UBND", "--issuer", "Đồng Nai", "--db", db])
        XCTAssertEqual(tree.status, 0, tree.stderr)
        XCTAssertEqual(tree.stdout, """
            17/KH-UBND  Ủy ban nhân dân tỉnh Đồng Nai  2025-01-10
            └─ 5/KH-UBND  huyện Trảng Bom  2025-03-20  (implements)
               └─ 2/KH-UBND  xã Sông Thao  2025-05-02  (basis)

            """)
        let none = try Harness.vanban(["query", "implementers", "17/KH-UBND", "--issuer", "Nghệ An", "--db", db])
        XCTAssertTrue(none.stdout.hasSuffix("(no stored plan implements it)\n"), none.stdout)
        let ambiguous = try Harness.vanban(["query", "implementers", "17/KH-UBND", "--db", db])
        XCTAssertEqual(ambiguous.status, 1)
        XCTAssertTrue(ambiguous.stderr.contains("names 2 stored documents"))
        let rows = try Harness.vanban(["query", "citations", "--cites", "17/KH-UBND", "--issuer", "Đồng Nai", "--transitive", "--format", "csv", "--db", db])
        XCTAssertEqual(rows.stdout, "\u{FEFF}depth,document,locality,issuedDate,role,via\r\n1,5/KH-UBND,huyện Trảng Bom,2025-03-20,implements,17/KH-UBND\r\n"
                       + "2,2/KH-UBND,xã Sông Thao,2025-05-02,basis,5/KH-UBND\r\n")
    }

    func testHTTPAnswersAnAmbiguousNumberWithItsCandidates() throws {
        let (p, base) = try Harness.startServer(["--db", db])
        defer { p.terminate(); p.waitUntilExit() }
        func get(_ path: String) throws -> (Int, String) {
            let r = try Harness.http("GET", base, path)
            return (r.status, r.body)
        }
        let (status, body) = try get("/documents/17%2FKH-UBND")
        XCTAssertEqual(status, 300)
        XCTAssertTrue(body.contains("names 2 stored documents"), body)
        XCTAssertTrue(body.contains("id 1: 17/KH-UBND, Ủy ban nhân dân tỉnh Đồng Nai, 2025-01-10 (dn.txt)"), body)
        let (chosen, doc) = try get("/documents/17%2FKH-UBND?issuer=%C4%90%E1%BB%93ng%20Nai")
        XCTAssertEqual(chosen, 200)
        XCTAssertTrue(doc.contains("\"locality\":\"tỉnh Đồng Nai\""), doc)
        XCTAssertEqual(try get("/tasks?agency=S%E1%BB%9F%20T%C3%A0i%20ch%C3%ADnh&province=Ngh%E1%BB%87%20An").0, 200)
        XCTAssertEqual(try get("/tasks?agency=S%E1%BB%9F%20T%C3%A0i%20ch%C3%ADnh&province=Atlantis").0, 400)
    }
}
