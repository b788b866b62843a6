import Foundation
import VanBanServer
import XCTest

/// `vanban serve` end to end: the real binary on loopback, every route called with curl,
/// bad requests answered with problem+json, every response checked against Schemas/openapi.yaml.
final class ServerTests: XCTestCase {
    var dir: URL!
    var server: Process?
    var base = ""
    var recorded: [String] = []

    override func setUpWithError() throws {
        dir = try Harness.tempDir()
        let db = dir.appendingPathComponent("s.sqlite").path
        let r = try Harness.vanban(["ingest", "--db", db, "--quiet"] + (try Harness.corpusTexts().map(\.path)))
        XCTAssertEqual(r.status, 0, r.stderr)
        try start(["--db", db, "--max-upload-size", "200000"])
    }

    override func tearDownWithError() throws {
        if let s = server, s.isRunning { s.terminate(); s.waitUntilExit() }
        try? FileManager.default.removeItem(at: dir)
    }

    func start(_ args: [String], environment: [String: String] = [:]) throws {
        (server, base) = try Harness.startServer(args, environment: environment)
    }

    typealias Reply = Harness.Reply

    /// One request with curl; the response is recorded for the OpenAPI check.
    @discardableResult
    func call(_ method: String, _ path: String, upload: URL? = nil) throws -> Reply {
        let r = try Harness.http(method, base, path, upload: upload)
        recorded.append(r.record)
        return r
    }

    func json(_ r: Reply) throws -> Any { try JSONSerialization.jsonObject(with: Data(r.body.utf8)) }

    func assertProblem(_ r: Reply, _ status: Int, mentions: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(r.status, status, r.body, file: file, line: line)
        XCTAssertEqual(r.contentType, "application/problem+json", file: file, line: line)
        let p = try json(r) as? [String: Any]
        XCTAssertEqual(p?["status"] as? Int, status, file: file, line: line)
        XCTAssertTrue((p?["detail"] as? String ?? "").contains(mentions), r.body, file: file, line: line)
        XCTAssertFalse(r.body.contains(".swift"), "no internals in responses", file: file, line: line)
    }

