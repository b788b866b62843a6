import VanBanFormats
import VanBanText
import XCTest

final class DOCXTests: XCTestCase {
    let outline = """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
          <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
          <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
        """

    func testWordNumberingIsRebuiltAsWordCountsIt() throws {
        var body = Fixtures.p("MỤC ĐÍCH", num: (1, 0)) + Fixtures.p("Mục đích", num: (1, 1))
        body += Fixtures.p("Nội dung", num: (1, 2)) + Fixtures.p("Nội dung hai", num: (1, 2))
        body += (1...6).map { Fixtures.p("việc \($0)", num: (1, 3)) }.joined()
        body += Fixtures.p("gạch đầu dòng", num: (1, 4))
        body += Fixtures.p("NHIỆM VỤ", num: (1, 0)) + Fixtures.p("Sau nhiệm vụ", num: (1, 1))
        body += Fixtures.p("Điều khoản", num: (2, 0)) + Fixtures.p("không đánh số", num: (0, 0))
        let text = try DOCXReader().read(try Fixtures.docx(body: body, numbering: outline))
        XCTAssertEqual(text.split(separator: "\n").map(String.init), [
            "I. MỤC ĐÍCH", "1. Mục đích", "1.1. Nội dung", "1.2. Nội dung hai",
            "a) việc 1", "b) việc 2", "c) việc 3", "d) việc 4", "đ) việc 5", "e) việc 6",
            "- gạch đầu dòng",
            "II. NHIỆM VỤ", "1. Sau nhiệm vụ",
            "Điều 3. Điều khoản", "không đánh số",
        ])
    }

    func testHeaderTableLineBreaksAndIgnoredParts() throws {
        let cell = { (lines: [String]) in "<w:tc>" + lines.map { Fixtures.p($0) }.joined() + "</w:tc>" }
        let table = "<w:tbl><w:tr>" + cell(["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"]) + cell(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
            + "</w:tr><w:tr>" + cell(["Số: 148/QĐ-UBND"]) + cell(["Nghệ An, ngày 18 tháng 01 năm 2022"]) + "</w:tr></w:tbl>"
        let data = "<w:tbl>" + (0..<2).map { r in "<w:tr>" + (0..<3).map { c in cell(["r\(r)c\(c)"]) }.joined() + "</w:tr>" }.joined() + "</w:tbl>"
        let recipients = #"<w:p><w:r><w:t>Nơi nhận:</w:t><w:br/><w:t>- Như Điều 3;</w:t><w:br/><w:t>- Lưu: VT.</w:t></w:r></w:p>"#
        let tracked = #"<w:p><w:r><w:t xml:space="preserve">Giữ </w:t></w:r><w:del><w:r><w:delText>bỏ </w:delText></w:r></w:del><w:ins><w:r><w:t>thêm</w:t></w:r></w:ins><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#
        let text = try DOCXReader().read(try Fixtures.docx(body: table + data + recipients + tracked))
        XCTAssertEqual(text.split(separator: "\n").map(String.init), [
            "ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: 148/QĐ-UBND", "Nghệ An, ngày 18 tháng 01 năm 2022",
            "r0c0 | r0c1 | r0c2", "r1c0 | r1c1 | r1c2",
            "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.",
            "Giữ thêm",
        ])
    }

    func testVietnameseLetterAndRomanFormats() {
        XCTAssertEqual((1...7).map { WordNumbering.format($0, "lowerLetter") }, ["a", "b", "c", "d", "đ", "e", "g"])
        XCTAssertEqual(WordNumbering.format(24, "lowerLetter"), "aa")
        XCTAssertEqual([1, 4, 9, 14, 40].map { WordNumbering.format($0, "upperRoman") }, ["I", "IV", "IX", "XIV", "XL"])
        XCTAssertEqual(WordNumbering.format(3, "decimalZero"), "03")
    }
}
