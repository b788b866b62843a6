import VanBanModel
@testable import VanBanParse
import XCTest

final class SegmentationTests: XCTestCase {
    func testHeaderNumberDateTypeAndTitle() {
        let d = parse("""
        Số: 144 /KH-UBND

        Kiên Giang, ngày 17 tháng 9 năm 2020

        KẾ HOẠCH
        Triển khai thực hiện Kết luận số 49-KL/TW

        Căn cứ Quyết định số 489/QĐ-TTg;
        I. MỤC ĐÍCH
        Nội dung.
        """).document
        XCTAssertEqual(d.number, "144/KH-UBND")
        XCTAssertEqual(d.symbol, "KH-UBND")
        XCTAssertEqual(d.documentType, "KH")
        XCTAssertEqual(d.place, "Kiên Giang")
        XCTAssertEqual(d.issuedDate, "2020-09-17")
        XCTAssertEqual(d.title, "Triển khai thực hiện Kết luận số 49-KL/TW")
    }

    func testBlankNumberAndPartialDates() {
        let a = parse("Lâm Đồng, ngày tháng 3 năm 2024\nSố: /KH-BCĐ\nKẾ HOẠCH Triển khai công tác năm 2024\n").document
        XCTAssertNil(a.number)
        XCTAssertEqual(a.symbol, "KH-BCĐ")
        XCTAssertEqual(a.issuedDate, "2024-03")
        XCTAssertEqual(a.title, "Triển khai công tác năm 2024")
        XCTAssertTrue(a.warnings.contains { $0.code == .blankNumber })
        let b = parse("Số: /KH-SVHTTDL\nTây Ninh, ngày tháng năm 2024\nKẾ HOẠCH\nTổ chức thực hiện\n").document
        XCTAssertEqual(b.issuedDate, "2024")
    }

    func testTwoColumnIssuerAndMotto() {
        let d = parse("""
        \tỦY BAN NHÂN DÂN
        TỈNH NGHỆ AN
        -------
        \tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        \tSố: 148/QĐ-UBND
        \tNghệ An, ngày 18 tháng 01 năm 2022
        QUYẾT ĐỊNH
        BAN HÀNH KẾ HOẠCH THỰC HIỆN ĐỀ ÁN
        ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
        Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;
        QUYẾT ĐỊNH:
        Điều 1. Phê duyệt Kế hoạch (có Kế hoạch kèm theo).
        Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.
        """).document
        XCTAssertEqual(d.issuer, Issuer(name: "Ủy ban nhân dân tỉnh Nghệ An", parent: nil))
        XCTAssertEqual(d.documentType, "QĐ")
        XCTAssertEqual(d.title, "BAN HÀNH KẾ HOẠCH THỰC HIỆN ĐỀ ÁN")
        XCTAssertEqual(ids(d.outline), ["Điều 1", "Điều 2"])
    }

    func testIssuerWithParentOnOneLineWithMotto() {
        let d = parse("UBND TỈNH TÂY NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ VĂN HÓA\nSố: 12/KH-SVHTTDL Tây Ninh, ngày 05 tháng 6 năm 2024\nKẾ HOẠCH\nTổ chức\n").document
        XCTAssertEqual(d.issuer?.parent, "UBND tỉnh Tây Ninh")
        XCTAssertEqual(d.issuer?.name, "Sở văn hóa")
        XCTAssertEqual(d.number, "12/KH-SVHTTDL")
        XCTAssertEqual(d.issuedDate, "2024-06-05")
        XCTAssertEqual(d.place, "Tây Ninh")
    }

    func testRecipientsArchiveAndTwoLevelSignature() {
        let d = parse("""
        KẾ HOẠCH
        Tiêu đề
        I. NỘI DUNG
        Làm việc./.
        Nơi nhận:
        - Bộ GDĐT;
        - UBND tỉnh;
        - Lưu: VT, QLCL-GDTX.
        **TM. BAN CHỈ ĐẠO XÂY DỰNG XHHT
        PHÓ TRƯỞNG BAN THƯỜNG TRỰC**
        **GIÁM ĐỐC SỞ GDĐT
        Phạm Thị Hồng Hải**
        """).document
        XCTAssertEqual(d.recipients, ["Bộ GDĐT", "UBND tỉnh"])
        XCTAssertEqual(d.archive, "Lưu: VT, QLCL-GDTX")
        XCTAssertEqual(d.signature, Signature(authority: "TM.", onBehalfOf: "BAN CHỈ ĐẠO XÂY DỰNG XHHT",
                                              position: "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", signer: "Phạm Thị Hồng Hải"))
    }

    func testSignatureWithoutNameAndDebrisLines() {
        let d = parse("""
        KẾ HOẠCH
        Tiêu đề
        1. Việc một
        Làm ngay.

        KIẾN GI.

        Làm tiếp.
        Nơi nhận:
        - UBND tỉnh;
        KT. GIÁM ĐỐC
        PHÓ GIÁM ĐỐC
        hamb
        """).document
        XCTAssertEqual(d.signature, Signature(authority: "KT.", onBehalfOf: "GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", signer: nil))
        XCTAssertEqual(d.outline[0].paragraphs.map(\.text), ["Làm ngay.", "Làm tiếp."])
        XCTAssertEqual(d.warnings.filter { $0.code == .ocrDebris }.count, 2)
    }

