@testable import VanBanExtract
import XCTest

/// The data tables of real shapes, with what each must and must not take.
final class LexiconTests: XCTestCase {
    func testTaskTableColumnRoles() {
        let expected: [(String, TaskTableColumns.Role?)] = [
            ("TT", .number), ("STT", .number), ("Nhiệm vụ", .task), ("Nội dung/nhiệm vụ", .task), ("Chỉ tiêu", .task),
            ("Cơ quan chủ trì", .lead), ("Đơn vị chủ trì", .lead), ("CHỦ TRÌ", .lead), ("Cơ quan thực hiện", .lead), ("Cơ quan", .lead),
            ("Cơ quan phối hợp", .support), ("PHỐI HỢP", .support), ("Đơn vị phối hợp thực hiện", .support),
            ("Thời gian thực hiện", .time), ("Thời hạn", .time), ("Tiến độ", .time), ("Thời gian dự kiến hoàn thành", .time),
            ("Sản phẩm", .product), ("Kết quả dự kiến", .product), ("Nguồn kinh phí", .product), ("Đơn vị tính", .unit),
            // Not a lead column: the way a procedure is done, a note.
            ("Cách thức thực hiện", nil), ("Ghi chú", .product), ("Năm 2026", nil),
        ]
        for (header, role) in expected { XCTAssertEqual(TaskTableColumns.role(header), role, header) }
    }

    func testGroupsOfBodiesNeedABodyNoun() {
        func member(_ s: String) -> String? {
            let t = Tokenizer.tokens(s)
            return AgencyRecognizer.member(t, at: 0).map { Tokenizer.text(t[$0.start..<$0.end]) }
        }
        XCTAssertEqual(member("Các sở, ban, ngành triển khai"), "Các sở, ban, ngành")
        XCTAssertEqual(member("Các cơ quan, đơn vị liên quan thực hiện"), "Các cơ quan, đơn vị liên quan")
        XCTAssertEqual(member("Thủ trưởng các đơn vị báo cáo"), "Thủ trưởng các đơn vị")
        for text in ["Các tiêu chí về kết quả được", "Các hình thức tuyên truyền", "Các chứng từ liên quan", "Các thông số kỹ thuật"] {
            XCTAssertNil(member(text), text)
        }
    }

    func testDesignationsAndTheirKinds() {
        let extractor = TaskExtractor()
        func kind(_ s: String) -> TaskExtractor.DesignationKind? { extractor.designation(Tokenizer.tokens(s))?.kind }
        XCTAssertEqual(kind("Cơ quan chủ trì: Sở Tư pháp"), .lead)
        XCTAssertEqual(kind("Đơn vị phối hợp: Các sở"), .support)
        XCTAssertEqual(kind("Cơ quan thực hiện: Bộ Công an"), .executor)
        XCTAssertEqual(kind("Chủ trì: Sở Y tế"), .lead)
        XCTAssertNil(kind("Tổng hợp ý kiến gửi cơ quan chủ trì: trước khi trình"))
        XCTAssertNil(kind("Chủ trì, phối hợp với các sở triển khai"))
    }
}
