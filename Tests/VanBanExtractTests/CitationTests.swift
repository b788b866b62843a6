import VanBanModel
import XCTest

final class CitationTests: XCTestCase {
    func testFullShapes() {
        let d = plan("I. NỘI DUNG", preamble: """
        Căn cứ Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ về việc phê duyệt Đề án “Xây dựng xã hội học tập”;
        Căn cứ Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ;
        Thực hiện Kết luận số 49-KL/TW, ngày 10/5/2019 của Ban Bí thư; Chỉ thị số 11-CT/TW của Bộ Chính trị;
        Thực hiện Kế hoạch số 6914/KH-UBND ngày 28/9/2021 của UBND tỉnh; Kế hoạch số 11287/KH-UBND ngày 20/12/2024 của UBND tỉnh.
        """)
        let c = d.citations
        XCTAssertEqual(c.map(\.number), ["1373/QĐ-TTg", "101/2017/NĐ-CP", "49-KL/TW", "11-CT/TW", "6914/KH-UBND", "11287/KH-UBND"])
        XCTAssertEqual(c.map(\.date), ["2021-07-30", "2017-09-01", "2019-05-10", nil, "2021-09-28", "2024-12-20"])
        XCTAssertEqual(c.map(\.kind), ["Quyết định", "Nghị định", "Kết luận", "Chỉ thị", "Kế hoạch", "Kế hoạch"])
        XCTAssertEqual(c.map(\.role), [.basis, .basis, .implements, .implements, .implements, .implements])
        XCTAssertEqual(c[0].issuer, "Thủ tướng Chính phủ")
        XCTAssertEqual(c[0].title, "phê duyệt Đề án “Xây dựng xã hội học tập”")
        XCTAssertEqual(c[0].section, "preamble")
    }

    func testOddSymbolsNumbersWithoutSymbolAndBareMentions() {
        let d = plan("""
        I. NỘI DUNG
        Đánh giá theo hướng dẫn số 04 ngày 05/3/2018 của Sở GDĐT. Tự đánh giá theo Công văn số 285/SGDDĐT-GDCN.TX ngày 15 tháng 3 năm 2016.
        Tăng tỷ lệ giáo viên theo qui định của Thông tư 06; xếp loại theo Thông tư 44/2014/TT-BGDĐT của Bộ Giáo dục và Đào tạo.
        Thực hiện Chỉ thị 05-CT/TW về học tập.
        """)
        XCTAssertEqual(d.citations.map(\.number), ["04", "285/SGDDĐT-GDCN.TX", "06", "44/2014/TT-BGDĐT", "05-CT/TW"])
        XCTAssertEqual(d.citations.map(\.kind), ["Hướng dẫn", "Công văn", "Thông tư", "Thông tư", "Chỉ thị"])
        XCTAssertEqual(d.citations[0].date, "2018-03-05")
        XCTAssertTrue(d.citations.allSatisfy { $0.role == .reference })
    }

    func testLawsByNameAndDate() {
        let d = plan("I. NỘI DUNG", preamble: """
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật tổ chức Chính phủ và Luật tổ chức chính quyền địa phương ngày 22/11/2019;
        Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;
        """)
        XCTAssertEqual(d.citations.map(\.kind), ["Luật", "Luật", "Luật"])
        XCTAssertEqual(d.citations.map(\.date), ["2015-06-19", "2019-11-22", "2019-06-14"])
        XCTAssertTrue(d.citations.allSatisfy { $0.number == nil })
    }

    func testLaterShortMentionsFoldIntoOne() {
        let d = plan("""
        I. NỘI DUNG
        Theo Kế hoạch số 6914/KH-UBND ngày 28/9/2021 của UBND tỉnh.
        Hoàn thành mục tiêu Kế hoạch số 6914/KH-UBND.
        Tiếp tục thực hiện Kế hoạch số 6914/KH-UBND ngày 28/9/2021.
        """)
        XCTAssertEqual(d.citations.count, 1)
        XCTAssertEqual(d.citations[0].section, "I")
    }

    func testNegatives() {
        let d = plan("""
        I. NỘI DUNG
        Thực hiện các văn bản hiện hành và Quyết định này.
        Xây dựng Kế hoạch “Phổ cập giáo dục mầm non”; triển khai Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”.
        Kinh phí theo quy định của Luật Ngân sách nhà nước; báo cáo theo Kế hoạch năm 2024.
        Sở GDĐT hướng dẫn 2 lần trong năm; áp dụng pháp luật ngày 14/6/2019.
        """)
        XCTAssertEqual(d.citations, [])
    }

    func testTheDocumentItselfIsNotCited() {
        let d = read("Số: 148/QĐ-UBND\nNghệ An, ngày 18 tháng 01 năm 2022\nQUYẾT ĐỊNH\nBan hành\nĐiều 1. Ban hành kèm theo Quyết định số 148/QĐ.UBND ngày 18/01/2022.\n")
        XCTAssertEqual(d.citations, [])
    }

    func testImplementedDocumentInTitle() {
        let d = read("KẾ HOẠCH\nTriển khai thực hiện Kết luận số 49-KL/TW ngày 10/5/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 11-CT/TW ngày 13/4/2007\n\nI. MỤC ĐÍCH\n")
        XCTAssertEqual(d.citations.map(\.role), [.implements, .reference])
        XCTAssertEqual(d.citations.map(\.section), ["title", "title"])
    }
}
