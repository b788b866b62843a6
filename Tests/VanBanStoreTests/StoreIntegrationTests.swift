import Foundation
import VanBanIngest
import VanBanModel
import VanBanStore
import XCTest

/// The index over the sample corpus, with exact expected answers.
final class StoreIntegrationTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")
    /// The five plans as text (`Corpus/formats/` holds the same plans in other formats).
    static var plans: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { corpus.appendingPathComponent($0).path }
    }
    var dir: URL!
    var store: (any DocumentStore)!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try TestStores.make(dir, "t")
        let summary = try Ingestor(store: store).run(Self.plans)
        XCTAssertEqual(summary, Ingestor.Summary(imported: 5, unchanged: 0, replaced: 0, failed: 0))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testWhichSectionsAnAgencyLeadsInAnySpelling() throws {
        let expected = [["144/KH-UBND", "III.2"], ["148/QĐ-UBND", "A1/V.2.1"],
                        ["lam-dong-bcd-xhht-2024.txt", "II.2"], ["lam-dong-bcd-xhht-2024.txt", "II.3"], ["lam-dong-bcd-xhht-2024.txt", "II.4"],
                        ["lam-dong-bcd-xhht-2024.txt", "II.5"], ["lam-dong-bcd-xhht-2024.txt", "II.6"], ["lam-dong-bcd-xhht-2024.txt", "II.9"],
                        ["lam-dong-bcd-xhht-2024.txt", "IV.3"]]
        for spelling in ["Sở GDĐT", "Sở GD&ĐT", "sở giáo dục và đào tạo", "SO GIAO DUC VA DAO TAO"] {
            let rows = try store.tasks(TaskQuery(agency: spelling))
            XCTAssertEqual(Set(rows.map { [$0.document, $0.section] }), Set(expected), spelling)
            XCTAssertTrue(rows.allSatisfy { $0.agency == "Sở Giáo dục và Đào tạo" && $0.role == "lead" })
        }
        XCTAssertEqual(try store.tasks(TaskQuery(agency: "Sở GDĐT")).count, 17)
        let support = try store.tasks(TaskQuery(agency: "Hội Khuyến học tỉnh", role: .support))
        XCTAssertTrue(support.contains { $0.document == "lam-dong-bcd-xhht-2024.txt" && $0.section == "II.3" })
        XCTAssertEqual(try store.tasks(TaskQuery(agency: "Bộ Quốc phòng")), [])
    }

    func testAgenciesWithCountsAndAliases() throws {
        let agencies = try store.agencies()
        // The corpus plans of three provinces each name their own Sở Giáo dục và Đào tạo.
        let gddt = agencies.filter { $0.agency == "Sở Giáo dục và Đào tạo" }
        XCTAssertEqual(gddt.map(\.locality), ["tỉnh Lâm Đồng", "tỉnh Nghệ An", "tỉnh Kiên Giang"])
        XCTAssertEqual(gddt.map(\.tasks).reduce(0, +), 17)
        XCTAssertEqual(gddt.map(\.documents), [1, 1, 1])
        XCTAssertTrue(gddt.allSatisfy { $0.aliases.contains("Sở GDĐT") })
        XCTAssertEqual(Set(agencies.map { $0.agency + "|" + ($0.locality ?? "") }).count, agencies.count, "one row per agency identity")
        // A ministry's word with a place is a local body: the province's border guard command.
        XCTAssertEqual(agencies.first { $0.agency == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh" }?.locality, "tỉnh Nghệ An")
    }

    func testWhichPlansCiteADocument() throws {
        for spelling in ["1373/QĐ-TTg", "1373/qđ-ttg", "1373/QD-TTG"] {
            let rows = try store.citations(CitationQuery(cites: spelling))
            XCTAssertEqual(rows.map(\.document).sorted(), ["148/QĐ-UBND", "322/KH-UBND", "lam-dong-bcd-xhht-2024.txt"], spelling)
            XCTAssertTrue(rows.allSatisfy { $0.role == "basis" && $0.section == "preamble" })
        }
        let of = try store.citations(CitationQuery(of: "322/KH-UBND"))
        XCTAssertEqual(of.compactMap(\.number), ["1373/QĐ-TTg", "685/KH-UBND", "135/KH-UBND", "4130/KH-UBND", "449/KH-UBND", "06", "04",
                                                 "285/SGDDĐT-GDCN.TX", "44/2014/TT-BGDĐT"])
        XCTAssertThrowsError(try store.citations(CitationQuery(of: "9999/KH-XYZ"))) {
            XCTAssertEqual($0 as? StoreError, .unknownDocument("9999/KH-XYZ"))
        }
    }

    func testDeadlinesInARangeWithRecurringOnesPerYear() throws {
        let rows = try store.deadlines(DeadlineQuery(before: "2025-12-31", after: "2024-01-01"))
        XCTAssertEqual(rows.map { [$0.date, $0.document, $0.section] }, [
            ["2024-06-05", "322/KH-UBND", "V"], ["2024-12-01", "lam-dong-bcd-xhht-2024.txt", "II.1"],
            ["2024-12-01", "lam-dong-bcd-xhht-2024.txt", "IV.3"], ["2024-12-05", "322/KH-UBND", "V"],
            ["2024-12-10", "322/KH-UBND", "V"], ["2024-12-10", "tay-ninh-svhttdl-2024.txt", "VI.3"],
            ["2024-12-15", "148/QĐ-UBND", "A1/V.3"], ["2025-06-05", "322/KH-UBND", "V"], ["2025-12-05", "322/KH-UBND", "V"],
            ["2025-12-10", "322/KH-UBND", "V"], ["2025-12-10", "tay-ninh-svhttdl-2024.txt", "VI.3"],
            ["2025-12-15", "148/QĐ-UBND", "A1/V.3"],
        ])
        // Without --after, a yearly deadline recurs from its plan's own year.
        let nghean = try store.deadlines(DeadlineQuery(before: "2023-12-31")).filter { $0.document == "148/QĐ-UBND" }
        XCTAssertEqual(nghean.map(\.date), ["2022-12-15", "2023-12-15"])
        // A plan issued after the range contributes nothing (no crash on an empty year range).
        XCTAssertEqual(try store.deadlines(DeadlineQuery(before: "2021-12-31")).count, 0)
        let tayNinh = try store.deadlines(DeadlineQuery(before: "2024-12-31", agency: "Phòng Quản lý Văn hóa và Gia đình"))
        XCTAssertEqual(tayNinh.map(\.date), ["2024-12-10"])
        XCTAssertThrowsError(try store.deadlines(DeadlineQuery(before: "31/12/2024"))) { XCTAssertEqual($0 as? StoreError, .badDate("31/12/2024")) }
    }

    func testTargetsByYearIndicatorAndUnit() throws {
        let rows = try store.targets(TargetQuery(year: 2025, indicator: "nang luc thong tin", unit: "%"))
        XCTAssertEqual(rows.map { [$0.document, $0.section] }, [["148/QĐ-UBND", "A1/II.2.1"]])
        XCTAssertEqual(rows.first?.value, 50)
        XCTAssertEqual(try store.targets(TargetQuery(unit: "lần")).map(\.value), [2])
        XCTAssertEqual(try store.targets(TargetQuery(year: 2030)).count, 16)
    }

    func testDocumentsShowAndExport() throws {
        XCTAssertEqual(try store.documents(DocumentQuery(type: "KH")).count, 4)
        XCTAssertEqual(try store.documents(DocumentQuery(type: "qđ")).map(\.number), ["148/QĐ-UBND"])
        XCTAssertEqual(try store.documents(DocumentQuery(issuer: "nghe an")).map(\.number), ["148/QĐ-UBND"])
        XCTAssertEqual(Set(try store.documents(DocumentQuery(since: "2024-01-01")).map(\.name)),
                       ["lam-dong-bcd-xhht-2024.txt", "phu-my-322-kh-ubnd-2024.txt", "tay-ninh-svhttdl-2024.txt"])
        XCTAssertEqual(try store.document("322/KH-UBND")?.title, "Xây dựng xã hội học tập thị trấn Phú Mỹ năm 2024")
        XCTAssertEqual(try store.document("tay-ninh-svhttdl-2024")?.symbol, "KH-SVHTTDL")
        var exported: [Document] = []
        try store.exportDocuments { exported.append($0) }
        XCTAssertEqual(exported.map(\.source.sha256), exported.map(\.source.sha256).sorted())
        XCTAssertEqual(exported.count, 5)
    }

    func testSearchIsDiacriticAndToneInsensitive() throws {
        let hits = try store.search("so giao duc", limit: 50)
        XCTAssertFalse(hits.isEmpty)
        XCTAssertTrue(hits.contains { $0.snippet.contains("[Sở] [Giáo] [dục]") })
        // `hoá` (phu-my writes Văn hoá) and `hóa` (lam-dong writes Văn hóa) are the same key.
        let both = try store.search("văn hoá", limit: 200)
        XCTAssertTrue(both.contains { $0.document == "322/KH-UBND" && $0.snippet.contains("hoá") })
        XCTAssertTrue(both.contains { $0.document == "lam-dong-bcd-xhht-2024.txt" && $0.snippet.contains("hóa") })
        // Capitals and `Đ` fold too (ICU and FTS5 keep `đ`; unaccent maps it).
        XCTAssertTrue(try store.search("ĐÀO TẠO", limit: 50).contains { $0.snippet.contains("[Đào] [tạo]") })
        XCTAssertEqual(try store.search("   ", limit: 5), [])
        XCTAssertEqual(try store.search("\"NEAR(", limit: 5), [], "FTS syntax in a query is literal text")
    }

    func testImportIsIdempotentAndReplacesChangedFiles() throws {
        XCTAssertEqual(try Ingestor(store: store).run(Self.plans).unchanged, 5)
        // A changed file at the same path replaces its older version.
        let copy = dir.appendingPathComponent("plan.txt")
        try Data(contentsOf: Self.corpus.appendingPathComponent("phu-my-322-kh-ubnd-2024.txt")).write(to: copy)
        XCTAssertEqual(try Ingestor(store: store).run([copy.path]), Ingestor.Summary(imported: 0, unchanged: 1, replaced: 0, failed: 0),
                       "the same bytes under another name are not stored again")
        XCTAssertEqual(try store.documents(DocumentQuery()).count, 5, "one document ...")
        XCTAssertEqual(try store.storedSources()[copy.path], try store.storedSources()[Self.corpus.appendingPathComponent("phu-my-322-kh-ubnd-2024.txt").path],
                       "... and the other name is another path of it")
        XCTAssertEqual(try store.document(copy.path)?.number, "322/KH-UBND")
        let changed = try String(contentsOf: copy, encoding: .utf8).replacingOccurrences(of: "Số: 322/KH-UBND", with: "Số: 323/KH-UBND")
        try changed.write(to: copy, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Ingestor(store: store).run([copy.path]).replaced, 1, "the path held the same bytes as 322; now its own document")
        let replacement = changed.replacingOccurrences(of: "suốt đời", with: "trọn đời")
        try replacement.write(to: copy, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Ingestor(store: store).run([copy.path]).replaced, 1)
        XCTAssertEqual(try store.documents(DocumentQuery()).count, 6)
        XCTAssertEqual(try store.agencies().filter { $0.agency == "Sở Giáo dục và Đào tạo" }.map(\.tasks).reduce(0, +), 17,
                       "counts follow replacements")
        // Full text follows too: the new wording is found, the replaced one is gone.
        let now = try store.search("trọn đời", limit: 500)
        XCTAssertFalse(now.isEmpty)
        XCTAssertEqual(Set(now.map(\.document)), ["323/KH-UBND"])
        let before = try store.search("suốt đời", limit: 500)
        XCTAssertTrue(before.contains { $0.document == "322/KH-UBND" })
        XCTAssertFalse(before.contains { $0.document == "323/KH-UBND" })
    }

    func testBadInputsAreReportedAndGoodOnesLand() throws {
        let mixed = dir.appendingPathComponent("mixed")
        let sub = mixed.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        for name in ["kien-giang-144-kh-ubnd-2020.txt", "tay-ninh-svhttdl-2024.txt"] {
            try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(name), to: sub.appendingPathComponent("x-" + name))
        }
        try Data().write(to: mixed.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]).write(to: mixed.appendingPathComponent("scan.txt"))
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("loop").path, withDestinationPath: mixed.path)
        try FileManager.default.createSymbolicLink(atPath: mixed.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/file.txt")
        let locked = mixed.appendingPathComponent("locked.txt")
        try "KẾ HOẠCH\nThử\n".write(to: locked, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        let root = getuid() == 0 // root reads files whatever their permissions

        let fresh = try TestStores.make(dir, "mixed")
        let summary = try Ingestor(store: fresh).run([mixed.path])
        XCTAssertEqual(summary.imported, root ? 3 : 2)
        let failures = try fresh.failures()
        var reasons: [String: String] = [:]
        for f in failures { reasons[(f.path as NSString).lastPathComponent] = f.reason }
        XCTAssertEqual(reasons["empty.txt"], "empty file; nothing to import")
        XCTAssertEqual(reasons["scan.txt"], "not a text document (binary data); convert it to text, HTML or DOCX first")
        XCTAssertEqual(reasons["gone.txt"], "broken symbolic link; fix or remove it")
        XCTAssertEqual(reasons["loop"], "directory loop: this folder was already visited through another path; skipped")
        if !root { XCTAssertTrue(reasons["locked.txt"]?.hasPrefix("cannot read the file") == true) }
        XCTAssertEqual(summary.failed, failures.count)
        XCTAssertEqual(Set(try fresh.documents(DocumentQuery()).map(\.number)).isSuperset(of: ["144/KH-UBND"]), true)
    }

    /// The same bytes under two paths are one document, in one batch or across imports,
    /// and every answer about it comes once; a path whose bytes change becomes its own document.
    func testTheSameBytesUnderTwoPathsAreOneDocument() throws {
        let fresh = try TestStores.make(dir, "same")
        let folder = dir.appendingPathComponent("same")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = Self.corpus.appendingPathComponent("tay-ninh-svhttdl-2024.txt")
        for name in ["a.txt", "b.txt", "c.txt"] { try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name)) }
        XCTAssertEqual(try Ingestor(store: fresh, options: .init(batchSize: 2)).run([folder.path]),
                       Ingestor.Summary(imported: 1, unchanged: 2, replaced: 0, failed: 0))
        XCTAssertEqual(try fresh.documents(DocumentQuery()).count, 1)
        let sources = try fresh.storedSources()
        XCTAssertEqual(sources.count, 3)
        XCTAssertEqual(Set(sources.values).count, 1)
        let once = try TestStores.make(dir, "once")
        _ = try Ingestor(store: once).run([folder.appendingPathComponent("a.txt").path])
        let agency = try XCTUnwrap(try once.agencies().first?.agency)
        XCTAssertEqual(try fresh.tasks(TaskQuery(agency: agency)).map(\.text), try once.tasks(TaskQuery(agency: agency)).map(\.text),
                       "every task once, as if the file had come once")
        XCTAssertEqual(try fresh.agencies(), try once.agencies())
        // Imported again, and once more under a fourth name: still one document.
        XCTAssertEqual(try Ingestor(store: fresh).run([folder.path]).unchanged, 3)
        let upload = dir.appendingPathComponent("d.txt")
        try FileManager.default.copyItem(at: source, to: upload)
        XCTAssertTrue(sources.keys.contains(try XCTUnwrap(try fresh.storedPath(sha256: sources.values.first!))))
        XCTAssertNil(try fresh.storedPath(sha256: String(repeating: "0", count: 64)))
        try fresh.write([.otherPath(path: upload.path, sha256: sources.values.first!)])
        XCTAssertEqual(try fresh.documents(DocumentQuery()).count, 1)
        XCTAssertEqual(try fresh.document(upload.path)?.source.sha256, sources.values.first!)
        // The first path in the folder's order is the document's, whatever the timing.
        XCTAssertEqual(try fresh.documents(DocumentQuery()).map(\.name), ["a.txt"])
        // a.txt changes: its own document now; the others still share the first one.
        let newA = try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "thư viện", with: "thư quán")
        try newA.write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try Ingestor(store: fresh).run([folder.path]), Ingestor.Summary(imported: 0, unchanged: 2, replaced: 1, failed: 0))
        XCTAssertEqual(try fresh.documents(DocumentQuery()).count, 2)
        XCTAssertEqual(try fresh.document(folder.appendingPathComponent("c.txt").path)?.source.sha256, sources.values.first!)
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("a2.txt"))
        XCTAssertEqual(try Ingestor(store: fresh).run([folder.path]), Ingestor.Summary(imported: 0, unchanged: 4, replaced: 0, failed: 0))
        // b.txt changes: its own document now; the others still share one.
        let changed = try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "thư viện", with: "nhà sách")
        try changed.write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try Ingestor(store: fresh).run([folder.path]), Ingestor.Summary(imported: 0, unchanged: 3, replaced: 1, failed: 0))
        XCTAssertEqual(try fresh.documents(DocumentQuery()).count, 3)
        XCTAssertNotEqual(try fresh.storedSources()[folder.appendingPathComponent("b.txt").path], sources.values.first!)
        // Another path of bytes nobody stored is a failure that says so.
        try fresh.write([.otherPath(path: "/nowhere/x.txt", sha256: String(repeating: "0", count: 64))])
        XCTAssertTrue(try fresh.failures().contains { $0.path == "/nowhere/x.txt" && $0.reason.hasPrefix("the same bytes as another file") })
    }

    /// Every corpus plan placed: its level and locality, from the header or, where the header
    /// was lost, from the place line, the title and what it implements.
    func testJurisdictionOfEveryCorpusPlan() throws {
        var found: [String: [String?]] = [:]
        for r in try store.documents(DocumentQuery()) { found[r.name] = [r.level, r.locality] }
        XCTAssertEqual(found, [
            "kien-giang-144-kh-ubnd-2020.txt": ["province", "tỉnh Kiên Giang"],
            "lam-dong-bcd-xhht-2024.txt": ["province", "tỉnh Lâm Đồng"],
            "nghe-an-148-qd-ubnd-2022.txt": ["province", "tỉnh Nghệ An"],
            "phu-my-322-kh-ubnd-2024.txt": ["commune", "thị trấn Phú Mỹ"],
            "tay-ninh-svhttdl-2024.txt": ["province", "tỉnh Tây Ninh"],
        ])
        // Phú Mỹ lies in An Giang (it implements plans of tỉnh An Giang), and Kiên Giang joined An Giang in 2025.
        let anGiang = try store.documents(DocumentQuery(place: try PlaceFilter(province: "An Giang", level: nil))).map(\.name).sorted()
        XCTAssertEqual(anGiang, ["kien-giang-144-kh-ubnd-2020.txt", "phu-my-322-kh-ubnd-2024.txt"])
    }
}
