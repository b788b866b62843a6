@testable import VanBanExtract
import XCTest

/// Phrase matching can be asked about any position the input decides: before
/// the start, at the end, past the end. None of them may trap.
final class ScanningBoundsTests: XCTestCase {
    func testPhraseMatchOutsideTheTokensMatchesNothing() {
        let toks = Tokenizer.tokens("đạt 40% số xã")
        let phrase = Phrase("phấn đấu")
        for i in [-3, -2, -1, toks.count, toks.count + 1] {
            XCTAssertNil(phrase.match(toks, at: i), "at \(i)")
            XCTAssertFalse(phrase.hasSameTones(toks, at: i), "at \(i)")
        }
        XCTAssertEqual(Phrase("đạt").match(toks, at: 0), 1)
        let set = PhraseSet(["phấn đấu", "đạt"])
        XCTAssertNil(set.match(toks, at: -1))
        XCTAssertNil(set.matchExact(toks, at: -1))
        XCTAssertEqual(set.match(toks, at: 0)?.length, 1)
    }

    /// The measure before a number at the very start of a passage (the trap
    /// of the real crawl: a lead-in cue longer than the words before it).
    func testTargetWithTheMeasureAtThePassageStart() {
        for text in ["Phấn đấu 40%.", "Đạt 40%.", "Tối thiểu 40%;", "40%.", "Tỷ lệ 40%."] {
            let d = plan("I. MỤC TIÊU\n\(text)")
            XCTAssertEqual(d.targets.first?.value, 40, text)
        }
    }
}
