import VanBanParse
import XCTest

final class OCRSpacingTests: XCTestCase {
    func testLettersSpacedApartAreJoinedByTheVocabulary() {
        XCTAssertEqual(OCRSpacing.repair("ỦY B AN NHÂN D Â N"), "ỦY BAN NHÂN DÂN")
        XCTAssertEqual(OCRSpacing.repair("T hành phố Hồ Chí M inh, ngày 26"), "Thành phố Hồ Chí Minh, ngày 26")
        XCTAssertEqual(OCRSpacing.repair("TỈNH QUẢNG N AM"), "TỈNH QUẢNG NAM")
    }

    /// Text whose words are words is left as it is; no join outside the vocabulary.
    func testRealWordsAndUnknownPiecesStay() {
        for line in ["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Sở Tài chính", "Công ty A và B", "Phụ lục I", "X Y Z", "Số: 12/KH-UBND"] {
            XCTAssertEqual(OCRSpacing.repair(line), line)
        }
    }

    func testHeaderNumberAndDateSpacedByOCR() {
        let p = parse("""
        ỦY B AN NHÂN D Â N
        T HÀNH PHỐ HỒ CHÍ M INH
        Số: 3210/QĐ - U B ND
        T hành phố Hồ Chí M inh, ngày 26 tháng 0 6 năm 2018
        QUYẾT ĐỊNH
        Về việc thử nghiệm
        Điều 1. Nội dung.
        """)
        XCTAssertEqual(p.document.number, "3210/QĐ-UBND")
        XCTAssertEqual(p.document.place, "Thành phố Hồ Chí Minh")
        XCTAssertEqual(p.document.issuedDate, "2018-06-26")
        XCTAssertEqual(p.document.issuer?.name, "Ủy ban nhân dân thành phố Hồ Chí Minh")
    }
}
