import Foundation
import XCTest

/// A file that makes the parser trap, hang or run away with memory fails alone:
/// `vanban ingest` records it with its reason, replaces the worker and imports the rest.
/// The failures are forced with the test-only `VANBAN_WORKER_FAULT` switch of `vanban worker`.
final class IsolationTests: XCTestCase {
    var dir: URL!
    var plans: URL!
    override func setUpWithError() throws {
        dir = try Harness.tempDir()
        plans = dir.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        for url in try Harness.corpusTexts() {
            try FileManager.default.copyItem(at: url, to: plans.appendingPathComponent(url.lastPathComponent))
        }
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    var names: [String] { (try? Harness.corpusTexts().map(\.lastPathComponent)) ?? [] }

    func db(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// The failures recorded in an index: path → reason.
    func errors(_ db: String) throws -> [String: String] {
        let r = try Harness.vanban(["query", "errors", "--format", "jsonl", "--db", db])
        XCTAssertEqual(r.status, 0, r.stderr)
        var out: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            out[row?["path"] as? String ?? ""] = row?["reason"] as? String
        }
        return out
    }

    func documents(_ db: String) throws -> Set<String> {
        let r = try Harness.vanban(["query", "documents", "--format", "jsonl", "--db", db])
        return Set(try r.stdout.split(separator: "\n").map {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["name"] as? String ?? ""
        })
    }

    func testATrappingFileFailsAloneAndTheWorkerIsReplaced() throws {
        // Two files trap, so a replaced worker must itself be replaced.
        let bad = [names[0], names[3]]
        let r = try Harness.vanban(["ingest", plans.path, "--db", db("t.sqlite"), "--quiet"],
                                   environment: ["VANBAN_WORKER_FAULT": "trap:" + bad.joined(separator: ",")])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "imported 3, unchanged 0, replaced 0, failed 2\n")
        XCTAssertEqual(try documents(db("t.sqlite")), Set(names).subtracting(bad))
        let failed = try errors(db("t.sqlite"))
        XCTAssertEqual(Set(failed.keys), Set(bad.map { plans.appendingPathComponent($0).path }))
        for reason in failed.values {
            XCTAssertEqual(reason, "the parser stopped on this file (signal 4): please report it with the file")
        }

        // Without the fault the same command imports the two files it failed on.
        let again = try Harness.vanban(["ingest", plans.path, "--db", db("t.sqlite"), "--quiet"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "imported 2, unchanged 3, replaced 0, failed 0\n")
        XCTAssertEqual(try documents(db("t.sqlite")), Set(names))
        XCTAssertEqual(try errors(db("t.sqlite")), [:], "a file imported later leaves the failures")
    }

    func testAHangingFileTimesOutAlone() throws {
        let bad = names[1]
        let r = try Harness.vanban(["ingest", plans.path, "--db", db("h.sqlite"), "--quiet", "--file-timeout", "2"],
                                   environment: ["VANBAN_WORKER_FAULT": "hang:" + bad])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "imported 4, unchanged 0, replaced 0, failed 1\n")
        XCTAssertEqual(try errors(db("h.sqlite")), [
            plans.appendingPathComponent(bad).path:
                "the parser took longer than 2 s on this file and was stopped: raise --file-timeout if the file is genuine, else please report it with the file",
        ])
    }

    func testRunawayMemoryIsStoppedAtTheLimit() throws {
        let bad = names[2]
        let r = try Harness.vanban(["ingest", plans.path, "--db", db("m.sqlite"), "--quiet", "--file-memory", "300"],
                                   environment: ["VANBAN_WORKER_FAULT": "memory:" + bad])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "imported 4, unchanged 0, replaced 0, failed 1\n")
        XCTAssertEqual(try errors(db("m.sqlite")), [
            plans.appendingPathComponent(bad).path:
                "the parser used more than 300 MB on this file and was stopped: raise --file-memory if the file is genuine, else please report it with the file",
        ])
    }

    /// Workers answer what the parser answers in this process: the same index content.
    func testIsolatedImportEqualsInProcessImport() throws {
        let a = try Harness.vanban(["ingest", plans.path, "--db", db("a.sqlite"), "--quiet"])
        let b = try Harness.vanban(["ingest", plans.path, "--db", db("b.sqlite"), "--quiet", "--in-process"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(b.status, 0, b.stderr)
        for args in [["export"], ["query", "tasks", "--agency", "Sở GDĐT", "--format", "jsonl"], ["query", "agencies", "--format", "csv"]] {
            let x = try Harness.vanban(args + ["--db", db("a.sqlite")]), y = try Harness.vanban(args + ["--db", db("b.sqlite")])
            XCTAssertFalse(x.stdout.isEmpty, args.joined(separator: " "))
            XCTAssertTrue(x.stdout == y.stdout, "\(args.joined(separator: " ")) differs between worker and in-process parsing")
        }
    }

    func testIsolationOptionsAreValidated() throws {
        let r = try Harness.vanban(["ingest", plans.path, "--db", db("v.sqlite"), "--file-timeout", "0"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("--file-timeout must be a positive number of seconds"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db("v.sqlite")), "nothing created on a usage error")
    }
}
