import Foundation
import VanBanServer
import XCTest

/// Who may read and write over HTTP: every route with no token, a read token, a
/// write token and a wrong one, on the real binary over loopback.
final class AccessTests: XCTestCase {
    var dir: URL!
    var db: String { dir.appendingPathComponent("a.sqlite").path }
    var server: Process?
    var serverLog: URL { dir.appendingPathComponent("server.log") }
    var base = ""
    var recorded: [String] = []

    // Made up for the test: long random-looking strings, as an office would generate.
    let writeToken = "w7Kq2dX9pL4mZ8rT1vB6nC3sF5gH0jYe"
    let readToken = "r9Jt4cW2qN7xM1kP8zV5bL3hD6fG0sAu"

    override func setUpWithError() throws {
        dir = try Harness.tempDir()
        let r = try Harness.vanban(["ingest", "--db", db, "--quiet", "--in-process"] + (try Harness.corpusTexts().map(\.path)))
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    override func tearDownWithError() throws {
        stop()
        try? FileManager.default.removeItem(at: dir)
    }

    func stop() { if let s = server, s.isRunning { s.terminate(); s.waitUntilExit() } }

    func start(_ args: [String], environment: [String: String] = [:]) throws {
        stop()
        FileManager.default.createFile(atPath: serverLog.path, contents: nil)
        // Tokens only as each test gives them.
        var env = environment
        if env["VANBAN_TOKENS"] == nil { env["VANBAN_TOKENS"] = "" }
        (server, base) = try Harness.startServer(["--db", db] + args, environment: env, stderr: try FileHandle(forWritingTo: serverLog))
    }

    typealias Reply = Harness.Reply

    func call(_ method: String, _ path: String, token: String?, upload: URL? = nil) throws -> Reply {
        let r = try Harness.http(method, base, path, token: token, upload: upload)
        recorded.append(r.record)
        return r
    }

    /// Every route of the server, as a request that succeeds when allowed.
    var readRoutes: [String] {
        ["/documents", "/documents/322%2FKH-UBND", "/tasks?agency=S%E1%BB%9F%20GD%C4%90T", "/agencies", "/implementers?of=322%2FKH-UBND",
         "/citations?cites=1373%2FQ%C4%90-TTg", "/deadlines?before=2030-12-31", "/targets?year=2025", "/search?q=giao%20duc"]
    }
    let openRoutes = ["/health", "/openapi.yaml", "/vanban-document.schema.json"]

    func documentCount() throws -> Int {
        try Harness.vanban(["query", "documents", "--format", "jsonl", "--db", db]).stdout.split(separator: "\n").count
    }

    func uploadFile(_ k: Int) throws -> URL {
        let url = dir.appendingPathComponent("upload\(k).txt")
        try (try Data(contentsOf: Harness.corpus.appendingPathComponent("tay-ninh-svhttdl-2024.txt")) + Data(String(repeating: "\n", count: k).utf8))
            .write(to: url)
        return url
    }

    func assertUnauthorized(_ r: Reply, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 401, what, file: file, line: line)
        XCTAssertTrue(r.headers.lowercased().contains("www-authenticate: bearer"), what + "\n" + r.headers, file: file, line: line)
        XCTAssertTrue(r.headers.lowercased().contains("content-type: application/problem+json"), what, file: file, line: line)
    }

