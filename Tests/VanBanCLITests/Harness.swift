import Foundation
import XCTest

/// Paths and process helpers shared by the CLI-level tests.
enum Harness {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Corpus")
    static var binary: URL { Bundle.main.bundleURL.appendingPathComponent("vanban") }

    static func corpusTexts() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs a program to completion with optional standard input.
    static func run(_ exe: URL, _ args: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func vanban(_ args: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        try run(binary, args, stdin: stdin, environment: environment)
    }

    /// Starts `vanban serve --port 0 ARGS` and waits for its `listening on http://...` line.
    /// Returns the process and the base URL; `stderr` defaults to /dev/null.
    static func startServer(_ args: [String], environment: [String: String] = [:], stderr: FileHandle? = nil) throws -> (Process, String) {
        let p = Process()
        p.executableURL = binary
        p.arguments = ["serve", "--port", "0"] + args
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = stderr ?? FileHandle.nullDevice
        try p.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let r = text.range(of: "http://") else {
            p.terminate(); p.waitUntilExit()
            throw HarnessError("no address printed: \(text)")
        }
        return (p, text[r.lowerBound...].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    struct HarnessError: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    /// An HTTP answer; `record` is the JSON line `tools/validate_openapi.py` checks.
    struct Reply { var status: Int; var contentType: String; var headers: String; var body: String; var record: String }

    /// One request with curl (`token` as a bearer token, `upload` as the body).
    static func http(_ method: String, _ base: String, _ path: String, token: String? = nil, upload: URL? = nil) throws -> Reply {
        var args = ["-s", "-S", "-X", method, "-D", "-", "--max-time", "30", base + path]
        if let token { args += ["-H", "Authorization: Bearer " + token] }
        if let upload { args += ["--data-binary", "@" + upload.path, "-H", "Content-Type: application/octet-stream"] }
        let r = try run(URL(fileURLWithPath: "/usr/bin/env"), ["curl"] + args)
        guard r.status == 0 else { throw HarnessError("curl failed: \(r.stderr)") }
        let parts = r.stdout.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? "", body = parts.dropFirst().joined(separator: "\r\n\r\n")
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        let ctype = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-type:") }
            .map { String($0.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
        let record: [String: Any] = ["method": method, "path": path, "status": status, "contentType": ctype, "body": body]
        return Reply(status: status, contentType: ctype, headers: head, body: body,
                     record: String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self))
    }

    static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// Validates every JSON file in `dir` against the contract schema (Python's jsonschema).
    static func validateSchema(_ dir: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", root.appendingPathComponent("tools/validate_schema.py").path, dir.path])
        XCTAssertEqual(r.status, 0, "schema validation failed:\n\(r.stdout)\(r.stderr)", file: file, line: line)
    }

    /// A readable diff: the first lines where two texts part.
    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(a.count, b.count) where out.count < 24 {
            let x = i < a.count ? String(a[i]) : "<none>", y = i < b.count ? String(b[i]) : "<none>"
            if x != y { out.append("line \(i + 1):\n  - \(x)\n  + \(y)") }
        }
        return out.joined(separator: "\n")
    }
}
