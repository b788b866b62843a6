import VanBanBlocks
import VanBanExtract
import VanBanFormats
import XCTest

/// One task table, written in every shape it arrives in, is one `Table` value.
/// The table: a header row, a group row spanning every column, and two task
/// rows sharing one lead (a cell merged down two rows).
final class TableBlocksTests: XCTestCase {
    /// What every shape must read as.
    let expected: [[TableCell]] = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"].map { TableCell($0) },
        [TableCell("I"), TableCell("Hoàn thiện thể chế"), TableCell(lines: []), TableCell(lines: [])],
        ["1", "Rà soát quy định về dữ liệu", "Sở Tư pháp", "Quý IV/2026"].map { TableCell($0) },
        ["2", "Xây dựng quy chế chia sẻ dữ liệu", "Sở Tư pháp", "Năm 2027"].map { TableCell($0) },
    ]

    func tables(_ blocks: [Block]) -> [Table] {
        blocks.compactMap { if case let .table(t) = $0 { return t } else { return nil } }
    }

    func testDOCXGridSpanAndVMerge() throws {
        func cell(_ text: String, span: Int = 1, vMerge: String? = nil) -> String {
            var pr = span > 1 ? #"<w:gridSpan w:val="\#(span)"/>"# : ""
            if let vMerge { pr += vMerge.isEmpty ? "<w:vMerge/>" : #"<w:vMerge w:val="\#(vMerge)"/>"# }
            return "<w:tc>" + (pr.isEmpty ? "" : "<w:tcPr>\(pr)</w:tcPr>") + (text.isEmpty ? "<w:p/>" : Fixtures.p(text)) + "</w:tc>"
        }
        let body = "<w:tbl>"
            + "<w:tr>" + cell("TT") + cell("Nhiệm vụ") + cell("Cơ quan chủ trì") + cell("Thời gian") + "</w:tr>"
            + "<w:tr>" + cell("I") + cell("Hoàn thiện thể chế", span: 3) + "</w:tr>"
            + "<w:tr>" + cell("1") + cell("Rà soát quy định về dữ liệu") + cell("Sở Tư pháp", vMerge: "restart") + cell("Quý IV/2026") + "</w:tr>"
            + "<w:tr>" + cell("2") + cell("Xây dựng quy chế chia sẻ dữ liệu") + cell("", vMerge: "") + cell("Năm 2027") + "</w:tr>"
            + "</w:tbl>"
        let read = try DocumentReader.readBlocks(bytes: try Fixtures.docx(body: body), name: "t.docx")
        XCTAssertEqual(tables(read.blocks).map(\.rows), [expected])
    }

    func testHTMLRowspanAndColspan() throws {
        let page = """
            <html><body><table>
            <tr><th>TT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Thời gian</th></tr>
            <tr><td>I</td><td colspan="3">Hoàn thiện thể chế</td></tr>
            <tr><td>1</td><td>Rà soát quy định về dữ liệu</td><td rowspan="2">Sở Tư pháp</td><td>Quý IV/2026</td></tr>
            <tr><td>2</td><td>Xây dựng quy chế chia sẻ dữ liệu</td><td>Năm 2027</td></tr>
            </table></body></html>
            """
        let read = try DocumentReader.readBlocks(bytes: Array(page.utf8), name: "t.html")
        XCTAssertEqual(tables(read.blocks).map(\.rows), [expected])
    }

    func testMarkdownPipeRows() throws {
        let md = """
            | TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |
            |---|---|---|---|
            | I | **Hoàn thiện thể chế** | | |
            | 1 | Rà soát quy định về dữ liệu | Sở Tư pháp | Quý IV/2026 |
            | 2 | Xây dựng quy chế chia sẻ dữ liệu | Sở Tư pháp | Năm 2027 |
            """
        let read = try DocumentReader.readBlocks(bytes: Array(md.utf8), name: "t.md")
        XCTAssertEqual(tables(read.blocks).map(\.rows), [expected])
    }

    /// Cells on their own lines between lone `|` lines, as portal converters
    /// write them: the group row's spanned cells are not written, and a cell's
    /// text is hard-wrapped.
    func testFlattenedCells() throws {
        let md = """
            |
            **TT**
            |
            **Nhiệm vụ**
            |
            **Cơ quan chủ trì**
            |
            **Thời gian**
            |
            |
            **I**
            |
            **Hoàn thiện
            thể chế**
            |
            |
            1
            |
            Rà soát quy định
            về dữ liệu
            |
            Sở Tư pháp
            |
            Quý IV/2026
            |
            |
            2
            |
            Xây dựng quy chế chia sẻ dữ liệu
            |
            Sở Tư pháp
            |
            Năm 2027
            |

            Đoạn sau bảng.
            """
        let read = try DocumentReader.readBlocks(bytes: Array(md.utf8), name: "t.md")
        XCTAssertEqual(read.format, .markdown)
        let t = try XCTUnwrap(tables(read.blocks).first)
        // The group row is short (two cells written): padded on reading. A cell keeps its source
        // lines (a wrap cannot be told from a break there); its text joins them.
        XCTAssertEqual(t.paddedRows.map { $0.map(\.text) }, expected.map { $0.map(\.text) })
        XCTAssertEqual(t.rows[2][1].lines, ["Rà soát quy định", "về dữ liệu"])
        XCTAssertEqual(read.blocks.last, .paragraph(TextBlock(text: "Đoạn sau bảng.", line: 36)))
    }

    /// A row with an empty cell between full ones: the column count comes from
    /// the header, so the empty cell stays in its column.
    func testFlattenedEmptyCellKeepsItsColumn() {
        let lines = ["|", "TT", "|", "Nội dung", "|", "Chủ trì", "|", "|", "1", "|", "|", "Sở Y tế", "|", ""]
        let blocks = MarkdownBlockReader.read(lines: lines)
        XCTAssertEqual(blocks, [.table(Table(rows: [["TT", "Nội dung", "Chủ trì"].map { TableCell($0) },
                                                    [TableCell("1"), TableCell(lines: []), TableCell("Sở Y tế")]], line: 1))])
    }

    /// The header table and the closing row of a portal copy: two columns, cells with several lines.
    func testFlattenedHeaderTable() {
        let lines = ["|", "**ỦY BAN NHÂN DÂN**", "TỈNH AN GIANG", "-------", "|", "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**",
                     "Độc lập - Tự do - Hạnh phúc", "|", "|", "Số: 12/KH-UBND", "|", "*An Giang, ngày 05", "tháng 3 năm 2025*", "|", ""]
        XCTAssertEqual(MarkdownBlockReader.read(lines: lines), [.table(Table(rows: [
            [TableCell(lines: ["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG", "-------"]),
             TableCell(lines: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])],
            [TableCell("Số: 12/KH-UBND"), TableCell("An Giang, ngày 05 tháng 3 năm 2025")],
        ], line: 1))])
    }

    /// A Word plan whose task table has a lead merged down two rows.
    func testDOCXTaskTableGivesOneTaskPerRow() throws {
        func cell(_ text: String, vMerge: String? = nil) -> String {
            let pr = vMerge.map { $0.isEmpty ? "<w:tcPr><w:vMerge/></w:tcPr>" : "<w:tcPr><w:vMerge w:val=\"\($0)\"/></w:tcPr>" } ?? ""
            return "<w:tc>" + pr + (text.isEmpty ? "<w:p/>" : Fixtures.p(text)) + "</w:tc>"
        }
        let header = "<w:tbl><w:tr>" + cell("ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH") + cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + "</w:tr><w:tr>"
            + cell("Số: 15/KH-UBND") + cell("Bình Định, ngày 05 tháng 3 năm 2025") + "</w:tr></w:tbl>"
        let body = Fixtures.p("KẾ HOẠCH") + Fixtures.p("Chuyển đổi số năm 2025") + Fixtures.p("I. NHIỆM VỤ")
        let tasks = "<w:tbl>"
            + "<w:tr>" + cell("TT") + cell("Nhiệm vụ") + cell("Cơ quan chủ trì") + cell("Thời gian") + "</w:tr>"
            + "<w:tr>" + cell("1") + cell("Rà soát quy định") + cell("Sở Tư pháp", vMerge: "restart") + cell("Quý IV/2025") + "</w:tr>"
            + "<w:tr>" + cell("2") + cell("Công bố thủ tục") + cell("", vMerge: "") + cell("Tháng 12/2025") + "</w:tr>"
            + "</w:tbl>"
        let doc = try DocumentPipeline.read(bytes: try Fixtures.docx(body: header + body + tasks), name: "t.docx")
        XCTAssertEqual(doc.number, "15/KH-UBND")
        XCTAssertEqual(doc.tasks.map { [$0.section, $0.lead.joined(), $0.text, $0.deadline ?? "-"] }, [
            ["I.1", "Sở Tư pháp", "Rà soát quy định", "2025-12"], ["I.2", "Sở Tư pháp", "Công bố thủ tục", "2025-12"],
        ])
    }
}
