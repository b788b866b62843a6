@testable import VanBanFormats
import VanBanBlocks
import XCTest

/// The geometry half of the PDF reader, on words placed by hand: lines,
/// borderless columns, ruled tables, page furniture, paragraphs, OCR repairs.
final class PDFLayoutTests: XCTestCase {
    /// Words of one line set from x at y, each word `width` per character plus a space.
    func line(_ text: String, x: Double, y: Double, size: Double = 13, bold: Bool = false) -> [PlacedWord] {
        var out: [PlacedWord] = []
        var cursor = x
        for w in text.split(separator: " ") {
            let width = Double(w.count) * size * 0.5
            out.append(PlacedWord(String(w), x0: cursor, y0: y, x1: cursor + width, y1: y + size, size: size, bold: bold))
            cursor += width + size * 0.3
        }
        return out
    }

    func page(_ words: [PlacedWord], rules: PageRules = PageRules()) -> PageContent {
        var p = PageContent(width: 595, height: 842)
        p.words = words; p.rules = rules
        return p
    }

    func texts(_ items: [FormatItem]) -> [String] {
        items.compactMap { if case let .line(s) = $0, !s.isEmpty { return s } else { return nil } }
    }

    func tables(_ items: [FormatItem]) -> [[[[String]]]] {
        items.compactMap { if case let .table(t) = $0 { return t } else { return nil } }
    }

    func testHeaderInTwoColumnsBecomesATableAndTheCentredTypeLineStaysOut() {
        var words: [PlacedWord] = []
        words += line("ỦY BAN NHÂN DÂN", x: 90, y: 50) + line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 300, y: 50)
        words += line("HUYỆN XUÂN TRƯỜNG", x: 85, y: 66) + line("Độc lập - Tự do - Hạnh phúc", x: 330, y: 66)
        words += line("Số: 57/KH-UBND", x: 95, y: 100) + line("Xuân Trường, ngày 12 tháng 3 năm 2025", x: 310, y: 100)
        words += line("KẾ HOẠCH", x: 270, y: 140, bold: true)
        words += line("Thực hiện chuyển đổi số năm 2025", x: 200, y: 158, bold: true)
        for k in 0..<4 { words += line("Căn cứ Quyết định số \(k) của Ủy ban nhân dân tỉnh về việc", x: 85, y: 190 + Double(k) * 16) }
        let laid = PDFLayout.items([page(words)])
        let t = tables(laid.items)
        XCTAssertEqual(t.count, 1)
        XCTAssertEqual(t.first?.first?[0], ["ỦY BAN NHÂN DÂN", "HUYỆN XUÂN TRƯỜNG"])
        XCTAssertEqual(t.first?.first?[1], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
        XCTAssertEqual(t.first?.last?[0], ["Số: 57/KH-UBND"], "a blank line's space above `Số:` starts the header's second row")
        XCTAssertTrue(texts(laid.items).contains("KẾ HOẠCH"), "\(texts(laid.items))")
    }

