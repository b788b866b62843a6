@testable import VanBanParse
import XCTest

final class MarkerTests: XCTestCase {
    func testNumberedMarkers() {
        XCTAssertEqual(MarkerScanner.marker("I. MỤC ĐÍCH, YÊU CẦU")?.kind, .roman)
        XCTAssertEqual(MarkerScanner.marker("XIV. KINH PHÍ")?.path, ["XIV"])
        XCTAssertEqual(MarkerScanner.marker("2. Yêu cầu")?.kind, .arabic)
        XCTAssertEqual(MarkerScanner.marker("2.1. Mục tiêu đến năm 2025")?.kind, .decimal(depth: 2))
        XCTAssertEqual(MarkerScanner.marker("2.1.3. Chi tiết")?.path, ["2", "1", "3"])
        XCTAssertEqual(MarkerScanner.marker("2.1 Mục tiêu")?.kind, .decimal(depth: 2))
        XCTAssertEqual(MarkerScanner.marker("a) Xóa mù chữ")?.path, ["a"])
        XCTAssertEqual(MarkerScanner.marker("đ) Tỉnh đoàn")?.path, ["đ"])
        XCTAssertEqual(MarkerScanner.marker("Điều 1. Phê duyệt Kế hoạch")?.path, ["Điều 1"])
        XCTAssertEqual(MarkerScanner.marker("Điều 2. Quyết định này có hiệu lực")?.label, "Điều 2.")
        XCTAssertEqual(MarkerScanner.marker("Phần I. MỞ ĐẦU")?.kind, .part)
        XCTAssertEqual(MarkerScanner.marker("Chương II QUY ĐỊNH CHUNG")?.kind, .chapter)
        XCTAssertEqual(MarkerScanner.marker("1) Nội dung")?.kind, .parenArabic)
    }

    func testNotMarkers() {
        XCTAssertNil(MarkerScanner.marker("f) không có chữ f trong bảng chữ cái"))
        XCTAssertNil(MarkerScanner.marker("1.000 người tham gia"))
        XCTAssertNil(MarkerScanner.marker("2024 là năm bản lề"))
        XCTAssertNil(MarkerScanner.marker("Ví dụ: I.Mục"))
        XCTAssertNil(MarkerScanner.marker("Mục 2 phần III theo Kế hoạch"))
        XCTAssertNil(MarkerScanner.marker("- Tổ chức các hoạt động"))
        XCTAssertNil(MarkerScanner.marker("Idea. Không phải số La Mã"))
    }

    func testBullets() {
        XCTAssertEqual(MarkerScanner.bullet("- Phòng GDĐT;")?.text, "Phòng GDĐT;")
        XCTAssertEqual(MarkerScanner.bullet("+ Có 100% cán bộ")?.marker, "+")
        XCTAssertEqual(MarkerScanner.bullet("• Tổ chức")?.marker, "•")
        XCTAssertNil(MarkerScanner.bullet("-2% so với năm trước"))
        XCTAssertNil(MarkerScanner.bullet("-------"))
    }
}
