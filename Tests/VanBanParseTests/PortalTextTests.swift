import VanBanParse
import VanBanText
import XCTest

final class PortalTextTests: XCTestCase {
    func testPortalNoticesAreRecognizedAndDocumentTextIsNot() {
        for notice in ["Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.", "Đang tải văn bản...",
                       "NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN", "FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN", "Click trái để xem cụ thể từng nội dung"] {
            XCTAssertTrue(PortalText.isPortalText(folded: Folding.words(notice)), notice)
        }
        for text in ["Tải trọng cho phép của cầu", "Nội dung sửa đổi Quy chế được Hội đồng thông qua", "KẾ HOẠCH",
                     "Bản dịch tiếng Anh do Sở Ngoại vụ thực hiện", "Click vào đây"] {
            XCTAssertFalse(PortalText.isPortalText(folded: Folding.words(text)), text)
        }
    }

    /// Notices before the header table and after the document are warnings, never header, title or body.
    func testPortalTextAroundACompactCopy() throws {
        var lines = ["|", "Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.", "|", "Đang tải văn bản...", "|",
                     "**ỦY BAN NHÂN DÂN**", "TỈNH HÀ GIANG", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "|", "|",
                     "Số: 3/KH-UBND", "|", "*Hà Giang, ngày 02 tháng 3 năm 2025*", "|",
                     "**KẾ HOẠCH**", "KIỂM TRA CÔNG TÁC NĂM 2025", "**I. MỤC ĐÍCH**", "Bảo đảm đúng quy định."]
        lines += (1...30).map { "\($0 + 1). Nội dung kiểm tra số \($0)." }
        lines += ["NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN", "Rà chuột vào nội dụng văn bản để sử dụng."]
        let text = lines.joined(separator: "\n")
        let read = try VanBanFormatsBridge.parse(text)
        XCTAssertEqual(read.document.number, "3/KH-UBND")
        XCTAssertEqual(read.document.place, "Hà Giang")
        XCTAssertEqual(read.document.title, "KIỂM TRA CÔNG TÁC NĂM 2025")
        XCTAssertEqual(read.document.issuer?.name, "Ủy ban nhân dân tỉnh Hà Giang")
        let portal = read.document.warnings.filter { $0.code == .portalText }.map(\.message)
        XCTAssertEqual(portal.count, 2)
        XCTAssertTrue(portal.first?.contains("Đang tải văn bản") == true)
        XCTAssertTrue(portal.last?.contains("Rà chuột") == true)
        XCTAssertFalse(read.document.outline.flatMap(\.children).contains { $0.heading.contains("Rà chuột") })
    }
}
