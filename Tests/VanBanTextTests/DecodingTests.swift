import VanBanModel
@testable import VanBanText
import XCTest

final class DecodingTests: XCTestCase {
    func testUTF8WithAndWithoutBOM() throws {
        let plain = Array("Kế hoạch".utf8)
        XCTAssertEqual(try TextDecoder.decode(plain).text, "Kế hoạch")
        let bom = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + plain)
        XCTAssertEqual(bom.text.unicodeScalars.first, "K", "the BOM is not part of the text")
        XCTAssertEqual(bom.encoding, "utf-8")
    }

    func testUTF16WithBOM() throws {
        let s = "Sở Giáo dục"
        var le: [UInt8] = [0xFF, 0xFE]
        var be: [UInt8] = [0xFE, 0xFF]
        for u in s.utf16 {
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        let l = try TextDecoder.decode(le), b = try TextDecoder.decode(be)
        XCTAssertEqual(l.text, s); XCTAssertEqual(l.encoding, "utf-16le")
        XCTAssertEqual(b.text, s); XCTAssertEqual(b.encoding, "utf-16be")
    }

    func testInvalidUTF8BecomesReplacementWithWarning() throws {
        // UTF-8 with two stray bytes: still UTF-8 (not a legacy encoding), with a warning on line 1.
        let bytes: [UInt8] = Array("Số: 1/KH-UBND, ngày 5 tháng 3 năm 2024".utf8) + [0xFF, 0xFE, 0x41] + Array("\nb".utf8)
        let d = try TextDecoder.decode(bytes)
        XCTAssertTrue(d.text.unicodeScalars.contains("\u{FFFD}"))
        XCTAssertEqual(d.encoding, "utf-8")
        XCTAssertEqual(d.warnings.map(\.code), [.invalidBytes])
        XCTAssertEqual(d.warnings.first?.line, 1)
    }

    func testBinaryIsRefused() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]
        XCTAssertThrowsError(try TextDecoder.decode(png)) { e in
            XCTAssertEqual(e as? InputError, .binary)
        }
    }

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = [UInt8](repeating: 0x61, count: 1_000)
        XCTAssertEqual(SHA256.hex(long), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

final class CleaningTests: XCTestCase {
    func testLineEndingsSpacesAndInvisibles() {
        let c = TextCleaner.clean("a\r\nb\rc\u{00A0}\u{00A0}d\te\u{200B}f\n**KT. CHỦ TỊCH**")
        XCTAssertEqual(c.lines, ["a", "b", "c d ef", "KT. CHỦ TỊCH"], "a zero-width space inside a word is removed, not made a space")
    }

    func testNFCComposesDecomposedText() {
        // "Tôi đi học" typed on macOS: NFD.
        let nfd = "To\u{0302}i \u{0111}i ho\u{0323}c"
        let line = TextCleaner.clean(nfd).lines[0]
        XCTAssertEqual(Array(line.unicodeScalars), Array("Tôi đi học".unicodeScalars), "compare scalars: String == ignores normalization")
        XCTAssertEqual(line.unicodeScalars.count, 10)
    }

    func testEthRepairedInVietnameseOnly() {
        let vi = TextCleaner.clean("Ðiều 1. Phê duyệt Kế hoạch của Ủy ban nhân dân tỉnh Nghệ An")
        XCTAssertTrue(vi.lines[0].hasPrefix("Điều 1."))
        XCTAssertEqual(Array(vi.lines[0].unicodeScalars.prefix(1)), ["\u{0110}"])
        XCTAssertEqual(vi.warnings.map(\.code), [.ethRepaired])
        let icelandic = TextCleaner.clean("Ég heiti Guðrún og bý í Reykjavík")
        XCTAssertEqual(icelandic.lines[0], "Ég heiti Guðrún og bý í Reykjavík")
        XCTAssertTrue(icelandic.warnings.isEmpty)
    }

    func testMojibakeIsReported() {
        let c = TextCleaner.clean("Ä‘Æ°á»£c Ä‘á»“ng Ã½ vá»›i Ä‘á» nghá»‹")
        XCTAssertTrue(c.warnings.contains { $0.code == .mojibake })
    }
}

final class FoldingTests: XCTestCase {
    func testKeysFoldCaseDiacriticsAndD() {
        XCTAssertEqual(Folding.key("Sở Giáo dục và Đào tạo"), "so giao duc va dao tao")
        XCTAssertEqual(Folding.key("ĐỀ NGHỊ"), "de nghi")
        XCTAssertEqual(Folding.key("Nghệ"), "nghe", "letters with two marks fold completely")
        XCTAssertEqual(Folding.key("hoá"), Folding.key("hóa"))
        XCTAssertEqual(Folding.key("Uỷ"), Folding.key("Ủy"))
        XCTAssertEqual(Folding.key("ho\u{0323}c"), "hoc", "decomposed input folds the same")
    }

    func testWordsDropPunctuation() {
        XCTAssertEqual(Folding.words("Sở Văn hóa - Thể thao và Du lịch"), "so van hoa the thao va du lich")
        XCTAssertEqual(Folding.words("Sở Văn hoá, Thể thao và Du lịch"), "so van hoa the thao va du lich")
    }

    func testICUFallbackForOtherScripts() {
        XCTAssertEqual(Folding.key("Ωμέγα"), "ωμεγα")
    }

    func testTransliterate() {
        XCTAssertEqual(UnicodeText.transliterate("Đà Nẵng", id: "Latin-ASCII"), "Da Nang")
    }
}

final class ToneMarkTests: XCTestCase {
    func testCanonicalPlacement() {
        XCTAssertEqual(Array(ToneMarks.canonical("Văn hoá").unicodeScalars), Array("Văn hóa".unicodeScalars))
        XCTAssertEqual(Array(ToneMarks.canonical("Uỷ ban").unicodeScalars), Array("Ủy ban".unicodeScalars))
        XCTAssertEqual(Array(ToneMarks.canonical("thuỷ").unicodeScalars), Array("thủy".unicodeScalars))
        XCTAssertEqual(Array(ToneMarks.canonical("khoẻ").unicodeScalars), Array("khỏe".unicodeScalars))
    }

    func testClosedSyllablesAndQuAreLeftAlone() {
        XCTAssertEqual(ToneMarks.canonical("hoàn thành"), "hoàn thành")
        XCTAssertEqual(ToneMarks.canonical("quý"), "quý")
        XCTAssertEqual(ToneMarks.canonical("xoá"), "xóa")
        XCTAssertEqual(ToneMarks.canonical("khuyến"), "khuyến")
    }

    func testSyllableShape() {
        XCTAssertTrue(Syllable.isValid("hoc"))
        XCTAssertTrue(Syllable.isValid("nghieng"))
        XCTAssertFalse(Syllable.isValid("hamb"))
        XCTAssertFalse(Syllable.isValid("ullg"))
    }

    func testSentenceCase() {
        XCTAssertEqual(Words.sentenceCase("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"), "Ủy ban nhân dân tỉnh Nghệ An")
        XCTAssertEqual(Words.sentenceCase("UBND THÀNH PHỐ HỒ CHÍ MINH"), "UBND thành phố Hồ Chí Minh")
    }
}
