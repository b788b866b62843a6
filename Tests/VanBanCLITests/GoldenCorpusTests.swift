import Foundation
import VanBanExtract
import VanBanJSON
import XCTest

/// Golden tests over `Corpus/`: each plan's output must equal `NAME.expected.json`.
/// `RECORD_SNAPSHOTS=1 swift test` re-records them, and fails the run so that
/// nobody records by accident; review the diff with `git diff Corpus/`.
final class GoldenCorpusTests: XCTestCase {
    func testCorpusMatchesExpectedJSON() throws {
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
        let texts = try Harness.corpusTexts()
        XCTAssertGreaterThanOrEqual(texts.count, 5)
        let out = try Harness.tempDir()
        for url in texts {
            let bytes = [UInt8](try Data(contentsOf: url))
            let doc = try DocumentPipeline.read(bytes: bytes, name: url.lastPathComponent)
            let json = try ContractJSON.string(doc, pretty: true) + "\n"
            let stem = url.deletingPathExtension().lastPathComponent
            try json.write(to: out.appendingPathComponent(stem + ".json"), atomically: true, encoding: .utf8)
            let expectedURL = Harness.corpus.appendingPathComponent(stem + ".expected.json")
            if record {
                try json.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                XCTFail("\(stem): no \(expectedURL.lastPathComponent); record with RECORD_SNAPSHOTS=1 swift test"); continue
            }
            if expected != json { XCTFail("\(stem) differs from its expected JSON:\n" + Harness.diff(expected, json)) }
        }
        try Harness.validateSchema(out)
        if record { XCTFail("Recorded expected JSON for \(texts.count) plans; unset RECORD_SNAPSHOTS and review `git diff Corpus/`.") }
    }

    /// The expected JSON decodes back to the same document (the contract round-trips).
    func testExpectedJSONRoundTrips() throws {
        for url in try Harness.corpusTexts() {
            let stem = url.deletingPathExtension().lastPathComponent
            let data = try Data(contentsOf: Harness.corpus.appendingPathComponent(stem + ".expected.json"))
            let doc = try ContractJSON.decodeDocument([UInt8](data))
            XCTAssertEqual(try ContractJSON.string(doc, pretty: true) + "\n", String(decoding: data, as: UTF8.self), stem)
        }
    }
}
