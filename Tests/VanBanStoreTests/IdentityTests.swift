import Foundation
import VanBanIngest
import VanBanModel
import VanBanStore
import XCTest

/// Two provinces with the same numbers and the same department names in one index:
/// jurisdictions, filters, ambiguous numbers reported (never a silent pick), issuers choosing.
final class IdentityTests: XCTestCase {
    var dir: URL!
    var store: (any DocumentStore)!

    /// A plan of `unit` (`TỈNH ĐỒNG NAI`) numbered 17/KH-UBND, with one task for its Sở Tài chính.
    static func plan(unit: String, place: String, date: String, cites: String = "") -> String {
        """
        ỦY BAN NHÂN DÂN
        \(unit)
        Số: 17/KH-UBND
        \(place), ngày \(date)

        KẾ HOẠCH
        Thực hiện chuyển đổi số năm 2025

        \(cites)
        I. MỤC ĐÍCH
        Nâng cao hiệu quả quản lý.
        II. TỔ CHỨC THỰC HIỆN
        1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 30/6/2025.
        2. Sở Nội vụ tổng hợp, báo cáo kết quả.

        Nơi nhận:
        - Như trên;
        - Lưu: VT.
        TM. ỦY BAN NHÂN DÂN
        CHỦ TỊCH
        Nguyễn Văn A
        """
    }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let plans: [(String, String)] = [
            ("dong-nai-17.txt", Self.plan(unit: "TỈNH ĐỒNG NAI", place: "Đồng Nai", date: "10 tháng 01 năm 2025")),
            ("nghe-an-17.txt", Self.plan(unit: "TỈNH NGHỆ AN", place: "Nghệ An", date: "12 tháng 02 năm 2025")),
            // A district plan implementing the province's 17/KH-UBND ("của UBND tỉnh": the district's own province).
            ("bien-hoa-5.txt", Self.plan(unit: "HUYỆN TRẢNG BOM", place: "Trảng Bom", date: "20 tháng 3 năm 2025",
                                         cites: "Thực hiện Kế hoạch số 17/KH-UBND ngày 10/01/2025 của UBND tỉnh Đồng Nai về chuyển đổi số;")
                .replacingOccurrences(of: "Số: 17/KH-UBND", with: "Số: 5/KH-UBND")),
            // A commune plan implementing the district's 5/KH-UBND: the province's plan, two steps down.
            ("song-thao-2.txt", Self.plan(unit: "XÃ SÔNG THAO", place: "Sông Thao", date: "02 tháng 5 năm 2025",
                                          cites: "Căn cứ Kế hoạch số 5/KH-UBND ngày 20/3/2025 của UBND huyện Trảng Bom, tỉnh Đồng Nai;")
                .replacingOccurrences(of: "Số: 17/KH-UBND", with: "Số: 2/KH-UBND")),
            ("binh-duong-9.txt", Self.plan(unit: "TỈNH BÌNH DƯƠNG", place: "Bình Dương", date: "05 tháng 4 năm 2024")
                .replacingOccurrences(of: "Số: 17/KH-UBND", with: "Số: 9/KH-UBND")),
        ]
        for (name, text) in plans { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        store = try TestStores.make(dir, "identity")
        XCTAssertEqual(try Ingestor(store: store).run([dir.path]).imported, 5)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testJurisdictionOfEachPlan() throws {
        let rows = try store.documents(DocumentQuery())
        var byName: [String: [String?]] = [:]
        for r in rows { byName[r.name] = [r.level, r.locality] }
        XCTAssertEqual(byName["dong-nai-17.txt"], ["province", "tỉnh Đồng Nai"])
        XCTAssertEqual(byName["nghe-an-17.txt"], ["province", "tỉnh Nghệ An"])
        XCTAssertEqual(byName["bien-hoa-5.txt"], ["district", "huyện Trảng Bom"])
        XCTAssertEqual(byName["binh-duong-9.txt"], ["province", "tỉnh Bình Dương"])
        XCTAssertEqual(byName["song-thao-2.txt"], ["commune", "xã Sông Thao"])
        XCTAssertEqual(try store.document("binh-duong-9.txt")?.issuer?.locality, "tỉnh Bình Dương")
    }

    func testFiltersByProvinceAndLevel() throws {
        let names = { (p: String?, l: String?) in try self.store.documents(DocumentQuery(place: try PlaceFilter(province: p, level: l))).map(\.name).sorted() }
        XCTAssertEqual(try names("Đồng Nai", nil), ["bien-hoa-5.txt", "dong-nai-17.txt", "song-thao-2.txt"], "district and commune plans lie in their province")
        XCTAssertEqual(try names("dong nai", "province"), ["dong-nai-17.txt"])
        // After the 2025 merger Bình Dương is part of Hồ Chí Minh; its 2024 plan is found under either name.
        XCTAssertEqual(try names("Hồ Chí Minh", nil), ["binh-duong-9.txt"])
        XCTAssertEqual(try names("Bình Dương", nil), ["binh-duong-9.txt"])
        XCTAssertEqual(try names(nil, "district"), ["bien-hoa-5.txt"])
        XCTAssertEqual(try names("Đồng Nai", "commune"), ["song-thao-2.txt"], "the commune's province, from what it implements")
        XCTAssertThrowsError(try PlaceFilter(province: "Atlantis", level: nil))
        XCTAssertThrowsError(try PlaceFilter(province: nil, level: "village"))

        let tasks = try store.tasks(TaskQuery(agency: "Sở Tài chính", place: try PlaceFilter(province: "Nghệ An", level: nil)))
        XCTAssertEqual(tasks.map(\.document), ["17/KH-UBND"])
        XCTAssertEqual(try store.tasks(TaskQuery(agency: "Sở Tài chính")).count, 5, "without a filter, every province's")
        let due = try store.deadlines(DeadlineQuery(before: "2025-12-31", after: "2025-01-01", place: try PlaceFilter(province: "Đồng Nai", level: "province")))
        XCTAssertEqual(due.map(\.date), ["2025-06-30"])
    }

    /// One `Sở Tài chính` per province: the agencies listing groups by identity and says whose.
    func testAgenciesAreOnePerProvince() throws {
        let finance = try store.agencies().filter { $0.agency == "Sở Tài chính" }
        XCTAssertEqual(finance.map(\.locality).sorted { ($0 ?? "") < ($1 ?? "") },
                       ["tỉnh Bình Dương", "tỉnh Nghệ An", "tỉnh Đồng Nai"])
        let dongNai = try XCTUnwrap(finance.first { $0.locality == "tỉnh Đồng Nai" })
        XCTAssertEqual([dongNai.tasks, dongNai.documents], [3, 3], "the province's plan, its district's and its commune's")
        XCTAssertEqual(finance.first { $0.locality == "tỉnh Nghệ An" }.map { [$0.tasks, $0.documents] }, [1, 1])
        // A new version of a plan moves its counts with it.
        let path = dir.appendingPathComponent("nghe-an-17.txt")
        try (try String(contentsOf: path, encoding: .utf8)).replacingOccurrences(of: "TỈNH NGHỆ AN", with: "TỈNH LAI CHÂU")
            .replacingOccurrences(of: "Nghệ An, ngày", with: "Lai Châu, ngày").write(to: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Ingestor(store: store).run([path.path]).replaced, 1)
        let after = try store.agencies().filter { $0.agency == "Sở Tài chính" }.map(\.locality)
        XCTAssertTrue(after.contains("tỉnh Lai Châu"))
        XCTAssertFalse(after.contains("tỉnh Nghệ An"), "no agency of a province with no plan left")
    }

    func testAnAmbiguousNumberIsReportedAndAnIssuerChooses() throws {
        XCTAssertThrowsError(try store.document("17/KH-UBND")) { error in
            guard case let .ambiguousDocument(ref, candidates)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(ref, "17/KH-UBND")
            XCTAssertEqual(candidates.count, 2)
            XCTAssertTrue(candidates[0].contains("Ủy ban nhân dân tỉnh Đồng Nai, 2025-01-10 (dong-nai-17.txt)"), candidates[0])
            XCTAssertTrue(candidates[1].contains("Ủy ban nhân dân tỉnh Nghệ An, 2025-02-12 (nghe-an-17.txt)"), candidates[1])
        }
        XCTAssertEqual(try store.document("17/KH-UBND", issuer: "Nghệ An")?.source.name, "nghe-an-17.txt")
        XCTAssertEqual(try store.document("17/KH-UBND", issuer: "ủy ban nhân dân tỉnh đồng nai")?.source.name, "dong-nai-17.txt")
        XCTAssertNil(try store.document("17/KH-UBND", issuer: "Lai Châu"))
        XCTAssertEqual(try store.document("5/KH-UBND")?.source.name, "bien-hoa-5.txt", "a number only one plan carries")
        XCTAssertThrowsError(try store.citations(CitationQuery(of: "17/KH-UBND")))
        XCTAssertEqual(try store.citations(CitationQuery(of: "17/KH-UBND", issuer: "Đồng Nai")).count, 0)

        // Who cites Đồng Nai's 17/KH-UBND: the district plan; nobody cites Nghệ An's.
        XCTAssertEqual(try store.citations(CitationQuery(cites: "17/KH-UBND", issuer: "Đồng Nai")).map(\.document), ["5/KH-UBND"])
        XCTAssertEqual(try store.citations(CitationQuery(cites: "17/KH-UBND", issuer: "Nghệ An")).map(\.document), [])
        XCTAssertEqual(try store.citations(CitationQuery(cites: "17/KH-UBND")).map(\.document), ["5/KH-UBND"])
    }

    /// Who implements Đồng Nai's 17/KH-UBND: the district plan directly, the commune plan through it.
    func testImplementersAcrossLevels() throws {
        let root = try XCTUnwrap(try store.storedDocument("17/KH-UBND", issuer: "Đồng Nai"))
        let rows = try store.implementers(of: root)
        XCTAssertEqual(rows.map { [String($0.depth), $0.document, $0.via, $0.role] },
                       [["1", "5/KH-UBND", "17/KH-UBND", "implements"], ["2", "2/KH-UBND", "5/KH-UBND", "basis"]])
        let nghean = try XCTUnwrap(try store.storedDocument("17/KH-UBND", issuer: "Nghệ An"))
        XCTAssertEqual(try store.implementers(of: nghean), [], "nobody implements Nghệ An's")
        XCTAssertEqual(try store.implementers(ofNumber: "17/KH-UBND", issuer: "Đồng Nai").map(\.document), ["5/KH-UBND", "2/KH-UBND"])
        XCTAssertEqual(try store.implementers(ofNumber: "17/KH-UBND", issuer: "Nghệ An"), [])
    }
}
