import VanBanModel
import XCTest

final class TaskTests: XCTestCase {
    func testSectionHeadingsUnderOrganization() {
        let d = plan("""
        IV. TỔ CHỨC THỰC HIỆN
        1. Công chức Văn hoá – Xã hội
        - Chủ trì và phối hợp với Trung tâm học tập cộng đồng và các ban, ngành có liên quan triển khai thực hiện tốt kế hoạch.
        - Tổng hợp báo cáo.
        2. Đề nghị Ủy ban MTTQVN và các Tổ chức chính trị xã hội
        Triển khai Kế hoạch.
        3. Sở Khoa học và Công nghệ: Huy động các sở, ngành, địa phương.
        4. Các sở, ban, ngành, đoàn thể, các tổ chức hội có liên quan
        Phối hợp thực hiện.
        5. Các phòng chuyên môn thuộc Sở, các đơn vị trực thuộc Sở:
        - Tuyên truyền.
        """)
        XCTAssertEqual(leads(d), [
            ["IV.1", "Công chức Văn hóa - Xã hội"], ["IV.1", "Công chức Văn hóa - Xã hội"],
            ["IV.2", "Ủy ban Mặt trận Tổ quốc Việt Nam"], ["IV.2", "Các Tổ chức chính trị xã hội"],
            ["IV.3", "Sở Khoa học và Công nghệ"],
            ["IV.4", "Các sở, ban, ngành, đoàn thể, các tổ chức hội có liên quan"],
            ["IV.5", "Các phòng chuyên môn thuộc Sở"], ["IV.5", "Các đơn vị trực thuộc Sở"],
        ])
        XCTAssertEqual(d.tasks[0].support, ["Trung tâm học tập cộng đồng", "Các ban, ngành có liên quan"])
    }

    func testSubjectsAndChuTriOutsideOrganization() {
        let d = plan("""
        II. NHIỆM VỤ
        1. Tuyên truyền
        - Sở GDĐT chủ trì phối hợp với Hội Khuyến học tỉnh tổ chức Tuần lễ học tập suốt đời.
        - Sở Tài chính bố trí kinh phí thực hiện.
        - Căn cứ khả năng cân đối ngân sách, Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu.
        - Các Hội: Cựu chiến binh, Nông dân
        Phối hợp với các đơn vị liên quan.
        """)
        XCTAssertEqual(leads(d), [["II.1", "Sở Giáo dục và Đào tạo"], ["II.1", "Sở Tài chính"], ["II.1", "Sở Kế hoạch và Đầu tư"],
                                  ["II.1", "Hội Cựu chiến binh"], ["II.1", "Hội Nông dân"]])
        XCTAssertEqual(d.tasks[0].support, ["Hội Khuyến học tỉnh"])
    }

    func testNoTasksFromGoalsVerbsOrTheExecutionArticle() {
        let d = read("""
        QUYẾT ĐỊNH
        Ban hành Kế hoạch
        Điều 1. Phê duyệt Kế hoạch.
        Điều 2. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Giáo dục và Đào tạo, Tài chính chịu trách nhiệm thi hành Quyết định này./.
        """)
        XCTAssertEqual(d.tasks, [])
        let e = plan("""
        I. MỤC ĐÍCH, YÊU CẦU
        - Các Sở, ban, ngành, Ủy ban nhân dân huyện căn cứ tình hình thực tế xây dựng kế hoạch.
        II. NHIỆM VỤ
        - Tổ chức các hoạt động học tập suốt đời.
        - Ban hành Kế hoạch triển khai.
        - Bổ sung, điều chỉnh một số hoạt động.
        """)
        XCTAssertEqual(e.tasks, [])
    }

    func testTaskDeadlineIsLinked() {
        let d = plan("""
        III. TỔ CHỨC THỰC HIỆN
        3. Các cơ quan, đơn vị tổng hợp kết quả.
        Sở GDĐT chủ trì tổng hợp, báo cáo trước ngày 01/12/2024.
        """)
        XCTAssertEqual(d.tasks.last?.deadline, "2024-12-01")
        XCTAssertEqual(d.deadlines.first?.agencies, ["Sở Giáo dục và Đào tạo"])
    }
}

