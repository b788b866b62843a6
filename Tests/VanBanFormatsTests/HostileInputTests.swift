import Foundation
import VanBanFormats
import VanBanText
import XCTest

/// Every limit has its one-line error, and hostile markup never reaches the disk or the network.
final class HostileInputTests: XCTestCase {
    func error(_ bytes: [UInt8], name: String = "x.docx", options: ReadOptions = ReadOptions()) -> InputError? {
        do { _ = try DocumentReader.read(bytes: bytes, name: name, options: options); return nil } catch { return error }
    }

    func assertRefused(_ bytes: [UInt8], name: String = "x.docx", options: ReadOptions = ReadOptions(), mentions: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        guard let e = error(bytes, name: name, options: options) else { return XCTFail("accepted", file: file, line: line) }
        let message = e.description
        XCTAssertFalse(message.contains("\n"), "one line: \(message)", file: file, line: line)
        XCTAssertTrue(message.contains(mentions), message, file: file, line: line)
    }

    func testEntryNamesThatEscapeTheArchive() throws {
        for name in ["../../etc/cron.d/x", "/etc/passwd", "word/../../x.xml", "C:/Windows/x", "..\\x"] {
            let bytes = try Fixtures.docx(body: Fixtures.p("x"), extra: [(name, Array("x".utf8))])
            assertRefused(bytes, mentions: "escapes the archive")
        }
    }

    func testDecompressionBombOverTheDefaultLimit() throws {
        XCTAssertEqual(ReadOptions().maxUnzippedSize, 50 * 1024 * 1024)
        // 51 MB of spaces in document.xml compress to about 50 KB.
        let head = Array(#"<?xml version="1.0"?><w:document xmlns:w="\#(Fixtures.w)"><w:body>"#.utf8)
        let bomb = head + [UInt8](repeating: 0x20, count: 51 * 1024 * 1024) + Array("</w:body></w:document>".utf8)
        let bytes = try Fixtures.zip([("word/document.xml", bomb)])
        XCTAssertLessThan(bytes.count, 1_000_000)
        assertRefused(bytes, mentions: "over the 52428800-byte limit")
        // The limit is an option.
        XCTAssertNoThrow(try DocumentReader.read(bytes: bytes, name: "x.docx", options: ReadOptions(maxUnzippedSize: 60 * 1024 * 1024)))
    }

    func testSmallLimitCountsEveryPartRead() throws {
        let bytes = try Fixtures.docx(body: String(repeating: Fixtures.p("Kế hoạch"), count: 200))
        assertRefused(bytes, options: ReadOptions(maxUnzippedSize: 4096), mentions: "limit")
    }

    func testExternalEntitiesAndEntityBombsAreRefused() throws {
        let xxe = #"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="\#(Fixtures.w)"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#
        assertRefused(try Fixtures.zip([("word/document.xml", Array(xxe.utf8))]), mentions: "DTD")
        var laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
        for i in 1...9 { laughs += #"<!ENTITY lol\#(i) "\#(String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10))">"# }
        laughs += #"]><w:document xmlns:w="\#(Fixtures.w)"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#
        assertRefused(try Fixtures.zip([("word/document.xml", Array(laughs.utf8))]), mentions: "DTD")
        // HTML: the parser never loads or expands entities; the page is read, /etc/passwd is not.
        let page = #"<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>Kế hoạch &xxe; số 1</p></body></html>"#
        let read = try DocumentReader.read(bytes: Array(page.utf8), name: "x.html")
        XCTAssertFalse(read.text.contains("root:"))
        XCTAssertTrue(read.text.contains("Kế hoạch"))
    }

    func testNotAWordDocument() throws {
        assertRefused(Array("plain text, named .docx".utf8) + [0x50, 0x4B], name: "x.docx", mentions: "not a readable DOCX")
        assertRefused(try Fixtures.zip([("hello.txt", Array("hi".utf8))]), mentions: "no word/document.xml")
        assertRefused([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], mentions: "not a readable DOCX")
        assertRefused(try Fixtures.zip([("word/document.xml", Array("<w:document><unclosed>".utf8))]), mentions: "markup refused")
        assertRefused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], name: "x.doc", mentions: "save it as .docx")
        assertRefused(Array("%PDF-1.7\n".utf8), name: "x.pdf", mentions: "pdftotext")
    }

    func testSizeLimitForAnyInput() throws {
        XCTAssertEqual(ReadOptions().maxSize, 20 * 1024 * 1024)
        let text = Array(String(repeating: "Kế hoạch số 1/KH-UBND\n", count: 100).utf8)
        assertRefused(text, name: "x.txt", options: ReadOptions(maxSize: 1000), mentions: "--max-size")
        let page = Array(("<html><body>" + String(repeating: "<p>Kế hoạch</p>", count: 100) + "</body></html>").utf8)
        assertRefused(page, name: "x.html", options: ReadOptions(maxSize: 1000), mentions: "--max-size")
    }

    /// Found by fuzzing: a ZIP directory that points past the end of the file trapped the
    /// in-memory archive reader. Now it is a clear error, in every damaged position.
    func testZipDirectoryPointingPastTheEndIsAnError() throws {
        let good = try Fixtures.docx(body: Fixtures.p("KẾ HOẠCH"))
        let cd: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        var damagedCount = 0
        for start in 0..<(good.count - 46) where Array(good[start..<(start + 4)]) == cd {
            for field in [20, 24, 42] { // compressed size, uncompressed size, local header offset
                var bad = good
                for k in 0..<4 { bad[start + field + k] = 0xF0 }
                do {
                    _ = try DocumentReader.readBlocks(bytes: bad, name: "bad.docx")
                } catch let e as InputError {
                    XCTAssertTrue(e.description.contains("ZIP") || e.description.contains("decompress") || e.description.contains("archive"), e.description)
                }
                damagedCount += 1
            }
        }
        XCTAssertGreaterThan(damagedCount, 0)
    }
}