    func testHardWrappedAndPageBrokenParagraphsAreJoined() {
        let d = parse("""
        KẾ HOẠCH
        Tiêu đề
        I. NHIỆM VỤ
        - Phát động phong trào (ngoài bằng tiền có thể

        quyên góp bằng hiện vật).
        - Dòng thứ hai.
        """).document
        XCTAssertEqual(d.outline[0].paragraphs.map(\.text), ["Phát động phong trào (ngoài bằng tiền có thể quyên góp bằng hiện vật).", "Dòng thứ hai."])
        XCTAssertEqual(d.outline[0].paragraphs.map(\.marker), ["-", "-"])
    }

    func testNoHeaderNoRecipientsNoSignature() {
        let d = parse("1. Việc cần làm\nLàm ngay.\n").document
        XCTAssertEqual(ids(d.outline), ["1"])
        let codes = Set(d.warnings.map(\.code))
        XCTAssertTrue(codes.isSuperset(of: [.noHeader, .noRecipients, .noSignature]), "\(codes)")
        XCTAssertNil(d.number); XCTAssertNil(d.title); XCTAssertNil(d.signature)
    }

    func testEmptyInput() {
        let d = parse("  \n\n").document
        XCTAssertEqual(d.warnings.map(\.code), [.emptyInput])
        XCTAssertTrue(d.outline.isEmpty)
    }

    func testAttachmentIssuedByDecision() {
        let p = parse("""
        QUYẾT ĐỊNH
        Ban hành Kế hoạch
        Điều 1. Phê duyệt Kế hoạch (có Kế hoạch kèm theo).
        Điều 2. Quyết định này có hiệu lực./.
        Nơi nhận:
        - Như Điều 2;
        - Lưu VT.
         KẾ HOẠCH
        THỰC HIỆN ĐỀ ÁN
        (Kèm theo Quyết định số: 148/QĐ.UBND ngày 18/01/2022)
        Căn cứ Quyết định số 1373/QĐ-TTg;
        I. MỤC ĐÍCH
        1. Mục đích
        """)
        XCTAssertEqual(p.document.recipients, ["Như Điều 2"])
        XCTAssertEqual(p.document.archive, "Lưu VT")
        XCTAssertEqual(p.document.attachments.count, 1)
        XCTAssertEqual(p.document.attachments[0].documentType, "KH")
        XCTAssertEqual(p.document.attachments[0].title, "THỰC HIỆN ĐỀ ÁN")
        XCTAssertEqual(ids(p.document.attachments[0].outline), ["I", "I.1"])
        // The `(Kèm theo ...)` note opens the attachment's preamble: kept, not dropped.
        XCTAssertEqual(p.attachmentPreambles[0].map(\.text), ["(Kèm theo Quyết định số: 148/QĐ.UBND ngày 18/01/2022)", "Căn cứ Quyết định số 1373/QĐ-TTg;"])
        XCTAssertEqual(p.document.attachments[0].preamble, p.attachmentPreambles[0])
    }
}

final class OutlineTests: XCTestCase {
    func testIdsDecimalsLettersAndDuplicates() {
        let d = parse("""
        KẾ HOẠCH
        Tiêu đề
        II. MỤC TIÊU
        2. Mục tiêu cụ thể
        2.1. Mục tiêu đến năm 2025
        - Xóa mù chữ
        2.2. Mục tiêu đến năm 2030
        a) Một
        đ) Năm
        IV. TỔ CHỨC THỰC HIỆN
        7. Hội Khuyến học
        7. Các trường Tiểu học và THCS
        2.6. Sở Khoa học và Công nghệ: Huy động các sở, ngành.
        """).document
        XCTAssertEqual(ids(d.outline), ["II", "II.2", "II.2.1", "II.2.2", "II.2.2.a", "II.2.2.đ", "IV", "IV.7", "IV.7~2", "IV.2.6"])
        XCTAssertEqual(d.outline[0].children[0].children[0].paragraphs.map { [$0.marker ?? "", $0.text] }, [["-", "Xóa mù chữ"]])
        let n = d.outline[1].children[2]
        XCTAssertEqual(n.label, "2.6.")
        XCTAssertEqual(n.heading, "Sở Khoa học và Công nghệ")
        XCTAssertEqual(n.paragraphs.map(\.text), ["Huy động các sở, ngành."])
        XCTAssertTrue(d.warnings.contains { $0.code == .duplicateMarker && $0.line == 12 })
    }

    func testArticleClauses() {
        let d = parse("QUYẾT ĐỊNH\nTiêu đề\nĐiều 1. Ban hành\n1. Khoản một\n2. Khoản hai\nĐiều 2. Hiệu lực\n").document
        XCTAssertEqual(ids(d.outline), ["Điều 1", "Điều 1.1", "Điều 1.2", "Điều 2"])
    }

    func testPreambleIsNotInTheOutline() {
        let p = parse("KẾ HOẠCH\nTiêu đề\n\nCăn cứ Luật Giáo dục;\nThực hiện Kế hoạch số 1/KH-UBND;\nI. MỤC ĐÍCH\n")
        XCTAssertEqual(p.preamble.map(\.text), ["Căn cứ Luật Giáo dục;", "Thực hiện Kế hoạch số 1/KH-UBND;"])
        XCTAssertEqual(ids(p.document.outline), ["I"])
    }
}
