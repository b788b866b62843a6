import Foundation
import VanBanExtract
import VanBanJSON
import VanBanModel
import XCTest

/// Inputs built to hurt a parser finish with a contract (times are reported by
/// `tools/robustness.sh` and the benchmarks, not asserted here).
final class PathologicalInputTests: XCTestCase {
    func read(_ text: String, _ name: String) throws -> Document {
        try DocumentPipeline.read(bytes: Array(text.utf8), name: name)
    }

    func testFiveMegabyteLineWithoutABreak() throws {
        let line = String(repeating: "phát triển kinh tế số và xã hội số ", count: 5_000_000 / 44)
        let d = try read("KẾ HOẠCH\nThử\nI. MỤC TIÊU\n" + line, "line.txt")
        XCTAssertEqual(d.outline.map(\.id), ["I"])
        let md = try read(line, "line.md")
        XCTAssertEqual(md.source.format, "markdown")
    }

    /// A run-on line dense with entities: each gets a bounded quote, not the whole line.
    func testRunOnLineDenseWithTargets() throws {
        let line = String(repeating: "Sở Tài chính chủ trì đạt 40% ", count: 20_000)
        let d = try read("KẾ HOẠCH\nThử\nI. MỤC TIÊU\n" + line, "dense.txt")
        XCTAssertEqual(d.targets.count, 20_000)
        XCTAssertLessThan(d.targets.map(\.quote.utf8.count).max() ?? 0, 2_000)
    }

    func testHundredThousandLinesOfOneMarker() throws {
        let d = try read("KẾ HOẠCH\nThử\n" + String(repeating: "1. Nội dung\n", count: 100_000), "ones.txt")
        XCTAssertEqual(d.outline.count, 100_000)
        XCTAssertEqual(d.outline.last?.id, "1~100000")
    }

    func testNumberingNestedFiftyDeep() throws {
        let lines = (1...50).map { depth in (1...depth).map { _ in "1" }.joined(separator: ".") + ". Mục" }
        let d = try read("KẾ HOẠCH\nThử\n" + lines.joined(separator: "\n"), "deep.txt")
        var depth = 0
        var node = d.outline.first
        while let n = node { depth += 1; node = n.children.first }
        XCTAssertGreaterThan(depth, 1)
    }

    func testTableOfFiveThousandColumns() throws {
        let header = "| " + (1...5_000).map { "C\($0)" }.joined(separator: " | ") + " |"
        let row = "| 1 | " + (2...5_000).map { "v\($0)" }.joined(separator: " | ") + " |"
        let d = try read("**KẾ HOẠCH**\n\nThử\n\n**I. MỤC TIÊU**\n\n" + header + "\n|---|\n" + row + "\n", "wide.md")
        XCTAssertEqual(d.outline.first?.table?.columns.count, 5_000)
        let flattened = "|\n" + (1...5_000).map { "C\($0)\n|" }.joined(separator: "\n") + "\n"
        XCTAssertNoThrow(try read(flattened, "wide-flat.md"))
    }

    func testAMegabyteOfPipes() throws {
        XCTAssertNoThrow(try read(String(repeating: "|", count: 1_000_000), "pipes.md"))
        XCTAssertNoThrow(try read(String(repeating: "|\n", count: 500_000), "pipes-lines.md"))
        XCTAssertNoThrow(try read(String(repeating: "|\n", count: 500_000), "pipes-lines.txt"))
    }

    /// The same bytes give byte-identical JSON, run after run and from several threads at once.
    func testDeterministicOutputAcrossRunsAndThreads() throws {
        let plans = Fixtures.planStems.map { Fixtures.corpus.appendingPathComponent($0 + ".txt") }
            + ["docx", "html"].flatMap { ext in Fixtures.planStems.map { Fixtures.formats.appendingPathComponent("\($0).\(ext)") } }
        for url in plans {
            let bytes = try Fixtures.bytes(url)
            let first = try ContractJSON.encode(try DocumentPipeline.read(bytes: bytes, name: url.lastPathComponent))
            let results = Results()
            let name = url.lastPathComponent
            DispatchQueue.concurrentPerform(iterations: 8) { k in
                let doc = try? DocumentPipeline.read(bytes: bytes, name: name)
                results.set(k, doc.flatMap { try? ContractJSON.encode($0) } ?? [])
            }
            for k in 0..<8 { XCTAssertEqual(results.get(k), first, name) }
        }
    }
}

/// Outputs written from several threads.
final class Results: @unchecked Sendable {
    private var values: [Int: [UInt8]] = [:]
    private let lock = NSLock()
    func set(_ k: Int, _ v: [UInt8]) { lock.lock(); values[k] = v; lock.unlock() }
    func get(_ k: Int) -> [UInt8]? { lock.lock(); defer { lock.unlock() }; return values[k] }
}