    func testEveryRouteWithEachKindOfToken() throws {
        let tokenFile = dir.appendingPathComponent("tokens")
        try """
        # Phòng Kế hoạch: imports plans
        \(writeToken) write
        # district staff: read only
        \(readToken):read   # trailing comment
        """.write(to: tokenFile, atomically: true, encoding: .utf8)
        try start(["--token-file", tokenFile.path, "--host", "0.0.0.0"])
        let wrong = "x" + String(writeToken.dropFirst())

        XCTAssertEqual(Set(APIServer.routes.map(\.path)).count, openRoutes.count + 8 + 1,
                       "a new route needs its access checked here")
        for path in openRoutes {
            for token in [nil, readToken, writeToken, wrong] {
                XCTAssertEqual(try call("GET", path, token: token).status, 200, "\(path) is open")
            }
        }
        for path in readRoutes {
            assertUnauthorized(try call("GET", path, token: nil), "\(path) without a token")
            XCTAssertEqual(try call("GET", path, token: readToken).status, 200, "\(path) with the read token")
            XCTAssertEqual(try call("GET", path, token: writeToken).status, 200, "\(path) with the write token")
            assertUnauthorized(try call("GET", path, token: wrong), "\(path) with a wrong token")
        }
        let before = try documentCount()
        assertUnauthorized(try call("POST", "/documents?name=a.txt", token: nil, upload: try uploadFile(1)), "upload without a token")
        assertUnauthorized(try call("POST", "/documents?name=b.txt", token: wrong, upload: try uploadFile(2)), "upload with a wrong token")
        let forbidden = try call("POST", "/documents?name=c.txt", token: readToken, upload: try uploadFile(3))
        XCTAssertEqual(forbidden.status, 403, forbidden.body)
        XCTAssertTrue(forbidden.body.contains("a read token cannot upload"))
        XCTAssertEqual(try documentCount(), before, "nothing stored by a refused upload")
        XCTAssertEqual(try Harness.vanban(["query", "errors", "--format", "jsonl", "--db", db]).stdout, "", "nor recorded as failed")
        XCTAssertEqual(try call("POST", "/documents?name=d.txt", token: writeToken, upload: try uploadFile(4)).status, 201)
        XCTAssertEqual(try documentCount(), before + 1)
        // Malformed headers are refused the same way.
        assertUnauthorized(try call("GET", "/agencies", token: ""), "an empty bearer")
        stop()
        let log = try String(contentsOf: serverLog, encoding: .utf8)
        XCTAssertTrue(log.contains("GET /agencies 401"), "requests are still logged")
        for t in [writeToken, readToken, wrong] { XCTAssertFalse(log.contains(t), "a token in the log") }

        // Every answer, 401 and 403 included, is as the description says.
        let routes = dir.appendingPathComponent("routes.txt"), responses = dir.appendingPathComponent("responses.jsonl")
        try APIServer.routes.map { "\($0.method) \($0.path)" }.joined(separator: "\n").write(to: routes, atomically: true, encoding: .utf8)
        try recorded.joined(separator: "\n").write(to: responses, atomically: true, encoding: .utf8)
        let v = try Harness.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", Harness.root.appendingPathComponent("tools/validate_openapi.py").path,
                                                                       Harness.root.appendingPathComponent("Schemas/openapi.yaml").path, routes.path, responses.path])
        XCTAssertEqual(v.status, 0, v.stdout + v.stderr)
    }

    /// With write tokens only, reading stays open; uploads still need a write token.
    func testWriteTokensOnlyLeaveReadingOpen() throws {
        try start([], environment: ["VANBAN_TOKENS": "\(writeToken):write"])
        for path in readRoutes { XCTAssertEqual(try call("GET", path, token: nil).status, 200, path) }
        assertUnauthorized(try call("GET", "/agencies", token: "not-a-token-of-ours-at-all"), "a wrong token is still refused")
        assertUnauthorized(try call("POST", "/documents?name=a.txt", token: nil, upload: try uploadFile(1)), "upload without a token")
        XCTAssertEqual(try call("POST", "/documents?name=a.txt", token: writeToken, upload: try uploadFile(1)).status, 201)
    }

    func testNoTokenMeansLoopbackOnlyUnlessAllowedOpen() throws {
        let refused = try Harness.vanban(["serve", "--db", db, "--port", "0", "--host", "0.0.0.0"], environment: ["VANBAN_TOKENS": ""])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.hasPrefix("vanban: refusing to listen on 0.0.0.0 with no token"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--allow-open"))
        try start(["--host", "0.0.0.0", "--allow-open"])
        XCTAssertEqual(try call("GET", "/agencies", token: nil).status, 200)
        stop()
        XCTAssertTrue(try String(contentsOf: serverLog, encoding: .utf8).contains("with no token (--allow-open)"), "a warning at start")
        // Loopback needs nothing.
        try start([])
        XCTAssertEqual(try call("GET", "/agencies", token: nil).status, 200)
    }

    func testBadTokenFilesAreClearErrors() throws {
        let file = dir.appendingPathComponent("tokens")
        for (text, message) in [("\(writeToken) write\nshort read\n", "entry 2: the token is shorter than 16 characters"),
                                ("\(writeToken) admin\n", "entry 1: the role is 'read' or 'write', not 'admin'"),
                                ("\(writeToken)\n", "entry 1: write a token and its role")] {
            try text.write(to: file, atomically: true, encoding: .utf8)
            let r = try Harness.vanban(["serve", "--db", db, "--port", "0", "--token-file", file.path])
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.stderr.hasPrefix("vanban: \(file.path), \(message)"), r.stderr)
            XCTAssertFalse(r.stderr.contains(writeToken), "the token is never repeated")
        }
        let missing = try Harness.vanban(["serve", "--db", db, "--port", "0", "--token-file", "/nonexistent/tokens"])
        XCTAssertEqual(missing.stderr, "vanban: /nonexistent/tokens: cannot read the token file; check the path and its permissions\n")
    }
}
