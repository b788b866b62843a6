import Foundation
import VanBanBlocks
import VanBanExtract
import VanBanFormats
import VanBanModel
import VanBanText
import XCTest

/// PDFs end to end: a printed plan reads as its source does, a scan through
/// OCR comes close, and hostile or damaged files get one clear error each.
final class PDFReaderTests: XCTestCase {
    static let dir = Fixtures.corpus.appendingPathComponent("pdf")

    func read(_ name: String, options: ReadOptions = ReadOptions()) throws -> Document {
        try DocumentPipeline.read(bytes: Fixtures.bytes(Self.dir.appendingPathComponent(name)), name: name, options: options)
    }

    func leads(_ d: Document) -> Set<String> {
        Set(d.tasks.flatMap { t in t.lead.map { "\(t.section) \($0)" } })
    }

    func ids(_ nodes: [OutlineNode]) -> [String] { nodes.flatMap { [$0.id] + ids($0.children) } }

    /// The fields a reader of the contract relies on, side by side.
    func assertSameContract(_ pdf: Document, _ source: Document, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(pdf.number, source.number, file: file, line: line)
        XCTAssertEqual(pdf.issuer?.name, source.issuer?.name, file: file, line: line)
        XCTAssertEqual(pdf.issuedDate, source.issuedDate, file: file, line: line)
        XCTAssertEqual(pdf.title, source.title, file: file, line: line)
        XCTAssertEqual(pdf.signature, source.signature, file: file, line: line)
        XCTAssertEqual(pdf.recipients, source.recipients, file: file, line: line)
        XCTAssertEqual(ids(pdf.outline), ids(source.outline), file: file, line: line)
        XCTAssertEqual(pdf.attachments.map { ids($0.outline) }, source.attachments.map { ids($0.outline) }, file: file, line: line)
        XCTAssertEqual(leads(pdf), leads(source), file: file, line: line)
        XCTAssertEqual(pdf.deadlines.map(\.date), source.deadlines.map(\.date), file: file, line: line)
        XCTAssertEqual(pdf.targets.map(\.value), source.targets.map(\.value), file: file, line: line)
        XCTAssertEqual(pdf.citations.map(\.number), source.citations.map(\.number), file: file, line: line)
    }

    func testPrintedPlanReadsAsItsMarkdownSource() throws {
        let source = try read("xuan-truong-57-kh-ubnd-2025.md")
        let pdf = try read("xuan-truong-57-kh-ubnd-2025.pdf")
        XCTAssertEqual(pdf.source.format, "pdf")
        XCTAssertGreaterThanOrEqual(source.tasks.count, 14, "the fixture's task table is read")
        assertSameContract(pdf, source)
        XCTAssertTrue(pdf.warnings.contains { $0.code == .pageFurniture }, "page numbers and the running footer were dropped")
    }

    func testCorpusPlanPrintedAndExportedByLibreOfficeReadsAsItsText() throws {
        let text = try DocumentPipeline.read(bytes: Fixtures.bytes(Fixtures.corpus.appendingPathComponent("phu-my-322-kh-ubnd-2024.txt")), name: "phu-my.txt")
        assertSameContract(try read("phu-my-322-kh-ubnd-2024.pdf"), text)
        assertSameContract(try read("phu-my-322-kh-ubnd-2024.office.pdf"), text)
    }

    func testScanIsReadByOCRWithItsConfidence() throws {
        let source = try read("xuan-truong-57-kh-ubnd-2025.md")
        let scan = try read("xuan-truong-57-kh-ubnd-2025.scan.pdf")
        let ocr = scan.warnings.first { $0.code == .ocr }
        XCTAssertNotNil(ocr)
        XCTAssertTrue(ocr?.message.contains("pages 1–3 read by OCR") ?? false, ocr?.message ?? "")
        XCTAssertTrue(ocr?.message.contains("mean word confidence") ?? false)
        XCTAssertEqual(scan.number, source.number)
        XCTAssertEqual(scan.issuedDate, source.issuedDate)
        // OCR may lose a tone mark (`Trân` for `Trần`): the name is compared without them.
        XCTAssertEqual(scan.signature?.signer.map { Folding.words($0) }, source.signature?.signer.map { Folding.words($0) })
        XCTAssertEqual(ids(scan.outline), ids(source.outline))
        let common = leads(scan).intersection(leads(source)).count
        XCTAssertGreaterThanOrEqual(Double(common) / Double(leads(source).count), 0.9, "\(leads(source).subtracting(leads(scan)))")
    }

    func testOCRNeverLeavesAScanUnreadWithAWarning() throws {
        var options = ReadOptions()
        options.pdf.ocr = .never
        let scan = try read("xuan-truong-57-kh-ubnd-2025.scan.pdf", options: options)
        XCTAssertTrue(scan.tasks.isEmpty)
        XCTAssertTrue(scan.warnings.contains { $0.code == .ocr && $0.message.contains("--ocr never") })
    }

