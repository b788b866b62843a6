import VanBanModel
import XCTest

/// Real shapes of assignment (ANNOTATION.md, second edition), on fixtures written for them.
final class TaskShapeTests: XCTestCase {
    // MARK: Designation lists

    func testDesignationListsUnderFacetsNameTheTasksLeads() {
        let d = markdownPlan("""
        **II. NHIỆM VỤ**

        **1. Hoàn thiện cơ sở dữ liệu**

        a) Nhiệm vụ: Rà soát, chuẩn hóa dữ liệu ngành.

        b) Cơ quan thực hiện:

        - Đơn vị chủ trì: Sở Tư pháp; Sở Nội vụ.

        - Đơn vị phối hợp: Các sở, ban, ngành.

        c) Thời gian thực hiện: Quý IV/2025.

        **2. Tuyên truyền pháp luật**

        - Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch, Báo An Giang và các cơ quan có liên quan.

        - Thời gian thực hiện: năm 2025 và các năm tiếp theo.
        """)
        XCTAssertEqual(leads(d), [["II.1", "Sở Tư pháp"], ["II.1", "Sở Nội vụ"],
                                  ["II.2", "Sở Văn hóa, Thể thao và Du lịch"], ["II.2", "Báo An Giang"], ["II.2", "Các cơ quan có liên quan"]])
        XCTAssertEqual(d.tasks[0].support, ["Các sở, ban, ngành"])
        XCTAssertEqual(d.deadlines.map(\.date), ["2025-12", "2025"])
        XCTAssertEqual(d.deadlines.map(\.relation), [.before, .from])
        // The task's own timing line is its deadline, owed by its leads.
        XCTAssertEqual(d.tasks.map(\.deadline), ["2025-12", "2025"])
        XCTAssertEqual(d.deadlines.map(\.agencies), [["Sở Tư pháp", "Sở Nội vụ"],
                                                    ["Sở Văn hóa, Thể thao và Du lịch", "Báo An Giang", "Các cơ quan có liên quan"]])
    }

    /// `Cơ quan thực hiện` beside a `chủ trì` line names executors, not leads;
    /// a designation word inside a sentence is no designation.
    func testExecutorsBesideALeadAndDesignationWordsInSentences() {
        let d = markdownPlan("""
        **II. NHIỆM VỤ**

        **1. Số hóa hồ sơ**

        - Cơ quan chủ trì: Sở Nội vụ.

        - Cơ quan thực hiện: Ủy ban nhân dân các xã, phường.

        **2. Báo cáo**

        - Tổng hợp ý kiến gửi cơ quan chủ trì: trước khi trình.
        """)
        XCTAssertEqual(leads(d), [["II.1", "Sở Nội vụ"]])
    }

    // MARK: Assignments inside items

    func testAssignmentsInsideItems() {
        let d = plan("""
        II. NHIỆM VỤ
        1. Hoàn thiện thể chế
        - Rà soát các quy định về dữ liệu (Giao Công an tỉnh chủ trì, phối hợp với Sở Tư pháp).
        - Xây dựng quy chế chia sẻ dữ liệu, Sở Khoa học và Công nghệ tham mưu Ủy ban nhân dân tỉnh ban hành.
        - Kiện toàn bộ máy, phối hợp với Sở Nội vụ tham mưu điều chỉnh.
        """)
        XCTAssertEqual(leads(d), [["II.1", "Công an tỉnh"], ["II.1", "Sở Khoa học và Công nghệ"]])
        XCTAssertEqual(d.tasks.first?.support, ["Sở Tư pháp"])
    }

    // MARK: Clauses under an assignee heading

    func testClausesUnderAnAssigneeHeadingAreItsTasks() {
        let d = markdownPlan("""
        **IV. TỔ CHỨC THỰC HIỆN**

        **1. Sở Tài chính**

        a) Bố trí kinh phí thực hiện Kế hoạch.

        b) Hướng dẫn thanh quyết toán theo quy định.

        **2. Về thể chế**

        a) Rà soát các văn bản quy phạm pháp luật.
        """)
        XCTAssertEqual(leads(d), [["IV.1.a", "Sở Tài chính"], ["IV.1.b", "Sở Tài chính"]])
    }

