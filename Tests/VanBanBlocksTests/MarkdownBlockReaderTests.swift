import VanBanBlocks
import XCTest

final class MarkdownBlockReaderTests: XCTestCase {
    func read(_ text: String) -> [Block] {
        MarkdownBlockReader.read(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    func texts(_ blocks: [Block]) -> [String] {
        blocks.compactMap { if case let .paragraph(p) = $0 { return p.text } else { return nil } }
    }

    /// A paragraph broken anywhere, even inside a date or a number, is one block.
    func testHardWrapsAreJoined() {
        let blocks = read("""
            Thực hiện Nghị quyết số
            214/NQ-CP ngày 23/7/2025 của Chính phủ, ưu tiên các địa bàn cấp độ
            1. Cấp ngay nhu yếu phẩm.

            **I. MỤC ĐÍCH,
            YÊU CẦU**
            """)
        XCTAssertEqual(blocks, [
            .paragraph(TextBlock(text: "Thực hiện Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ, ưu tiên các địa bàn cấp độ 1. Cấp ngay nhu yếu phẩm.",
                                 isHeading: false, line: 1, blankBefore: true)),
            .paragraph(TextBlock(text: "I. MỤC ĐÍCH, YÊU CẦU", isHeading: true, line: 5, blankBefore: true)),
        ])
    }

    /// Items written without blank lines between them start new blocks; a
    /// dash before a number after an unfinished line is a wrapped range.
    func testItemsStartNewBlocks() {
        XCTAssertEqual(texts(read("""
            Nơi gửi:
            - Sở Tài chính;
            - Sở Tư pháp;
            + Lưu: VT.
            a) Nhiệm vụ một;
            b) Nhiệm vụ hai.
            GIAI ĐOẠN 2026
            - 2030
            """)), ["Nơi gửi:", "- Sở Tài chính;", "- Sở Tư pháp;", "+ Lưu: VT.", "a) Nhiệm vụ một;", "b) Nhiệm vụ hai. GIAI ĐOẠN 2026 - 2030"])
    }

    func testHeadingsAndEmptyEmphasis() {
        let blocks = read("# Kế hoạch\n\n** **\n\n## 1. Mục tiêu ##\n\n* *\n")
        XCTAssertEqual(blocks, [
            .paragraph(TextBlock(text: "Kế hoạch", isHeading: true, line: 1, blankBefore: true)),
            .paragraph(TextBlock(text: "1. Mục tiêu", isHeading: true, line: 5, blankBefore: true)),
        ])
    }

    /// Pathological shapes finish and give no cells.
    func testRunsOfPipesAreMarkupOnly() {
        XCTAssertEqual(read(String(repeating: "|\n", count: 50_000)), [])
        let oneLine = String(repeating: "|", count: 200_000)
        XCTAssertEqual(read(oneLine).count, 1) // a pipe row with no cells: one empty-celled table at most
    }

    /// A line break inside a pipe cell is written `<br>` by converters: the cell keeps its lines.
    func testLineBreaksInsidePipeCells() {
        let blocks = MarkdownBlockReader.read(lines: ["| Nơi nhận:<br>- UBND tỉnh;<br/>- Lưu: VT. | KT. CHỦ TỊCH<br />PHÓ CHỦ TỊCH<BR>Trần Văn Minh |", "|---|---|"])
        guard case let .table(t)? = blocks.first else { return XCTFail("\(blocks)") }
        XCTAssertEqual(t.rows[0][0].lines, ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT."])
        XCTAssertEqual(t.rows[0][1].lines, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Minh"])
        guard case let .table(other)? = MarkdownBlockReader.read(lines: ["| a < b, <i>c</i> | d |", "|---|---|"]).first else { return XCTFail() }
        XCTAssertEqual(other.rows[0][0].lines, ["a < b, <i>c</i>"], "other tags stay as they are")
    }
}
