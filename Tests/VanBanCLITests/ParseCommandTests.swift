import Foundation
import XCTest

/// `vanban parse` as a user runs it: exit status, exact error lines, output shapes.
final class ParseCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try Harness.tempDir() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let u = dir.appendingPathComponent(name)
        try Data(bytes).write(to: u)
        return u.path
    }

    func testOneFilePrintsOneObject() throws {
        let plan = Harness.corpus.appendingPathComponent("phu-my-322-kh-ubnd-2024.txt").path
        let r = try Harness.vanban(["parse", plan])
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(obj?["number"] as? String, "322/KH-UBND")
        XCTAssertTrue(r.stdout.contains("\"322/KH-UBND\""), "slashes are not escaped")
    }

    func testSeveralFilesPrintJSONLinesAndOutWritesFiles() throws {
        let files = try Harness.corpusTexts().map(\.path)
        let r = try Harness.vanban(["parse"] + files)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, files.count)
        for l in lines { XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any]) }
        let out = dir.appendingPathComponent("out")
        let w = try Harness.vanban(["parse", "--out", out.path, "--pretty"] + files)
        XCTAssertEqual(w.status, 0, w.stderr)
        XCTAssertEqual(w.stdout, "")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(written, try Harness.corpusTexts().map { $0.deletingPathExtension().lastPathComponent + ".json" })
        try Harness.validateSchema(out)
    }

    func testStandardInput() throws {
        let r = try Harness.vanban(["parse", "-"], stdin: Data("Số: 7/KH-UBND\nKẾ HOẠCH\nThử\n".utf8))
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("\"name\":\"stdin\""))
        XCTAssertTrue(r.stdout.contains("\"number\":\"7/KH-UBND\""))
    }

    func testUnreadableFilesGiveOneLineErrorsAndStatusOne() throws {
        let binary = try write("scan.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        let good = try write("good.txt", Array("KẾ HOẠCH\nThử\n".utf8))
        let missing = dir.appendingPathComponent("missing.txt").path
        let r = try Harness.vanban(["parse", binary, good, missing, dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 1, "the good file is still printed")
        XCTAssertEqual(r.stderr.split(separator: "\n").map(String.init), [
            "vanban: \(binary): not a text document (binary data); convert it to text, HTML or DOCX first",
            "vanban: \(missing): no such file; check the path",
            "vanban: \(dir.path): is a directory; pass the files inside it (or use 'vanban ingest' for folders)",
        ])
    }

    func testSizeLimit() throws {
        let f = try write("big.txt", Array(repeating: 0x61, count: 2000))
        let r = try Harness.vanban(["parse", "--max-size", "1000", f])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "vanban: \(f): file is 2000 bytes, over the 1000-byte limit; raise it with --max-size if the file is genuine\n")
    }

    /// Edge inputs never crash: each gives output with warnings (or a one-line error, above).
    func testEdgeInputsGiveOutputWithWarnings() throws {
        let out = dir.appendingPathComponent("edge")
        var cases: [(String, [UInt8], String)] = [
            ("empty.txt", [], "empty-input"),
            ("invalid-utf8.txt", Array("KẾ HOẠCH\nThử ".utf8) + [0xC3, 0x28, 0xFF] + Array("\nI. MỤC ĐÍCH\n".utf8), "invalid-bytes"),
            ("no-header.txt", Array("1. Sở Tài chính bố trí kinh phí.\n2. Sở Nội vụ tổng hợp.\n".utf8), "no-header"),
            ("no-recipients.txt", Array("Số: 2/KH-UBND\nKẾ HOẠCH\nThử\nI. NỘI DUNG\nLàm.\n".utf8), "no-recipients"),
        ]
        // A 5 MB plan: the corpus repeated.
        let seed = [UInt8](try Data(contentsOf: Harness.corpus.appendingPathComponent("lam-dong-bcd-xhht-2024.txt")))
        var big: [UInt8] = []
        while big.count < 5 * 1024 * 1024 { big += seed }
        cases.append(("five-megabytes.txt", big, "blank-number"))
        var paths: [String] = []
        for (name, bytes, _) in cases { paths.append(try write(name, bytes)) }
        let r = try Harness.vanban(["parse", "--out", out.path] + paths)
        XCTAssertEqual(r.status, 0, r.stderr)
        for (name, _, code) in cases {
            let json = try String(contentsOf: out.appendingPathComponent((name as NSString).deletingPathExtension + ".json"), encoding: .utf8)
            XCTAssertTrue(json.contains("\"code\":\"\(code)\""), "\(name) lacks warning \(code)")
        }
        try Harness.validateSchema(out)
    }

    func testHelpTextOnEveryOption() throws {
        let r = try Harness.vanban(["parse", "--help"])
        for option in ["--out <DIR>", "--pretty", "--max-size <BYTES>"] {
            XCTAssertTrue(r.stdout.contains(option), "help lacks \(option)")
        }
    }

    func testFormatsEncodingOverrideAndHostileArchivesFromTheCommandLine() throws {
        let formats = Harness.corpus.appendingPathComponent("formats")
        let docx = formats.appendingPathComponent("phu-my-322-kh-ubnd-2024.docx").path
        let html = formats.appendingPathComponent("phu-my-322-kh-ubnd-2024.html").path
        let vni = formats.appendingPathComponent("phu-my-322-kh-ubnd-2024.vni.txt").path
        let r = try Harness.vanban(["parse", docx, html, vni])
        XCTAssertEqual(r.status, 0, r.stderr)
        let sources = try r.stdout.split(separator: "\n").map { line -> [String: String] in
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            XCTAssertEqual(obj["number"] as? String, "322/KH-UBND")
            return obj["source"] as! [String: String]
        }
        XCTAssertEqual(sources.map { $0["format"]! }, ["docx", "html", "text"])
        XCTAssertEqual(sources.map { $0["encoding"]! }, ["utf-8", "utf-8", "vni"])
        // --encoding overrides detection (read as Windows-1258, the VNI bytes are not Vietnamese).
        let forced = try Harness.vanban(["parse", "--encoding", "windows-1258", vni])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let forcedDoc = try JSONSerialization.jsonObject(with: Data(forced.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((forcedDoc["source"] as? [String: String])?["encoding"], "windows-1258")
        XCTAssertNotEqual(forcedDoc["place"] as? String, "Phú Mỹ")
        let unknown = try Harness.vanban(["parse", "--encoding", "klingon", vni])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("unknown encoding 'klingon'"), unknown.stderr)
        // A DOCX over the decompression limit: one line naming the file and what to do.
        let small = try Harness.vanban(["parse", "--max-unzipped-size", "1000", docx])
        XCTAssertEqual(small.status, 1)
        XCTAssertEqual(small.stderr.split(separator: "\n").count, 1, small.stderr)
        XCTAssertTrue(small.stderr.hasPrefix("vanban: \(docx): not a readable DOCX: "), small.stderr)
        XCTAssertTrue(small.stderr.contains("--max-unzipped-size"), small.stderr)
    }
}