    // MARK: Task tables

    static let flattenedTaskTable = """
        **PHỤ LỤC**

        NHIỆM VỤ TRỌNG TÂM

        |
        **TT**
        |
        **Nhiệm vụ**
        |
        **Cơ quan chủ trì**
        |
        **Cơ quan phối hợp**
        |
        **Thời gian hoàn thành**
        |
        |
        **I**
        |
        **Hoàn thiện thể chế**
        |
        |
        1
        |
        Rà soát quy định
        về chia sẻ dữ liệu
        |
        Sở Tư pháp
        |
        Các sở, ngành
        |
        Quý IV/2025
        |
        |
        2
        |
        Xây dựng cơ sở dữ liệu dùng chung
        |
        Sở KH&CN; UBND các xã, phường
        |
        Sở Tài chính
        |
        Năm 2025 - 2026
        |
        |
        3
        |
        Vận hành hệ thống
        |
        Doanh nghiệp viễn thông, nhà cung cấp dịch vụ
        |
        Sở Khoa học và Công nghệ
        |
        Thường xuyên
        |
        """

    func testFlattenedTaskTableRowsAreTasks() {
        let d = markdownPlan("""
        **I. MỤC ĐÍCH**

        Bảo đảm hiệu quả.

        |
        Nơi nhận:
        - Như trên;
        - Lưu: VT.
        |
        **KT. CHỦ TỊCH**
        PHÓ CHỦ TỊCH
        **Nguyễn Văn A**
        |

        \(Self.flattenedTaskTable)
        """)
        XCTAssertEqual(d.signature?.signer, "Nguyễn Văn A")
        XCTAssertEqual(d.attachments.map(\.title), ["NHIỆM VỤ TRỌNG TÂM"])
        XCTAssertEqual(ids(d.attachments[0].outline), ["I", "I.1", "I.2", "I.3"])
        XCTAssertEqual(leads(d), [["A1/I.1", "Sở Tư pháp"], ["A1/I.2", "Sở Khoa học và Công nghệ"],
                                  ["A1/I.2", "Ủy ban nhân dân các xã, phường"],
                                  ["A1/I.3", "Doanh nghiệp viễn thông, nhà cung cấp dịch vụ"]])
        XCTAssertEqual(d.tasks.map(\.text), ["Rà soát quy định về chia sẻ dữ liệu", "Xây dựng cơ sở dữ liệu dùng chung", "Vận hành hệ thống"])
        XCTAssertEqual(d.tasks.map(\.support), [["Các sở, ngành"], ["Sở Tài chính"], ["Sở Khoa học và Công nghệ"]])
        XCTAssertEqual(d.tasks.map(\.deadline), ["2025-12", "2026", nil])
        // Deadlines know who owes them.
        XCTAssertEqual(d.deadlines.map(\.agencies), [["Sở Tư pháp"], ["Sở Khoa học và Công nghệ", "Ủy ban nhân dân các xã, phường"]])
        // The node that holds the table keeps the grid.
        XCTAssertEqual(d.attachments[0].outline[0].table?.columns, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"])
        XCTAssertEqual(d.attachments[0].outline[0].table?.rows.count, 4)
    }

    /// A table without a `chủ trì` column assigns nothing; its rows are still nodes.
    func testTableWithoutLeadColumnAssignsNothing() {
        let d = markdownPlan("""
        **I. CHỈ TIÊU**

        | TT | Chỉ tiêu | Đơn vị tính | 2026 |
        |---|---|---|---|
        | 1 | Tỷ lệ hồ sơ trực tuyến | % | 80 |
        """)
        XCTAssertEqual(d.tasks, [])
        XCTAssertEqual(ids(d.outline), ["I", "I.1"])
    }

    /// An indicator table: one target per number under a year column, with the row's unit and indicator.
    func testIndicatorTableTargets() {
        let d = markdownPlan("""
        **I. MỤC TIÊU**

        | TT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2027 | Ghi chú |
        |---|---|---|---|---|---|
        | 1 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | 80 | ≥ 90 | 2026 là năm đầu |
        | 2 | Số xã có điểm phục vụ một cửa | xã | 1.200 | Đạt | |
        | 3 | Cơ sở dữ liệu chuyên ngành | cơ sở dữ liệu | 5-7 | 10 | |
        """)
        XCTAssertEqual(d.targets.map { [String($0.value), $0.upper.map { String($0) } ?? "-", $0.unit, $0.comparator.rawValue, String($0.year ?? 0)] }, [
            ["80.0", "-", "%", "=", "2026"], ["90.0", "-", "%", ">=", "2027"],
            ["1200.0", "-", "xã", "=", "2026"],
            ["5.0", "7.0", "cơ sở dữ liệu", "=", "2026"], ["10.0", "-", "cơ sở dữ liệu", "=", "2027"],
        ])
        XCTAssertEqual(d.targets.first?.indicator, "Tỷ lệ hồ sơ trực tuyến toàn trình")
        XCTAssertEqual(d.targets.first?.section, "I.1")
    }

    /// A phase heading gives its end as the year of the targets under it.
    func testPhaseHeadingsGiveTheYearOfTargets() {
        let d = plan("""
        III. LỘ TRÌNH
        1. Giai đoạn 2025 - 2030
        - Phấn đấu 80% doanh nghiệp ứng dụng công nghệ số.
        2. Giai đoạn 2031-2035
        - Tối thiểu 90% hồ sơ được xử lý trực tuyến.
        3. Năm học 2024-2025
        - Ít nhất 02 lần tập huấn.
        4. Hoạt động thường xuyên
        - Duy trì 100% trang thông tin hoạt động.
        """)
        XCTAssertEqual(d.targets.map { [String($0.value), String($0.year ?? 0)] },
                       [["80.0", "2030"], ["90.0", "2035"], ["2.0", "2025"], ["100.0", "0"]])
    }

    // MARK: Timing

    func testTimingCellsAndLines() {
        let d = markdownPlan("""
        **II. NHIỆM VỤ**

        | TT | Nhiệm vụ | Cơ quan chủ trì | Tiến độ |
        |---|---|---|---|
        | 1 | Việc một | Sở Y tế | Tháng 11, 12/2025 |
        | 2 | Việc hai | Sở Y tế | Từ tháng 3/2026 |
        | 3 | Việc ba | Sở Y tế | Hằng năm |
        | 4 | Việc bốn | Sở Y tế | Thường xuyên |
        | 5 | Việc năm | Sở Y tế | 2026 - 2030 |
        | 6 | Việc sáu | Sở Y tế | Quý III năm 2027 |
        | 7 | Việc bảy | Sở Y tế | Quý IV/2025 - Quý II/2026 |

        **III. BÁO CÁO**

        - Thời hạn: theo tiến độ của Luật An ninh mạng 2025.
        """, title: "CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2026 - 2030")
        XCTAssertEqual(d.deadlines.map { [$0.date ?? "-", $0.recurrence?.rawValue ?? "-", $0.relation?.rawValue ?? "-", $0.section] }, [
            ["2025-12", "-", "before", "II.1"], ["2026-03", "-", "from", "II.2"], ["-", "yearly", "-", "II.3"],
            ["2027-09", "-", "before", "II.6"], ["2026-06", "-", "before", "II.7"],
        ])
    }

    func testDailyAndMonthlyDuties() {
        let d = plan("""
        IV. CHẾ ĐỘ BÁO CÁO
        1. Các xã báo cáo Ủy ban nhân dân tỉnh trước 19h00’ hằng ngày.
        2. Sở Y tế báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình dịch bệnh.
        3. Các sở báo cáo kết quả trước ngày 20 hằng tháng.
        4. Khen thưởng định kỳ các tập thể.
        """)
        XCTAssertEqual(d.deadlines.map { [$0.date ?? "-", $0.recurrence?.rawValue ?? "-"] },
                       [["-", "daily"], ["-", "daily"], ["-", "daily"], ["-", "monthly"]])
    }

    /// Rule (b) after an opening clause (`Căn cứ ...,`, `Đối với ...,`): the compound subject's
    /// named bodies lead, generic groups and plural positions aside; a task opening with
    /// `Thực hiện` has no subject to find.
    func testSubjectAfterAnOpeningClause() {
        let d = plan("""
        IV. TỔ CHỨC THỰC HIỆN
        1. Căn cứ Kế hoạch này, các sở, ngành và Ủy ban nhân dân các xã, phường xây dựng kế hoạch triển khai.
        2. Đối với các nhiệm vụ năm 2025, Sở Tài chính chủ động bố trí kinh phí.
        3. Căn cứ kế hoạch này, Giám đốc các Sở, Thủ trưởng các ngành, Ủy ban nhân dân các xã, phường xây dựng kế hoạch cụ thể.
        4. Thực hiện tốt công tác tuyên truyền, vận động nhân dân tham gia.
        5. Căn cứ tình hình thực tế, xây dựng kế hoạch chi tiết.
        """)
        XCTAssertEqual(leads(d), [["IV.1", "Các sở, ngành"], ["IV.1", "Ủy ban nhân dân các xã, phường"], ["IV.2", "Sở Tài chính"],
                                  ["IV.3", "Ủy ban nhân dân các xã, phường"]])
    }

    /// The same deadline stated twice in one section is one entry (its agencies joined);
    /// the due times of a daily duty stay apart, and so do equal dates in other sections.
    func testIdenticalDeadlinesAreOne() {
        let d = plan("""
        I. NHIỆM VỤ
        1. Sở Tài chính tổng hợp, báo cáo trước ngày 15/11/2025.
        Sở Tài chính tổng hợp, báo cáo trước ngày 15/11/2025.
        Sở Nội vụ hoàn thành trước ngày 15/11/2025 và 15/11/2025.
        2. Sở Y tế tổng hợp, báo cáo trước ngày 15/11/2025.
        3. Sở Y tế báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình dịch bệnh.
        """)
        XCTAssertEqual(d.deadlines.map { [$0.section, $0.date ?? "-", $0.recurrence?.rawValue ?? "-"] },
                       [["I.1", "2025-11-15", "-"], ["I.1", "2025-11-15", "-"], ["I.2", "2025-11-15", "-"],
                        ["I.3", "-", "daily"], ["I.3", "-", "daily"]])
        XCTAssertEqual(d.deadlines[0].quote, "Sở Tài chính tổng hợp, báo cáo trước ngày 15/11/2025.")
        XCTAssertEqual(d.deadlines[0].agencies, ["Sở Tài chính"])
        XCTAssertEqual(d.tasks.filter { $0.section == "I.1" }.map(\.deadline), ["2025-11-15", "2025-11-15", "2025-11-15"])
    }

    // MARK: Citations on real text

    func testCitationsOnRealText() {
        let d = plan("""
        I. CĂN CỨ
        1. Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 ngày 26/6/2025; Nghị quyết số 71/NQ -CP ngày 01/4/2025 của Chính phủ.
        2. Các Công điện: số 007/CĐ-UBND ngày 17/11/2025, số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025.
        3. Quy hoạch mạng lưới (Số 1226/QĐ-BVHTTDL ngày 29/4/2025).
        - Chương trình gồm Dự án 1: Phòng ngừa tội phạm; Dự án 2: Ứng dụng công nghệ; nhiệm vụ tại Dự án 7 và Đề án 06.
        5. Các Nghị định hướng dẫn Luật Quy hoạch (Số 37/2019/NĐ-CP ngày 07/5/2019).
        """)
        XCTAssertEqual(d.citations.map { [$0.kind, $0.number ?? "-", $0.date ?? "-"] }, [
            ["Luật", "91/2025/QH15", "2025-06-26"], ["Nghị quyết", "71/NQ-CP", "2025-04-01"],
            ["Công điện", "007/CĐ-UBND", "2025-11-17"], ["Công điện", "008/CĐ-UBND", "-"], ["Công điện", "009/CĐ-UBND", "2025-11-19"],
            ["Quyết định", "1226/QĐ-BVHTTDL", "2025-04-29"], ["Đề án", "06", "-"],
            // The law named before a bracket of decrees is no citation of its own; the decree is.
            ["Nghị định", "37/2019/NĐ-CP", "2019-05-07"],
        ])
    }

    func ids(_ nodes: [OutlineNode]) -> [String] {
        nodes.flatMap { [$0.id] + ids($0.children) }
    }
}
