@testable import VanBanExtract
import XCTest

final class AgencyNormalizerTests: XCTestCase {
    func testSameAgencyFiveWaysIsOneName() {
        let ways = ["Sở GDĐT", "Sở GD&ĐT", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo (GDĐT)", "Đề nghị Sở GD-ĐT", "sở giáo dục và đào tạo"]
        XCTAssertEqual(Set(ways.map(AgencyNormalizer.canonical)), ["Sở Giáo dục và Đào tạo"])
    }

    func testAbbreviationsAcrossTokensAndDashes() {
        XCTAssertEqual(AgencyNormalizer.canonical("Sở LĐ-TB&XH"), "Sở Lao động - Thương binh và Xã hội")
        XCTAssertEqual(AgencyNormalizer.canonical("Sở VH TT & DL"), "Sở Văn hóa, Thể thao và Du lịch")
        XCTAssertEqual(AgencyNormalizer.canonical("Sở Văn hóa - Thể thao và Du lịch"), "Sở Văn hóa, Thể thao và Du lịch")
        XCTAssertEqual(AgencyNormalizer.canonical("Sở TT&TT"), "Sở Thông tin và Truyền thông")
        XCTAssertEqual(AgencyNormalizer.canonical("Sở KH&ĐT"), "Sở Kế hoạch và Đầu tư")
        XCTAssertEqual(AgencyNormalizer.canonical("Sở NN&PTNT"), "Sở Nông nghiệp và Phát triển nông thôn")
        XCTAssertEqual(AgencyNormalizer.canonical("Ủy ban MTTQVN"), "Ủy ban Mặt trận Tổ quốc Việt Nam")
        XCTAssertEqual(AgencyNormalizer.canonical("Uỷ ban Nhân dân huyện"), "Ủy ban nhân dân huyện")
        XCTAssertEqual(AgencyNormalizer.canonical("Công chức Văn hoá – Xã hội"), "Công chức Văn hóa - Xã hội")
        XCTAssertEqual(AgencyNormalizer.canonical("Các trường Tiểu học và THCS"), "Các trường Tiểu học và Trung học cơ sở")
        XCTAssertEqual(AgencyNormalizer.canonical("Ban chỉ đạo xây dựng XHHT cấp huyện/thành phố"), "Ban Chỉ đạo xây dựng xã hội học tập cấp huyện/thành phố")
    }

    func testWordsThatAreNotAbbreviationsStay() {
        XCTAssertEqual(AgencyNormalizer.canonical("Báo Lâm Đồng"), "Báo Lâm Đồng")
        XCTAssertEqual(AgencyNormalizer.canonical("Văn phòng Sở"), "Văn phòng Sở")
    }
}

final class AgencyRecognizerTests: XCTestCase {
    func members(_ s: String) -> [String] {
        AgencyRecognizer.list(Tokenizer.tokens(s), from: 0).members.map(\.name)
    }

    func testCompoundSubjects() {
        XCTAssertEqual(members("Sở Thông tin và Truyền thông, Báo Lâm Đồng, Đài Phát thanh và Truyền hình Lâm Đồng, các cơ quan truyền thông cấp huyện: xây dựng"),
                       ["Sở Thông tin và Truyền thông", "Báo Lâm Đồng", "Đài Phát thanh và Truyền hình Lâm Đồng", "Các cơ quan truyền thông cấp huyện"])
        XCTAssertEqual(members("UBND huyện, thành phố tiếp tục hướng dẫn"), ["Ủy ban nhân dân huyện, thành phố"])
        XCTAssertEqual(members("Liên đoàn Lao động tỉnh, Tỉnh đoàn, Hội Liên hiệp Phụ nữ tỉnh,... tăng cường"),
                       ["Liên đoàn Lao động tỉnh", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh"])
        XCTAssertEqual(members("Hội Khuyến học tỉnh chủ trì, phối hợp với Sở GDĐT"), ["Hội Khuyến học tỉnh"])
    }

    func testSharedLocalityIsDistributed() {
        XCTAssertEqual(members("Phòng Văn hóa và Thông tin, Trung tâm Văn hóa, Thể thao và Truyền Thanh các huyện, thị xã, thành phố"),
                       ["Phòng Văn hóa và Thông tin các huyện, thị xã, thành phố", "Trung tâm Văn hóa, Thể thao và Truyền Thanh các huyện, thị xã, thành phố"])
    }

    func testNotAgencies() {
        XCTAssertEqual(members("Ban hành Kế hoạch triển khai"), [])
        XCTAssertEqual(members("Tổ chức các hoạt động học tập"), [])
        XCTAssertEqual(members("Hội nghị tổng kết năm"), [])
        XCTAssertEqual(members("Báo cáo kết quả thực hiện"), [])
        XCTAssertEqual(members("Bổ sung, điều chỉnh một số hoạt động"), [])
        XCTAssertEqual(members("Phong trào thi đua được triển khai"), [])
        XCTAssertEqual(members("Chính quyền các cấp bố trí kinh phí"), [])
        XCTAssertEqual(members("Cơ sở giáo dục mầm non: Tăng cường"), [])
    }
}
