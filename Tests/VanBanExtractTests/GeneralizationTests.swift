import VanBanModel
import XCTest

/// Shapes seen in plans from other provinces than the sample corpus.
final class GeneralizationTests: XCTestCase {
    func testAssignmentOpenersAndUnknownVerbs() {
        let d = plan("""
        III. NHIỆM VỤ
        - Giao Sở Tài chính bố trí kinh phí thực hiện.
        - Yêu cầu UBND các xã, phường, thị trấn xây dựng kế hoạch.
        - Các sở, ban, ngành, địa phương, cơ quan, đơn vị quan tâm, quán triệt các văn bản.
        """)
        XCTAssertEqual(leads(d), [["III", "Sở Tài chính"], ["III", "Ủy ban nhân dân các xã, phường, thị trấn"],
                                  ["III", "Các sở, ban, ngành, địa phương, cơ quan, đơn vị"]])
    }

    func testDeadlineShapes() {
        let d = plan("""
        V. CHẾ ĐỘ BÁO CÁO
        Báo cáo định kỳ 6 tháng và năm trước ngày 15/6 và 15/12 hằng năm. Gửi tổng hợp trước 30/11/2024.
        Hoàn thành chậm nhất ngày 31-12-2024.
        """)
        XCTAssertEqual(d.deadlines.map(\.date), ["--06-15", "--12-15", "2024-11-30", "2024-12-31"])
        XCTAssertEqual(d.deadlines.map(\.recurrence), [.semiannual, .semiannual, nil, nil])
    }

    func testTargetShapes() {
        let d = plan("""
        II. MỤC TIÊU
        Đến năm 2025, 95% trở lên số xã đạt chuẩn; tỷ lệ tái mù chữ dưới 2%.
        """)
        XCTAssertEqual(d.targets.map(\.value), [95, 2])
        XCTAssertEqual(d.targets.map(\.comparator), [.atLeast, .atMost])
        XCTAssertEqual(d.targets.map(\.year), [2025, 2025])
    }

    func testCitationShapes() {
        let d = plan("I. NỘI DUNG", preamble: """
        Căn cứ Luật Giáo dục năm 2019;
        Căn cứ các Quyết định số 12/QĐ-UBND ngày 02/01/2023, số 45/QĐ-UBND ngày 15/3/2023 của UBND tỉnh;
        """)
        XCTAssertEqual(d.citations.map(\.kind), ["Luật", "Quyết định", "Quyết định"])
        XCTAssertEqual(d.citations.map(\.date), ["2019", "2023-01-02", "2023-03-15"])
        XCTAssertEqual(d.citations.map(\.number), [nil, "12/QĐ-UBND", "45/QĐ-UBND"])
        XCTAssertEqual(d.citations.map(\.role), [.basis, .basis, .basis])
    }

    func testFormVariants() {
        let d = read("""
        UBND TỈNH BẮC NINH Độc lập - Tự do - Hạnh phúc
        Số: 12/KH-UBND Bắc Ninh, ngày 05 tháng 3 năm 2024
        KẾ HOẠCH
        Triển khai công tác năm 2024
        -----------
        a. Mục tiêu
        Nội dung.
        ________
        b. Nhiệm vụ
        Nơi nhận:
        Như trên;
        Lưu: VT.
        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
        (Đã ký)
        Nguyễn Văn An
        """)
        XCTAssertEqual(d.issuer?.name, "UBND tỉnh Bắc Ninh")
        XCTAssertEqual(d.title, "Triển khai công tác năm 2024")
        XCTAssertEqual(d.outline.map(\.id), ["a", "b"])
        XCTAssertEqual(d.outline[0].paragraphs.map(\.text), ["Nội dung."])
        XCTAssertEqual(d.recipients, ["Như trên"])
        XCTAssertEqual(d.archive, "Lưu: VT")
        // Two authority lines: the signer's own, inner one (ANNOTATION.md, second edition).
        XCTAssertEqual(d.signature, Signature(authority: "KT.", onBehalfOf: "CHỦ TỊCH", position: "PHÓ CHỦ TỊCH", signer: "Nguyễn Văn An"))
    }
}
