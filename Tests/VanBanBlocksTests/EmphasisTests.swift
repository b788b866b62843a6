import VanBanBlocks
import XCTest

final class EmphasisTests: XCTestCase {
    func testStripRemovesMarkupAtWordBoundariesOnly() {
        XCTAssertEqual(Emphasis.strip("**TM. ỦY BAN NHÂN DÂN **"), "TM. ỦY BAN NHÂN DÂN")
        XCTAssertEqual(Emphasis.strip("(*Kèm theo Quyết định số 12/QĐ-UBND*)"), "(Kèm theo Quyết định số 12/QĐ-UBND)")
        XCTAssertEqual(Emphasis.strip("**Điều 1. **Ban hành"), "Điều 1. Ban hành")
        XCTAssertEqual(Emphasis.strip("* *"), "")
        XCTAssertEqual(Emphasis.strip("_Hà Nội_"), "Hà Nội")
        // Inside a word, `*` and `_` are text.
        XCTAssertEqual(Emphasis.strip("a*b snake_case"), "a*b snake_case")
        XCTAssertEqual(Emphasis.strip("Không đổi"), "Không đổi")
    }

    func testWhollyBold() {
        XCTAssertTrue(Emphasis.isWhollyBold("**I. MỤC ĐÍCH, YÊU CẦU**"))
        XCTAssertTrue(Emphasis.isWhollyBold("**KẾ HOẠCH** **"))
        XCTAssertFalse(Emphasis.isWhollyBold("**Điều 1. **Ban hành"))
        XCTAssertFalse(Emphasis.isWhollyBold("Không có"))
        XCTAssertFalse(Emphasis.isWhollyBold("** **"))
    }

    func testSpanLeftOpen() {
        XCTAssertTrue(Emphasis.leavesSpanOpen("**TM. ỦY BAN NHÂN"))
        XCTAssertTrue(Emphasis.leavesSpanOpen("*Hà Nội, ngày 17"))
        XCTAssertFalse(Emphasis.leavesSpanOpen("**KT. CHỦ TỊCH**"))
        XCTAssertFalse(Emphasis.leavesSpanOpen("a*b"))
        XCTAssertFalse(Emphasis.leavesSpanOpen("không có"))
    }
}
