@testable import VanBanExtract
import VanBanModel
import VanBanParse
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

    func testProvinceTableAndTheMerger() {
        for (written, unit) in [("ĐẮK LẮK", "Đắk Lắk"), ("Đăk Lăk", "Đắk Lắk"), ("TP. Hồ Chí Minh", "Hồ Chí Minh"), ("thành phố Hồ Chí Minh", "Hồ Chí Minh"),
                                ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("tỉnh Thanh Hoá", "Thanh Hóa"), ("Thừa Thiên Huế", "Thừa Thiên Huế")] {
            XCTAssertEqual(ProvinceTable.province(named: written), unit, written)
        }
        for notOne in ["Phú Mỹ", "Trảng Bom", "Việt Nam", "An", ""] { XCTAssertNil(ProvinceTable.province(named: notOne), notOne) }
        XCTAssertEqual(ProvinceTable.merged.count, 34)
        XCTAssertEqual(Set(ProvinceTable.merged.flatMap { $0.absorbed.isEmpty ? [$0.unit] : $0.absorbed }).count, 63,
                       "every one of the 63 old units goes to exactly one of the 34")
        XCTAssertEqual(ProvinceTable.successor["Bình Dương"], "Hồ Chí Minh")
        XCTAssertEqual(ProvinceTable.successor["Kiên Giang"], "An Giang")
        XCTAssertEqual(ProvinceTable.successor["Nghệ An"], "Nghệ An")
        XCTAssertEqual(ProvinceTable.locality(of: "Cần Thơ"), "thành phố Cần Thơ")
        XCTAssertEqual(ProvinceTable.locality(of: "Lai Châu"), "tỉnh Lai Châu")
    }

    func testJurisdictionFromTheIssuer() {
        func j(_ name: String, parent: String? = nil, place: String? = nil) -> [String?] {
            var d = Document(source: Source(name: "t", sha256: "", format: "text", encoding: "utf-8"))
            d.issuer = Issuer(name: name, parent: parent)
            d.place = place
            let found = Jurisdiction.of(d)
            return [found?.level.rawValue, found?.locality, found?.province]
        }
        XCTAssertEqual(j("Ủy ban nhân dân tỉnh Nghệ An"), ["province", "tỉnh Nghệ An", "Nghệ An"])
        XCTAssertEqual(j("Ủy ban nhân dân thành phố Hồ Chí Minh"), ["province", "thành phố Hồ Chí Minh", "Hồ Chí Minh"])
        XCTAssertEqual(j("Ủy ban nhân dân thành phố Thủ Dầu Một", parent: "Ủy ban nhân dân tỉnh Bình Dương"),
                       ["district", "thành phố Thủ Dầu Một", "Bình Dương"], "a city of a province is a district")
        XCTAssertEqual(j("Ủy ban nhân dân huyện Phú Tân", parent: nil), ["district", "huyện Phú Tân", nil], "no province said: none guessed")
        XCTAssertEqual(j("Ủy ban nhân dân phường Bến Thành"), ["commune", "phường Bến Thành", nil])
        XCTAssertEqual(j("Sở Giáo dục và Đào tạo", parent: "Ủy ban nhân dân tỉnh Lai Châu"), ["province", "tỉnh Lai Châu", "Lai Châu"])
        XCTAssertEqual(j("Sở Y tế", place: "Cà Mau"), ["province", "tỉnh Cà Mau", "Cà Mau"])
        XCTAssertEqual(j("Bộ văn hóa, thể thao và du lịch"), ["national", nil, nil])
        XCTAssertEqual(j("Thủ tướng chính phủ"), ["national", nil, nil])
        XCTAssertEqual(j("Bộ Chỉ huy Quân sự tỉnh Nghệ An"), ["province", "tỉnh Nghệ An", "Nghệ An"], "a ministry's word with a place is local")
        // Prose is not a place: `xã hội`, a capitalized word after `xã` that opens a phrase.
        XCTAssertEqual(j("Ban Chỉ đạo xây dựng xã hội học tập"), [nil, nil, nil])
    }
}