    func testEveryRouteAndBadRequestsAgainstTheDescription() throws {
        XCTAssertEqual(try call("GET", "/health").status, 200)
        let yaml = try call("GET", "/openapi.yaml")
        XCTAssertEqual(yaml.body, try String(contentsOf: Harness.root.appendingPathComponent("Schemas/openapi.yaml"), encoding: .utf8))
        XCTAssertEqual(try call("GET", "/vanban-document.schema.json").status, 200)

        // Pagination: two pages of 3 and 2, no overlap, same as one page of 5.
        let first = try json(try call("GET", "/documents?limit=3")) as! [String: Any]
        let cursor = try XCTUnwrap(first["nextCursor"] as? String)
        let second = try json(try call("GET", "/documents?limit=3&cursor=\(cursor)")) as! [String: Any]
        XCTAssertTrue(second["nextCursor"] is NSNull)
        let all = try json(try call("GET", "/documents")) as! [String: Any]
        let names = { (page: [String: Any]) in (page["items"] as! [[String: Any]]).map { $0["name"] as! String } }
        XCTAssertEqual(names(first) + names(second), names(all))
        XCTAssertEqual(names(all).count, 5)
        XCTAssertEqual((try json(try call("GET", "/documents?type=QĐ".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)) as! [String: Any])["items"].map { ($0 as! [Any]).count }, 1)

        let doc = try json(try call("GET", "/documents/322%2FKH-UBND")) as? [String: Any]
        XCTAssertEqual(doc?["number"] as? String, "322/KH-UBND")
        let tasks = try json(try call("GET", "/tasks?agency=S%E1%BB%9F%20GD%C4%90T")) as! [String: Any]
        let taskItems = tasks["items"] as! [[String: Any]]
        XCTAssertEqual(taskItems.count, 17)
        XCTAssertTrue(tasks["nextCursor"] is NSNull)
        XCTAssertTrue(taskItems.allSatisfy { $0["agency"] as? String == "Sở Giáo dục và Đào tạo" })
        // The same 17 in pages of 10 and 7.
        let p1 = try json(try call("GET", "/tasks?agency=so%20gddt&limit=10")) as! [String: Any]
        let p2 = try json(try call("GET", "/tasks?agency=so%20gddt&limit=10&cursor=\(p1["nextCursor"] as! String)")) as! [String: Any]
        let texts = { (page: [String: Any]) in (page["items"] as! [[String: Any]]).map { $0["text"] as! String } }
        XCTAssertEqual(texts(p1) + texts(p2), taskItems.map { $0["text"] as! String })
        let support = try json(try call("GET", "/tasks?agency=H%E1%BB%99i%20Khuy%E1%BA%BFn%20h%E1%BB%8Dc%20t%E1%BB%89nh&role=support")) as! [String: Any]
        XCTAssertFalse((support["items"] as! [Any]).isEmpty)
        XCTAssertFalse((try json(try call("GET", "/agencies")) as! [Any]).isEmpty)
        let citing = try json(try call("GET", "/citations?cites=1373%2FQ%C4%90-TTg")) as! [[String: Any]]
        XCTAssertEqual(citing.map { $0["document"] as! String }.sorted(), ["148/QĐ-UBND", "322/KH-UBND", "lam-dong-bcd-xhht-2024.txt"])
        XCTAssertFalse((try json(try call("GET", "/citations?of=322%2FKH-UBND")) as! [Any]).isEmpty)
        XCTAssertEqual(try call("GET", "/deadlines?before=2030-12-31&after=2020-01-01").status, 200)
        XCTAssertEqual(try call("GET", "/targets?year=2025").status, 200)
        XCTAssertEqual(try call("GET", "/targets?indicator=n%C4%83ng%20l%E1%BB%B1c&unit=%25").status, 200)
        let hits = try json(try call("GET", "/search?q=so%20giao%20duc&limit=3")) as! [[String: Any]]
        XCTAssertEqual(hits.count, 3)

        // Upload: stored and readable where Location says.
        let upload = try call("POST", "/documents?name=pm.docx", upload: Harness.corpus.appendingPathComponent("formats/phu-my-322-kh-ubnd-2024.docx"))
        XCTAssertEqual(upload.status, 201, upload.body)
        XCTAssertEqual((try json(upload) as? [String: Any])?["number"] as? String, "322/KH-UBND")
        let location = try XCTUnwrap(upload.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location:") }?
            .dropFirst("location:".count).trimmingCharacters(in: .whitespaces))
        XCTAssertEqual(try call("GET", location).status, 200)
        // A PDF is read like any other upload; an encrypted one is refused with the reason.
        let pdf = try call("POST", "/documents?name=xt.pdf", upload: Harness.corpus.appendingPathComponent("pdf/xuan-truong-57-kh-ubnd-2025.pdf"))
        XCTAssertEqual(pdf.status, 201, pdf.body)
        XCTAssertEqual(((try json(pdf) as? [String: Any])?["source"] as? [String: Any])?["format"] as? String, "pdf")
        let locked = try call("POST", "/documents?name=locked.pdf", upload: Harness.corpus.appendingPathComponent("pdf/encrypted.pdf"))
        XCTAssertEqual(locked.status, 422, locked.body)
        XCTAssertTrue(locked.body.contains("ask the issuer for an unprotected copy"), locked.body)
        // The same bytes as a stored plan, uploaded under another name: that document (200), not a second one.
        let before = (try json(try call("GET", "/documents?limit=1000")) as! [String: Any])["items"] as! [Any]
        let again = try call("POST", "/documents?name=ttg.txt", upload: Harness.corpus.appendingPathComponent("phu-my-322-kh-ubnd-2024.txt"))
        XCTAssertEqual(again.status, 200, again.body)
        XCTAssertEqual((try json(again) as? [String: Any])?["number"] as? String, "322/KH-UBND")
        let againAt = try XCTUnwrap(again.headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location:") }?
            .dropFirst("location:".count).trimmingCharacters(in: .whitespaces))
        XCTAssertTrue(againAt.hasSuffix("phu-my-322-kh-ubnd-2024.txt"), againAt)
        XCTAssertEqual(((try json(try call("GET", "/documents?limit=1000")) as! [String: Any])["items"] as! [Any]).count, before.count)
        // A portal page and a legacy-encoded text are read like the command line reads them.
        for (file, format, encoding) in [("kien-giang-144-kh-ubnd-2020.html", "html", "utf-8"),
                                         ("lam-dong-bcd-xhht-2024.tcvn3.txt", "text", "tcvn3")] {
            let reply = try call("POST", "/documents?name=" + file, upload: Harness.corpus.appendingPathComponent("formats/" + file))
            XCTAssertEqual(reply.status, 201, reply.body)
            let source = (try json(reply) as? [String: Any])?["source"] as? [String: Any]
            XCTAssertEqual(source?["format"] as? String, format, file)
            XCTAssertEqual(source?["encoding"] as? String, encoding, file)
        }

        // Bad requests.
        try assertProblem(try call("GET", "/documents/9999"), 404, mentions: "no document '9999'")
        try assertProblem(try call("GET", "/no-such-route"), 404, mentions: "no such route")
        try assertProblem(try call("GET", "/deadlines"), 400, mentions: "missing query parameter 'before'")
        try assertProblem(try call("GET", "/deadlines?before=tomorrow"), 400, mentions: "YYYY-MM-DD")
        try assertProblem(try call("GET", "/deadlines?before=2025-13-45"), 400, mentions: "'2025-13-45' is not a date; write it as YYYY-MM-DD")
        try assertProblem(try call("GET", "/deadlines?before=2025-12-31&after=2025-02-30"), 400, mentions: "'2025-02-30' is not a date")
        try assertProblem(try call("GET", "/documents?since=2025-13-01"), 400, mentions: "'2025-13-01' is not a date")
        try assertProblem(try call("GET", "/targets?year=abc"), 400, mentions: "'year'")
        try assertProblem(try call("GET", "/tasks"), 400, mentions: "'agency'")
        try assertProblem(try call("GET", "/tasks?agency=x&role=boss"), 400, mentions: "lead or support")
        try assertProblem(try call("GET", "/documents?limit=0"), 400, mentions: "'limit'")
        try assertProblem(try call("GET", "/documents?cursor=garbage!"), 400, mentions: "'cursor'")
        try assertProblem(try call("GET", "/citations"), 400, mentions: "'cites'")
        try assertProblem(try call("GET", "/citations?of=nothing-like-it"), 404, mentions: "nothing-like-it")
        try assertProblem(try call("GET", "/search"), 400, mentions: "'q'")
        let big = dir.appendingPathComponent("big.txt")
        try Data(repeating: 0x41, count: 300_000).write(to: big)
        try assertProblem(try call("POST", "/documents?name=big.txt", upload: big), 413, mentions: "200000-byte limit")
        let binary = dir.appendingPathComponent("x.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]).write(to: binary)
        try assertProblem(try call("POST", "/documents?name=x.png", upload: binary), 422, mentions: "binary")
        let bomb = dir.appendingPathComponent("escape.docx")
        try Data(try Data(contentsOf: Harness.corpus.appendingPathComponent("formats/tay-ninh-svhttdl-2024.docx"))).write(to: bomb)
        try assertProblem(try call("POST", "/documents?name=..%2Fx.docx", upload: bomb), 400, mentions: "plain file name")
        XCTAssertEqual(try call("GET", "/health").status, 200, "the server survives bad requests")

        // Every route the server has is described, and every response matches the description.
        let routes = dir.appendingPathComponent("routes.txt"), responses = dir.appendingPathComponent("responses.jsonl")
        try APIServer.routes.map { "\($0.method) \($0.path)" }.joined(separator: "\n").write(to: routes, atomically: true, encoding: .utf8)
        try recorded.joined(separator: "\n").write(to: responses, atomically: true, encoding: .utf8)
        let v = try Harness.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", Harness.root.appendingPathComponent("tools/validate_openapi.py").path,
                                                                       Harness.root.appendingPathComponent("Schemas/openapi.yaml").path, routes.path, responses.path])
        XCTAssertEqual(v.status, 0, v.stdout + v.stderr)
    }

    func testEmbeddedSchemasAreTheFilesInSchemas() throws {
        XCTAssertEqual(EmbeddedSchemas.openAPI, try String(contentsOf: Harness.root.appendingPathComponent("Schemas/openapi.yaml"), encoding: .utf8),
                       "run python3 tools/embed_schemas.py")
        XCTAssertEqual(EmbeddedSchemas.documentSchema,
                       try String(contentsOf: Harness.root.appendingPathComponent("Schemas/vanban-document.schema.json"), encoding: .utf8),
                       "run python3 tools/embed_schemas.py")
    }

    /// An upload that makes the parser trap or hang fails alone: a problem that says so,
    /// the failure in 'query errors', the server and the next upload unharmed.
    func testAnUploadThatStopsTheParserFailsAlone() throws {
        if let s = server, s.isRunning { s.terminate(); s.waitUntilExit() }
        let db = dir.appendingPathComponent("s.sqlite").path
        try start(["--db", db, "--file-timeout", "2"], environment: ["VANBAN_WORKER_FAULT": "trap:trap.txt"])
        // Bytes not stored yet (the stored ones would be answered without parsing).
        let plan = dir.appendingPathComponent("plan.txt")
        try (try Data(contentsOf: Harness.corpus.appendingPathComponent("phu-my-322-kh-ubnd-2024.txt")) + Data("\n".utf8)).write(to: plan)
        let trapped = try call("POST", "/documents?name=trap.txt", upload: plan)
        try assertProblem(trapped, 422, mentions: "trap.txt: the parser stopped on this file (signal 4): please report it with the file")
        XCTAssertEqual(try call("GET", "/health").status, 200, "the server survives")
        let good = try call("POST", "/documents?name=good.txt", upload: plan)
        XCTAssertEqual(good.status, 201, good.body)

        if let s = server, s.isRunning { s.terminate(); s.waitUntilExit() }
        try start(["--db", db, "--file-timeout", "2"], environment: ["VANBAN_WORKER_FAULT": "hang:slow.txt"])
        let other = dir.appendingPathComponent("other.txt")
        try (try Data(contentsOf: plan) + Data("\n".utf8)).write(to: other)
        let slow = try call("POST", "/documents?name=slow.txt", upload: other)
        try assertProblem(slow, 422, mentions: "slow.txt: the parser took longer than 2 s on this file and was stopped")
        XCTAssertEqual(try call("GET", "/health").status, 200)

        let errors = try Harness.vanban(["query", "errors", "--format", "jsonl", "--db", db])
        let rows = try errors.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(rows.map { ($0["path"] as! String).split(separator: "/").last.map(String.init) ?? "" }.sorted(), ["slow.txt", "trap.txt"])
        XCTAssertTrue(rows.allSatisfy { ($0["reason"] as! String).hasPrefix("the parser") })
    }

    func testSIGTERMStopsGracefully() throws {
        let s = try XCTUnwrap(server)
        XCTAssertEqual(try call("GET", "/health").status, 200)
        s.terminate()  // SIGTERM
        let deadline = Date().addingTimeInterval(10)
        while s.isRunning && Date() < deadline { usleep(50_000) }
        XCTAssertFalse(s.isRunning, "still running 10 s after SIGTERM")
        XCTAssertEqual(s.terminationStatus, 0)
    }
}
