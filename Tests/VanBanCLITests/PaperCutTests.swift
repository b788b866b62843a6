import Foundation
import XCTest

/// What a new user meets first in the CLI: impossible dates, a mistyped --db,
/// the same plan under two names, identical deadlines, spreadsheets.
final class PaperCutTests: XCTestCase {
    var dir: URL!
    var index: String { dir.appendingPathComponent("i.sqlite").path }
    override func setUpWithError() throws {
        dir = try Harness.tempDir()
        let r = try Harness.vanban(["ingest", "--db", index, "--quiet", "--in-process"] + (try Harness.corpusTexts().map(\.path)))
        XCTAssertEqual(r.status, 0, r.stderr)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testImpossibleDatesAreErrorsThatSayHowToWriteOne() throws {
        for (args, bad) in [(["query", "deadlines", "--before", "2025-13-45"], "2025-13-45"),
                            (["query", "deadlines", "--before", "2025-12-31", "--after", "2025-02-29"], "2025-02-29"),
                            (["query", "deadlines", "--before", "31/12/2025"], "31/12/2025"),
                            (["query", "documents", "--since", "2024-00-10"], "2024-00-10")] {
            let r = try Harness.vanban(args + ["--db", index])
            XCTAssertEqual(r.status, 1, args.joined(separator: " "))
            XCTAssertEqual(r.stdout, "")
            XCTAssertEqual(r.stderr, "vanban: '\(bad)' is not a date; write it as YYYY-MM-DD\n")
        }
        // Real days still answer, leap days included; a year or a month alone is a range end.
        for before in ["2024-02-29", "2030-12-31", "2030", "2030-06"] {
            let r = try Harness.vanban(["query", "deadlines", "--before", before, "--after", "2020-01-01", "--format", "csv", "--db", index])
            XCTAssertEqual(r.status, 0, before + r.stderr)
        }
    }

    func testReadingWhereNoIndexIsSaysSoAndCreatesNothing() throws {
        let typo = dir.appendingPathComponent("typo.sqlite").path
        for args in [["query", "tasks", "--agency", "Sở GDĐT"], ["query", "documents"], ["query", "errors"], ["search", "giao duc"],
                     ["export"], ["export", "--format", "csv", "--what", "tasks"], ["serve", "--port", "0"]] {
            let r = try Harness.vanban(args + ["--db", typo])
            XCTAssertEqual(r.status, 1, args.joined(separator: " "))
            XCTAssertEqual(r.stderr, "vanban: no index at \(typo); import plans first with 'vanban ingest --db \(typo)'\n", args.joined(separator: " "))
            XCTAssertFalse(FileManager.default.fileExists(atPath: typo), "\(args.joined(separator: " ")) created a database")
        }
        // VANBAN_DB the same way.
        let r = try Harness.vanban(["query", "agencies"], environment: ["VANBAN_DB": typo])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: typo))
    }

    func testTheSameBytesUnderTwoNamesAreOneDocument() throws {
        let copy = dir.appendingPathComponent("ttg.txt")
        try FileManager.default.copyItem(at: Harness.corpus.appendingPathComponent("phu-my-322-kh-ubnd-2024.txt"), to: copy)
        let r = try Harness.vanban(["ingest", "--db", index, copy.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "imported 0, unchanged 1, replaced 0, failed 0\n")
        let docs = try Harness.vanban(["query", "documents", "--format", "jsonl", "--db", index])
        XCTAssertEqual(docs.stdout.split(separator: "\n").count, 5)
        let tasks = try Harness.vanban(["query", "tasks", "--agency", "Công chức Văn hoá – Xã hội", "--format", "jsonl", "--db", index])
        let rows = tasks.stdout.split(separator: "\n")
        XCTAssertFalse(rows.isEmpty)
        XCTAssertEqual(Set(rows).count, rows.count, "no answer twice")
        let show = try Harness.vanban(["query", "show", copy.path, "--db", index])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("\"number\" : \"322/KH-UBND\""))
    }

    func testCSVExportOfEveryTable() throws {
        let expected = [
            "tasks": "document,name,issuer,issuedDate,level,locality,section,lead,support,deadline,text",
            "deadlines": "document,name,issuer,issuedDate,level,locality,section,date,resolvedDate,recurrence,relation,agencies,quote",
            "targets": "document,name,issuer,issuedDate,level,locality,section,indicator,comparator,value,upper,unit,year,quote",
            "citations": "document,name,issuer,issuedDate,level,locality,section,role,kind,number,date,issuer,title,quote",
        ]
        let contracts = try Harness.vanban(["export", "--db", index]).stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        for (what, header) in expected {
            let r = try Harness.vanban(["export", "--format", "csv", "--what", what, "--db", index])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.hasPrefix("\u{FEFF}" + header + "\r\n"), what)
            let records = try Self.csvRecords(String(r.stdout.dropFirst()))
            XCTAssertTrue(records.allSatisfy { $0.count == records[0].count }, "\(what): every row has every column")
            // One row per task lead (a task without a lead: one row), per deadline, target, citation.
            let count = contracts.reduce(0) { n, doc in
                let items = doc[what] as! [[String: Any]]
                return n + (what == "tasks" ? items.reduce(0) { $0 + max(1, ($1["lead"] as! [String]).count) } : items.count)
            }
            XCTAssertEqual(records.count - 1, count, what)
        }
        let tasks = try Self.csvRecords(String(try Harness.vanban(["export", "--format", "csv", "--what", "tasks", "--db", index]).stdout.dropFirst()))
        XCTAssertTrue(tasks.contains { $0[0] == "322/KH-UBND" && $0[4] == "commune" && $0[5] == "thị trấn Phú Mỹ"
            && $0[6] == "IV.1" && $0[7] == "Công chức Văn hóa - Xã hội" }, "a copy without its header is still placed")
        for (args, message) in [(["--format", "csv"], "--format csv needs --what tasks|deadlines|targets|citations"),
                                (["--format", "csv", "--what", "agencies"], "--what is tasks, deadlines, targets or citations, not 'agencies'"),
                                (["--what", "tasks"], "--what goes with --format csv")] {
            let r = try Harness.vanban(["export"] + args + ["--db", index])
            XCTAssertEqual(r.status, 64)
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
        }
    }

    /// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
    static func csvRecords(_ text: String) throws -> [[String]] {
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars = chars.dropFirst() } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { record.append(field); records.append(record); record = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
