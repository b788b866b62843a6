import Foundation
import XCTest

/// `vanban ingest`, `query`, `search` and `export` as a user runs them.
final class IngestCommandTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try Harness.tempDir() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func db(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// A killed import, resumed, ends with the same database content as an uninterrupted one.
    func testKilledImportResumesToTheSameContent() throws {
        let plans = dir.appendingPathComponent("plans")
        let gen = try Harness.run(URL(fileURLWithPath: "/usr/bin/env"),
                                  ["python3", Harness.root.appendingPathComponent("tools/gen_corpus.py").path, plans.path, "300", "--seed", "3"])
        XCTAssertEqual(gen.status, 0, gen.stderr)

        // Interrupted: kill -9 once some batches are committed.
        let killed = Process()
        killed.executableURL = Harness.binary
        killed.arguments = ["ingest", plans.path, "--db", db("a.sqlite"), "--batch-size", "4", "--quiet"]
        killed.standardOutput = FileHandle.nullDevice
        killed.standardError = FileHandle.nullDevice
        try killed.run()
        var committed = 0
        let deadline = Date().addingTimeInterval(120)
        while killed.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            let r = try Harness.vanban(["query", "documents", "--db", db("a.sqlite"), "--format", "jsonl"])
            committed = r.stdout.split(separator: "\n").count
            if committed >= 20 { break }
        }
        XCTAssertTrue(killed.isRunning, "the import finished before it could be killed; make the corpus larger")
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        XCTAssertEqual(killed.terminationReason, .uncaughtSignal)
        XCTAssertGreaterThanOrEqual(committed, 20)

        // Resumed, and uninterrupted.
        let resumed = try Harness.vanban(["ingest", plans.path, "--db", db("a.sqlite"), "--quiet"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("failed 0"), resumed.stdout)
        let fresh = try Harness.vanban(["ingest", plans.path, "--db", db("b.sqlite"), "--quiet"])
        XCTAssertEqual(fresh.stdout, "imported 300, unchanged 0, replaced 0, failed 0\n")

        for args in [["export"], ["query", "agencies", "--format", "csv"], ["query", "tasks", "--format", "jsonl"],
                     ["query", "deadlines", "--before", "2030-12-31", "--format", "jsonl"], ["query", "errors", "--format", "csv"]] {
            let a = try Harness.vanban(args + ["--db", db("a.sqlite")]), b = try Harness.vanban(args + ["--db", db("b.sqlite")])
            XCTAssertEqual(a.status, 0, a.stderr)
            XCTAssertFalse(a.stdout.isEmpty)
            XCTAssertTrue(a.stdout == b.stdout, "\(args.joined(separator: " ")) differs after a resumed import")
        }
    }

    func testIngestSummaryFailuresAndQueryFormats() throws {
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Harness.corpus.appendingPathComponent("phu-my-322-kh-ubnd-2024.txt"), to: docs.appendingPathComponent("a.txt"))
        try Data([0, 1, 2, 3, 0, 0, 0, 9]).write(to: docs.appendingPathComponent("b.txt"))
        let r = try Harness.vanban(["ingest", docs.path, "--db", db("c.sqlite")])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "imported 1, unchanged 0, replaced 0, failed 1\n")
        XCTAssertTrue(r.stderr.hasSuffix("vanban: 1 file(s) failed; see 'vanban query errors --db \(db("c.sqlite"))'\n"), r.stderr)
        XCTAssertTrue(r.stderr.contains("ingest: 2/2 documents"), "plain progress lines when not on a terminal")

        let csv = try Harness.vanban(["query", "tasks", "--agency", "Công chức Văn hoá – Xã hội", "--format", "csv", "--db", db("c.sqlite")])
        XCTAssertTrue(csv.stdout.hasPrefix("\u{FEFF}document,section,role,agency,text,deadline\r\n"), "CSV: BOM, header in a stable order")
        XCTAssertTrue(csv.stdout.contains("322/KH-UBND,IV.1,lead,Công chức Văn hóa - Xã hội,"))
        let json = try Harness.vanban(["query", "citations", "--cites", "1373/qđ-ttg", "--format", "json", "--db", db("c.sqlite")])
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(rows?.first?["number"] as? String, "1373/QĐ-TTg")
        let table = try Harness.vanban(["search", "xa hoi hoc tap", "--limit", "2", "--db", db("c.sqlite")])
        XCTAssertTrue(table.stdout.hasPrefix("document     section"), table.stdout)
        XCTAssertTrue(table.stdout.hasSuffix("(2 rows)\n"))
        let errors = try Harness.vanban(["query", "errors", "--format", "jsonl", "--db", db("c.sqlite")])
        XCTAssertTrue(errors.stdout.contains("not a text document (binary data)"))
        let show = try Harness.vanban(["query", "show", "nothing-like-this", "--db", db("c.sqlite")])
        XCTAssertEqual(show.status, 1)
        XCTAssertEqual(show.stderr, "vanban: no stored document matches 'nothing-like-this'; list them with 'vanban query documents'\n")
        let bad = try Harness.vanban(["query", "deadlines", "--before", "15/12/2024", "--db", db("c.sqlite")])
        XCTAssertEqual(bad.stderr, "vanban: '15/12/2024' is not a date; write it as YYYY-MM-DD\n")
    }

    /// A folder of PDFs: a printed plan is imported, an encrypted one and a broken one
    /// fail alone with one clear line each, and the import goes on.
    func testFolderOfPDFsImportsTheGoodOnesAndNamesTheBadOnes() throws {
        let pdfs = dir.appendingPathComponent("pdfs")
        try FileManager.default.createDirectory(at: pdfs, withIntermediateDirectories: true)
        let fixtures = Harness.corpus.appendingPathComponent("pdf")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("xuan-truong-57-kh-ubnd-2025.pdf"), to: pdfs.appendingPathComponent("plan.pdf"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("encrypted.pdf"), to: pdfs.appendingPathComponent("locked.pdf"))
        try Data("%PDF-1.7\n1 0 obj << /Type /Catalog".utf8).write(to: pdfs.appendingPathComponent("broken.pdf"))
        let r = try Harness.vanban(["ingest", pdfs.path, "--db", db("p.sqlite"), "--quiet"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "imported 1, unchanged 0, replaced 0, failed 2\n")
        let errors = try Harness.vanban(["query", "errors", "--format", "jsonl", "--db", db("p.sqlite")])
        let reasons = try errors.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
            .reduce(into: [String: String]()) { $0[($1["path"] as! String).components(separatedBy: "/").last!] = $1["reason"] as? String }
        XCTAssertEqual(reasons["locked.pdf"], "the PDF is encrypted (password-protected); ask the issuer for an unprotected copy")
        XCTAssertTrue(reasons["broken.pdf"]?.hasPrefix("not a readable PDF") ?? false, reasons["broken.pdf"] ?? "")
        let show = try Harness.vanban(["query", "show", "57/KH-UBND", "--db", db("p.sqlite")])
        XCTAssertEqual(show.status, 0, show.stderr)
        let doc = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((doc?["source"] as? [String: Any])?["format"] as? String, "pdf")
    }

    /// The time limit counts per page of a PDF: a scan whose OCR takes longer than
    /// --file-timeout in all (three pages, about 1.2 s each on one core) but less per page is imported.
    func testFileTimeoutCountsPerPageOfAPDF() throws {
        let scans = dir.appendingPathComponent("scans")
        try FileManager.default.createDirectory(at: scans, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Harness.corpus.appendingPathComponent("pdf/xuan-truong-57-kh-ubnd-2025.scan.pdf"), to: scans.appendingPathComponent("scan.pdf"))
        let started = Date()
        let r = try Harness.vanban(["ingest", scans.path, "--db", db("s.sqlite"), "--quiet", "--file-timeout", "3", "--ocr-threads", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "imported 1, unchanged 0, replaced 0, failed 0\n")
        if Date().timeIntervalSince(started) < 3 { print("note: the scan was read in under 3 s; the per-page clock was not needed") }
    }

    /// A folder of Markdown portal copies imports them, and says which files it passed over and why.
    func testFolderImportReadsMarkdownAndReportsSkippedFiles() throws {
        let plans = dir.appendingPathComponent("md")
        try FileManager.default.createDirectory(at: plans.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let md = "|\n**ỦY BAN NHÂN DÂN**\nTỈNH AN GIANG\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n|\nSố: 4/KH-UBND\n|\n"
            + "*An Giang, ngày 02\ntháng 3 năm 2025*\n|\n\n**KẾ HOẠCH**\n\nKIỂM TRA NĂM 2025\n\n**I. MỤC ĐÍCH**\n\nBảo đảm hiệu quả.\n"
        try md.write(to: plans.appendingPathComponent("an-giang.md"), atomically: true, encoding: .utf8)
        try "old Word".write(to: plans.appendingPathComponent("scan.doc"), atomically: true, encoding: .utf8)
        try "old Word".write(to: plans.appendingPathComponent("sub/scan2.doc"), atomically: true, encoding: .utf8)
        try "{}".write(to: plans.appendingPathComponent("meta.json"), atomically: true, encoding: .utf8)
        let r = try Harness.vanban(["ingest", plans.path, "--db", db("m.sqlite"), "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "imported 1, unchanged 0, replaced 0, failed 0\n")
        XCTAssertEqual(r.stderr, "vanban: skipped 3 files: unsupported extension .doc (2), .json (1) (name a file to try it anyway)\n")
        let show = try Harness.vanban(["query", "show", "4/KH-UBND", "--db", db("m.sqlite")])
        let doc = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((doc?["source"] as? [String: Any])?["format"] as? String, "markdown")
        XCTAssertEqual(doc?["issuedDate"] as? String, "2025-03-02")
    }
}
