import Foundation
import VanBanIngest
import VanBanModel
import VanBanStore
import XCTest

/// An index holding plans whose tasks stand in appendix tables (a portal copy in
/// Markdown with flattened cells, and an HTML page with merged cells) answers
/// who leads what, and who owes which deadline, from the rows.
final class TaskTableIndexTests: XCTestCase {
    var dir: URL!
    var store: (any DocumentStore)!

    static let markdown = """
        |
        **ỦY BAN NHÂN DÂN**
        TỈNH AN GIANG
        |
        **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
        |
        |
        Số: 7/KH-UBND
        |
        *An Giang, ngày 10
        tháng 3 năm 2025*
        |

        **KẾ HOẠCH**

        CHUYỂN ĐỔI SỐ NĂM 2025

        **I. MỤC ĐÍCH**

        Bảo đảm hiệu quả.

        |
        Nơi nhận:
        - Như trên;
        - Lưu: VT.
        |
        **KT. CHỦ TỊCH**
        PHÓ CHỦ TỊCH
        **Trần Văn B**
        |

        **PHỤ LỤC**

        NHIỆM VỤ CỤ THỂ

        |
        **TT**
        |
        **Nhiệm vụ**
        |
        **Đơn vị chủ trì**
        |
        **Đơn vị phối hợp**
        |
        **Thời hạn**
        |
        |
        1
        |
        Số hóa hồ sơ
        hộ tịch
        |
        Sở Tư pháp
        |
        Công an tỉnh
        |
        Quý II/2025
        |
        |
        2
        |
        Chia sẻ dữ liệu dân cư
        |
        Công an tỉnh
        |
        Sở Tư pháp
        |
        Tháng 9/2025
        |

        """

    static let html = """
        <html><body>
        <table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH BẮC GIANG</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>
        <tr><td>Số: 9/KH-UBND</td><td>Bắc Giang, ngày 11 tháng 3 năm 2025</td></tr></table>
        <p>KẾ HOẠCH</p><p>Cải cách hành chính năm 2025</p>
        <p>I. NHIỆM VỤ</p>
        <table>
        <tr><th>STT</th><th>Nội dung</th><th>Cơ quan chủ trì</th><th>Thời gian hoàn thành</th></tr>
        <tr><td>1</td><td>Rà soát thủ tục hành chính</td><td rowspan="2">Sở Tư pháp</td><td>Quý III/2025</td></tr>
        <tr><td>2</td><td>Công bố danh mục thủ tục</td><td>Tháng 12/2025</td></tr>
        </table>
        </body></html>
        """

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-tasktable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let md = dir.appendingPathComponent("an-giang-7.md"), page = dir.appendingPathComponent("bac-giang-9.html")
        try Self.markdown.write(to: md, atomically: true, encoding: .utf8)
        try Self.html.write(to: page, atomically: true, encoding: .utf8)
        store = try TestStores.make(dir, "t")
        let summary = try Ingestor(store: store).run([md.path, page.path])
        XCTAssertEqual(summary, Ingestor.Summary(imported: 2, unchanged: 0, replaced: 0, failed: 0))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testTasksOfAnAgencyComeFromTheRows() throws {
        let rows = try store.tasks(TaskQuery(agency: "Sở Tư pháp"))
        XCTAssertEqual(rows.map { [$0.document, $0.section, $0.text, $0.deadline ?? "-"] }.sorted { $0.joined() < $1.joined() }, [
            ["7/KH-UBND", "A1/1", "Số hóa hồ sơ hộ tịch", "2025-06"],
            ["9/KH-UBND", "I.1", "Rà soát thủ tục hành chính", "2025-09"],
            ["9/KH-UBND", "I.2", "Công bố danh mục thủ tục", "2025-12"],
        ])
        let support = try store.tasks(TaskQuery(agency: "Sở Tư pháp", role: .support))
        XCTAssertEqual(support.map { [$0.document, $0.section] }, [["7/KH-UBND", "A1/2"]])
    }

    func testDeadlinesOfAnAgencyComeFromTheTimeCells() throws {
        let rows = try store.deadlines(DeadlineQuery(before: "2025-12-31", after: "2025-01-01", agency: "Công an tỉnh"))
        XCTAssertEqual(rows.map { [$0.document, $0.section, $0.stated] }, [["7/KH-UBND", "A1/2", "2025-09"]])
        let justice = try store.deadlines(DeadlineQuery(before: "2025-12-31", agency: "Sở Tư pháp"))
        XCTAssertEqual(justice.map { [$0.document, $0.section, $0.stated] }, [
            ["7/KH-UBND", "A1/1", "2025-06"], ["9/KH-UBND", "I.1", "2025-09"], ["9/KH-UBND", "I.2", "2025-12"],
        ])
    }
}