    func testOCRAlwaysReadsATextPDFByItsImage() throws {
        var options = ReadOptions()
        options.pdf.ocr = .always
        let source = try read("xuan-truong-57-kh-ubnd-2025.md")
        let ocr = try read("xuan-truong-57-kh-ubnd-2025.pdf", options: options)
        XCTAssertTrue(ocr.warnings.contains { $0.code == .ocr })
        XCTAssertEqual(ocr.number, source.number)
    }

    // MARK: hostile and damaged files

    func assertRefused(_ bytes: [UInt8], options: ReadOptions = ReadOptions(), mentions: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try DocumentPipeline.read(bytes: bytes, name: "x.pdf", options: options)
            XCTFail("read a file that should be refused", file: file, line: line)
        } catch {
            XCTAssertTrue(error.description.contains(mentions), error.description, file: file, line: line)
            XCTAssertFalse(error.description.contains("\n"), "one line", file: file, line: line)
        }
    }

    func testEncryptedPDFAsksForAnUnprotectedCopy() throws {
        assertRefused(try Fixtures.bytes(Self.dir.appendingPathComponent("encrypted.pdf")), mentions: "ask the issuer for an unprotected copy")
    }

    func testNotReallyAPDF() {
        assertRefused(Array("%PDF-1.7\nnothing else".utf8), mentions: "not a readable PDF")
        assertRefused(Array("%PDF-".utf8) + [UInt8](repeating: 0xFF, count: 5000), mentions: "not a readable PDF")
    }

    func testTooManyPagesIsRefusedBeforeReading() {
        var options = ReadOptions()
        options.pdf.maxPages = 2
        assertRefused(MiniPDF.make(pages: ["Trang 1", "Trang 2", "Trang 3"]), options: options, mentions: "over the 2-page limit")
    }

    func testBrokenCrossReferenceTableIsRebuilt() throws {
        var bytes = MiniPDF.make(pages: ["Ke hoach so 5/KH-UBND ngay 3 thang 4 nam 2025"])
        // Every xref offset wrong: poppler rebuilds the table from the objects.
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: " 00000 n", with: " 00000 x")
        bytes = Array(text.utf8)
        let read = try DocumentReader.readBlocks(bytes: bytes, name: "x.pdf")
        XCTAssertEqual(read.format, .pdf)
        XCTAssertTrue(read.blocks.contains { if case let .paragraph(p) = $0 { return p.text.contains("5/KH-UBND") } else { return false } })
    }

    func testTruncatedFileNeverTraps() {
        let whole = MiniPDF.make(pages: ["Ke hoach so 6/KH-UBND", "Trang hai"])
        for cut in stride(from: 9, to: whole.count, by: max(1, whole.count / 40)) {
            // Either what could be read, or a clear refusal: never a trap.
            _ = try? DocumentPipeline.read(bytes: Array(whole.prefix(cut)), name: "x.pdf")
        }
    }

    func testEmbeddedJavaScriptIsNotRun() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-js-\(UUID().uuidString)")
        let bytes = MiniPDF.make(pages: ["Ke hoach so 7/KH-UBND"], javascript: "app.launchURL('file://\(marker.path)'); this.exportDataObject({cName: 'x', nLaunch: 2});")
        let read = try DocumentReader.readBlocks(bytes: bytes, name: "x.pdf")
        XCTAssertFalse(read.blocks.isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))
    }

    func testFolderImportPicksUpPDFs() {
        XCTAssertTrue(InputFormat.extensions.contains("pdf"))
        XCTAssertEqual(try InputFormat.sniff(Array("%PDF-1.4\n".utf8), name: "a"), .pdf)
        XCTAssertEqual(try InputFormat.sniff(Array("junk from a mail gateway\r\n%PDF-1.4\n".utf8), name: "a"), .pdf)
        XCTAssertEqual(try InputFormat.sniff(Array("Kế hoạch số 1 nói về tệp %PDF-1.4".utf8), name: "a.txt"), .text, "text that mentions %PDF after non-ASCII is text")
    }
}

/// A minimal PDF written by hand: pages of one line of text (Helvetica), an
/// optional document-level JavaScript action, a correct cross-reference table.
enum MiniPDF {
    static func make(pages: [String], javascript: String? = nil) -> [UInt8] {
        var objects: [String] = []
        let pageBase = 4
        let kids = pages.indices.map { "\(pageBase + 2 * $0) 0 R" }.joined(separator: " ")
        let open = javascript.map { "/OpenAction << /S /JavaScript /JS (\($0)) >> " } ?? ""
        objects.append("<< /Type /Catalog /Pages 2 0 R \(open)>>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for (k, text) in pages.enumerated() {
            let content = "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(pageBase + 2 * k + 1) 0 R >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (k, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(k + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