    func testWrappedRecipientInANarrowColumnIsOneLineAndTheSignerStaysApart() {
        var words: [PlacedWord] = []
        words += line("Nơi nhận:", x: 85, y: 500) + line("KT. CHỦ TỊCH", x: 380, y: 500)
        words += line("- Các bộ, cơ quan ngang bộ, cơ quan thuộc", x: 85, y: 516) + line("PHÓ CHỦ TỊCH", x: 380, y: 516)
        words += line("Chính phủ;", x: 85, y: 532)
        words += line("- Lưu: VT.", x: 85, y: 548)
        words += line("Trần Văn Minh", x: 378, y: 580)
        let t = tables(PDFLayout.items([page(words)]).items)
        XCTAssertEqual(t.count, 1)
        XCTAssertEqual(t.first?.first?[0], ["Nơi nhận:", "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;", "- Lưu: VT."])
        XCTAssertEqual(t.first?.first?[1], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Minh"])
    }

    func testJustifiedLinesJoinAndAShortOrIndentedLineEndsAParagraph() {
        var words: [PlacedWord] = []
        // Two paragraphs of three full lines each; the second starts indented.
        let full = "Các sở ban ngành phối hợp chặt chẽ với các tổ chức đoàn thể tổ chức triển khai"
        words += line(full, x: 85, y: 100) + line(full, x: 85, y: 116) + line("thực hiện.", x: 85, y: 132)
        words += line("Giao Sở Nội vụ chủ trì tham mưu kiện toàn ban chỉ đạo của tỉnh theo quy", x: 110, y: 148)
        words += line(full, x: 85, y: 164) + line("định hiện hành.", x: 85, y: 180)
        let paragraphs = texts(PDFLayout.items([page(words)]).items)
        XCTAssertEqual(paragraphs.count, 2, "\(paragraphs)")
        XCTAssertTrue(paragraphs.first?.hasSuffix("triển khai thực hiện.") ?? false)
        XCTAssertTrue(paragraphs.last?.hasPrefix("Giao Sở Nội vụ") ?? false)
    }

    func testTokenBrokenAfterItsHyphenIsJoinedBack() {
        let lines = [VisualLine(words: line("Chỉ thị số 11-", x: 85, y: 100), page: 1), VisualLine(words: line("CT/TW của Bộ Chính trị", x: 85, y: 116), page: 1)]
        XCTAssertEqual(Paragraphs.joinLines(lines), "Chỉ thị số 11-CT/TW của Bộ Chính trị")
        let spaced = [VisualLine(words: line("kinh tế -", x: 85, y: 100), page: 1), VisualLine(words: line("xã hội", x: 85, y: 116), page: 1)]
        XCTAssertEqual(Paragraphs.joinLines(spaced), "kinh tế - xã hội", "a dash between spaces is not a broken token")
    }

    func testRuledGridWithMergedCellsAndATableGoingOnOverAPageBreak() {
        // Columns at 80, 120, 300, 420, 520; rows at 100, 130, 160, 190 on page 1, 60, 90 on page 2.
        let xs = [80.0, 120, 300, 420, 520]
        func grid(_ ys: [Double]) -> PageRules {
            PageRules(horizontal: ys.map { Rule(at: $0, from: xs.first!, to: xs.last!) },
                      vertical: xs.map { Rule(at: $0, from: ys.first!, to: ys.last!) })
        }
        var p1: [PlacedWord] = []
        p1 += line("STT", x: 85, y: 108) + line("Nhiệm vụ", x: 125, y: 108) + line("Chủ trì", x: 305, y: 108) + line("Thời gian", x: 425, y: 108)
        p1 += line("1", x: 85, y: 138) + line("Rà soát thủ tục", x: 125, y: 138) + line("Sở Tư pháp", x: 305, y: 138) + line("Năm 2025", x: 425, y: 138)
        p1 += line("2", x: 85, y: 168) + line("Tập huấn kỹ năng", x: 125, y: 166) + line("số cho cán bộ", x: 125, y: 176) + line("Sở Nội vụ", x: 305, y: 168) + line("Quý III", x: 425, y: 168)
        var p2: [PlacedWord] = []
        p2 += line("STT", x: 85, y: 68) + line("Nhiệm vụ", x: 125, y: 68) + line("Chủ trì", x: 305, y: 68) + line("Thời gian", x: 425, y: 68)
        p2 += line("3", x: 85, y: 98) + line("Bố trí kinh phí", x: 125, y: 98) + line("Sở Tài chính", x: 305, y: 98) + line("Hằng năm", x: 425, y: 98)
        let laid = PDFLayout.items([page(p1, rules: grid([100, 130, 160, 190])), page(p2, rules: grid([60, 90, 120]))])
        let t = tables(laid.items)
        XCTAssertEqual(t.count, 1, "one table across the page break")
        XCTAssertEqual(t.first?.count, 4, "the header row repeated on page 2 is dropped")
        XCTAssertEqual(t.first?[2][1], ["Tập huấn kỹ năng", "số cho cán bộ"])
        XCTAssertEqual(t.first?[3][2], ["Sở Tài chính"])
    }

    func testRuleFinderSeesBordersAndNotText() {
        // 100 dpi, a 3×2 grid of one-pixel rules plus a short bar of "text".
        let w = 400, h = 300
        var px = [UInt8](repeating: 255, count: w * h)
        for y in [50, 150, 250] { for x in 40...360 { px[y * w + x] = 0 } }
        for x in [40, 200, 360] { for y in 50...250 { px[y * w + x] = 0 } }
        for x in 60...70 { for y in 80...90 { px[y * w + x] = 0 } }
        let rules = RuleFinder.rules(in: GrayImage(width: w, height: h, pixels: px, dpi: 100))
        XCTAssertEqual(rules.horizontal.count, 3)
        XCTAssertEqual(rules.vertical.count, 3)
        XCTAssertEqual(rules.horizontal.first?.at ?? 0, 36, accuracy: 1) // 50 px at 100 dpi = 36 pt
    }

    func testRunningFooterAndPageNumbersAreDroppedWithAWarning() {
        var pages: [PageContent] = []
        for n in 1...3 {
            var words: [PlacedWord] = []
            if n > 1 { words += line("\(n)", x: 295, y: 30) }
            let openings = ["Căn cứ Quyết định số 12", "Giao Sở Nội vụ chủ trì", "Ủy ban nhân dân các xã"]
            words += line(openings[n - 1] + " thực hiện các nhiệm vụ sau", x: 85, y: 64)
            for k in 0..<6 { words += line("Nội dung \(k) của kế hoạch thực hiện nhiệm vụ năm nay", x: 85, y: 80 + Double(k) * 16) }
            words += line("Văn bản điện tử trang \(n)", x: 240, y: 800)
            pages.append(page(words))
        }
        let laid = PDFLayout.items(pages)
        let all = texts(laid.items).joined(separator: "\n")
        XCTAssertFalse(all.contains("Văn bản điện tử"), all)
        XCTAssertFalse(texts(laid.items).contains("2"))
        XCTAssertEqual(laid.warnings.map(\.code), [.pageFurniture])
        XCTAssertTrue(all.contains("Căn cứ Quyết định số 12"), "a page's first line that no other page repeats is the document's")
    }

    func testPageNumberShapes() {
        for yes in ["2", "- 3 -", "Trang 4", "5/12", "trang 6 / 9"] { XCTAssertTrue(Furniture.isPageNumber(yes), yes) }
        for no in ["2025", "Số: 12", "1. Mục đích", "Điều 3", "12345"] { XCTAssertFalse(Furniture.isPageNumber(no), no) }
    }

    func testOCRHeadingNumbersRepairedFromTheirRun() {
        var items: [FormatItem] = [.line("L MỤC ĐÍCH, YÊU CẦU"), .line("1. Mục đích"), .line("H. NHIỆM VỤ CỤ THỂ"),
                                   .line("II. KINH PHÍ THỰC HIỆN"), .line("IV. TỔ CHỨC THỰC HIỆN"), .line("S. Văn phòng Sở"),
                                   .line("4. Sở Tài chính"), .line("S. Sở Nội vụ")]
        _ = RomanHeadingRepair.apply(&items)
        _ = ArabicHeadingRepair.apply(&items)
        XCTAssertEqual(texts(items), ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. NHIỆM VỤ CỤ THỂ", "III. KINH PHÍ THỰC HIỆN",
                                      "IV. TỔ CHỨC THỰC HIỆN", "S. Văn phòng Sở", "4. Sở Tài chính", "5. Sở Nội vụ"])
        // Two misread in a row.
        var twice: [FormatItem] = [.line("I. MỤC ĐÍCH"), .line("I. NỘI DUNG"), .line("II. KINH PHÍ"), .line("IV. TỔ CHỨC THỰC HIỆN")]
        _ = RomanHeadingRepair.apply(&twice)
        XCTAssertEqual(texts(twice), ["I. MỤC ĐÍCH", "II. NỘI DUNG", "III. KINH PHÍ", "IV. TỔ CHỨC THỰC HIỆN"])
        // An attachment numbering again from I is not a misreading.
        var restart: [FormatItem] = [.line("I. MỤC ĐÍCH"), .line("II. NỘI DUNG"), .line("III. TỔ CHỨC"), .line("I. PHỤ LỤC MỘT"), .line("II. PHỤ LỤC HAI")]
        XCTAssertEqual(RomanHeadingRepair.apply(&restart), 0)
        // A repeat typed at the end stays a repeat (the contract numbers it `~2`).
        var typed: [FormatItem] = [.line("I. MỤC ĐÍCH"), .line("II. NHIỆM VỤ"), .line("II. TỔ CHỨC THỰC HIỆN")]
        XCTAssertEqual(RomanHeadingRepair.apply(&typed), 0)
        // Lower-case text after a Roman-looking word is not a heading.
        XCTAssertNil(RomanHeadingRepair.heading("II quý đầu năm"))
        XCTAssertNil(RomanHeadingRepair.heading("TM. ỦY BAN NHÂN DÂN"))
    }
}