final class DeadlineTests: XCTestCase {
    func testDatesRecurrenceAndRelations() {
        let d = plan("""
        V. CHẾ ĐỘ BÁO CÁO
        Các đơn vị báo cáo sơ kết (trước ngày 05/6), báo cáo tổng kết (trước ngày 05/12) về UBND (để tổng hợp trước ngày 10/12 hàng năm).
        Các Sở gửi báo cáo định kỳ trước ngày 15 tháng 12 hằng năm. Hoàn thành chậm nhất ngày 30/6/2024.
        Khai mạc vào ngày 15/5/2024.
        """)
        XCTAssertEqual(d.deadlines.map(\.date), ["--06-05", "--12-05", "--12-10", "--12-15", "2024-06-30", "2024-05-15"])
        XCTAssertEqual(d.deadlines.map(\.recurrence), [.yearly, .yearly, .yearly, .yearly, nil, nil])
        XCTAssertEqual(d.deadlines.map(\.relation), [.before, .before, .before, .before, .before, .on])
        XCTAssertEqual(d.deadlines[0].resolvedDate, "2024-06-05")
    }

    func testPeriodicDutiesNamedByDinhKy() {
        let d = plan("""
        I. NỘI DUNG
        Kiểm tra; định kỳ 6 tháng, năm tổng hợp báo cáo. Định kỳ hằng năm tổ chức sơ kết.
        """)
        XCTAssertEqual(d.deadlines.map(\.recurrence), [.semiannual, .yearly, .yearly])
        XCTAssertEqual(d.deadlines.map(\.date), [nil, nil, nil])
    }

    func testNotDeadlines() {
        let d = plan("""
        I. NỘI DUNG
        Khen thưởng định kỳ và đột xuất. Định kỳ sơ kết phong trào. Phấn đấu đến năm 2025 đạt chuẩn.
        Hàng tháng có ít nhất 02 lần tuyên truyền. Hàng năm, bố trí ngân sách. Tổ chức sơ kết vào năm 2025.
        Quyết định có hiệu lực kể từ ngày ký.
        """)
        XCTAssertEqual(d.deadlines, [])
    }
}

final class TargetTests: XCTestCase {
    func testPercentagesRangesDecimalsAndYears() {
        let d = plan("""
        II. MỤC TIÊU
        2. Mục tiêu cụ thể năm 2024
        Phấn đấu 40% số người trong độ tuổi lao động được trang bị năng lực thông tin.
        Có 60% lao động nông thôn tham gia học tập, trong đó có khoảng 25-35% nông dân tham gia học tập.
        2.1. Mục tiêu đến năm 2025
        + 99,9% người trong độ tuổi từ 15-35, 99,7% người trong độ tuổi từ 36-60 đạt chuẩn biết chữ mức độ 1.
        """)
        let t = d.targets
        XCTAssertEqual(t.map(\.value), [40, 60, 25, 99.9, 99.7])
        XCTAssertEqual(t.map(\.upper), [nil, nil, 35, nil, nil])
        XCTAssertEqual(t.map(\.year), [2024, 2024, 2024, 2025, 2025])
        XCTAssertEqual(t.map(\.unit), ["%", "%", "%", "%", "%"])
        XCTAssertEqual(t[0].comparator, .atLeast)
        XCTAssertEqual(t[0].indicator, "số người trong độ tuổi lao động được trang bị năng lực thông tin")
    }

    func testCountsAndSentenceYear() {
        let d = plan("""
        IV. TỔ CHỨC THỰC HIỆN
        5. Cán bộ Đài Truyền thanh
        Hàng tháng có ít nhất 02 lần tuyên truyền về công tác xây dựng xã hội học tập.
        Đảm bảo kết thúc năm 2024 mỗi huyện có ít nhất từ 70% các TTHTCĐ ứng dụng công nghệ thông tin.
        Theo Kế hoạch số 6914/KH-UBND ngày 28/9/2021, đối với mục tiêu 50% dân số từ 15 tuổi trở lên được đào tạo.
        """)
        XCTAssertEqual(d.targets.map(\.value), [2, 70, 50])
        XCTAssertEqual(d.targets.map(\.unit), ["lần", "%", "%"])
        XCTAssertEqual(d.targets.map(\.year), [nil, 2024, nil])
        XCTAssertEqual(d.targets.map(\.comparator), [.atLeast, .atLeast, .equal])
    }

    func testNotTargets() {
        let d = plan("""
        II. MỤC TIÊU
        Phấn đấu thực hiện đạt chuẩn xóa mù chữ mức độ 2; phổ cập giáo dục cho trẻ em 5 tuổi, độ tuổi từ 15 đến 60 tuổi.
        Góp phần thực hiện cuộc cách mạng công nghiệp 4.0 theo Thông tư 06 và Kế hoạch số 135/KH-UBND ngày 20/02/2024.
        Chia thành 02 giai đoạn; nâng tỷ lệ huy động trẻ em dưới 5 tuổi.
        """)
        XCTAssertEqual(d.targets, [])
    }
}
