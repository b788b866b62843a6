import Foundation
import VanBanExtract
import VanBanFormats
import VanBanIngest
import VanBanJSON
import VanBanModel
import VanBanStore
import XCTest

/// The DOCX, HTML and legacy-encoding versions of each corpus plan
/// (tools/make_fixtures.py) give the same contract as the plain text.
final class CorpusFormatsTests: XCTestCase {
    /// The contract without `source` and `warnings`, as JSON.
    func contract(_ doc: Document) throws -> String {
        var d = doc
        d.source = Source(name: "", sha256: "", format: "", encoding: "")
        d.warnings = []
        return String(decoding: try ContractJSON.encode(d, pretty: true), as: UTF8.self)
    }

    /// TCVN3 and VISCII cannot hold curly quotes, dashes or the middle dot: the fixtures carry
    /// them transliterated (as iconv does, and as old files did), so the plain text is compared so.
    func transliterated(_ bytes: [UInt8]) -> [UInt8] {
        var s = String(decoding: bytes, as: UTF8.self)
        for (a, b) in [("“", "\""), ("”", "\""), ("–", "-"), ("·", ".")] { s = s.replacingOccurrences(of: a, with: b) }
        return Array(s.utf8)
    }

    func testEveryFormatGivesTheSameContract() throws {
        XCTAssertEqual(Fixtures.planStems.count, 5)
        for stem in Fixtures.planStems {
            let text = try Fixtures.bytes(Fixtures.corpus.appendingPathComponent(stem + ".txt"))
            let plain = try DocumentPipeline.read(bytes: text, name: stem)
            let plainTransliterated = try DocumentPipeline.read(bytes: transliterated(text), name: stem)
            XCTAssertEqual(plain.source.format, "text")
            let cases: [(file: String, format: String, encoding: String)] = [
                (stem + ".docx", "docx", "utf-8"), (stem + ".html", "html", "utf-8"),
                (stem + ".tcvn3.txt", "text", "tcvn3"), (stem + ".vni.txt", "text", "vni"),
                (stem + ".viscii.txt", "text", "viscii"), (stem + ".windows-1258.txt", "text", "windows-1258"),
            ]
            for c in cases {
                let doc = try DocumentPipeline.read(bytes: Fixtures.bytes(Fixtures.formats.appendingPathComponent(c.file)), name: c.file)
                XCTAssertEqual(doc.source.format, c.format, c.file)
                XCTAssertEqual(doc.source.encoding, c.encoding, c.file)
                XCTAssertFalse(doc.warnings.contains { $0.code == .unknownEncoding || $0.code == .invalidBytes }, c.file)
                let lossy = c.encoding == "tcvn3" || c.encoding == "viscii"
                XCTAssertEqual(try contract(doc), try contract(lossy ? plainTransliterated : plain), c.file)
            }
        }
    }

    func testIngestAFolderMixingAllFormatsWithHostileFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-formats-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let inbox = dir.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        var good = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: Fixtures.formats.path) {
            try FileManager.default.copyItem(at: Fixtures.formats.appendingPathComponent(file), to: inbox.appendingPathComponent(file))
            good += 1
        }
        XCTAssertEqual(good, 30)
        let hostile: [(String, [UInt8])] = [
            ("escape.docx", try Fixtures.docx(body: Fixtures.p("x"), extra: [("../../evil.sh", Array("x".utf8))])),
            ("xxe.docx", try Fixtures.zip([("word/document.xml", Array(#"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"#.utf8))])),
            ("fake.docx", Array("this is not a zip".utf8)),
            ("old.doc.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]),
            ("picture.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]),
            ("empty.html", []),
        ]
        for (name, bytes) in hostile { try Data(bytes).write(to: inbox.appendingPathComponent(name)) }
        let store = try SQLiteStore(path: dir.appendingPathComponent("t.sqlite").path)
        let summary = try Ingestor(store: store).run([inbox.path])
        XCTAssertEqual(summary, Ingestor.Summary(imported: 30, unchanged: 0, replaced: 0, failed: hostile.count))
        let errors = try store.failures()
        XCTAssertEqual(Set(errors.map { ($0.path as NSString).lastPathComponent }), Set(hostile.map(\.0)))
        XCTAssertTrue(errors.allSatisfy { !$0.reason.isEmpty && !$0.reason.contains("\n") })
        let docs = try store.documents(DocumentQuery())
        XCTAssertEqual(docs.count, 30)
        // Each plan six times, once per format, all with the same number.
        XCTAssertEqual(docs.filter { $0.number == "322/KH-UBND" }.count, 6)
    }
}
