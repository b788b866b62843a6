import VanBanFormats
import XCTest

final class HTMLTests: XCTestCase {
    func testPortalChromeIsDroppedAndBlocksBecomeLines() throws {
        let page = """
            <!DOCTYPE html><html><head><title>Tiêu đề trang</title><style>p{color:red}</style><script>var x = "Sở Tài chính";</script></head>
            <body>
            <header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</div><nav><a href="/">Trang chủ</a></nav></header>
            <div id="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/vb">Văn bản</a></div>
            <ul class="links"><li><a href="/a">Tin tức</a></li><li><a href="/b">Sự kiện</a></li><li><a href="/c">Liên hệ</a></li></ul>
            <div class="content">
              <table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH NGHỆ AN</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>
                     <tr><td>Số: 148/QĐ-UBND</td><td>Nghệ An, ngày 18 tháng 01 năm 2022</td></tr></table>
              <h2>KẾ HOẠCH</h2>
              <p>Thực   hiện&nbsp;Quyết định số 1373/QĐ-TTg, &ldquo;Xây dựng xã hội học tập&rdquo; &amp; k&#7871; hoạch</p>
              <div>Nơi nhận:<br>- Như trên;<br>- Lưu: VT.</div>
              <table><tr><th>Chỉ tiêu</th><th>2024</th><th>2025</th></tr><tr><td>Tỷ lệ</td><td>90%</td><td>95%</td></tr></table>
              <pre>dòng 1
            dòng 2</pre>
              <div style="display: none">ẩn đi</div>
            </div>
            <aside><h3>Văn bản liên quan</h3><p>Quyết định khác</p></aside>
            <footer>Bản quyền thuộc UBND tỉnh</footer>
            <script>alert(1)</script>
            </body></html>
            """
        let text = try HTMLReader.read(utf8: Array(page.utf8))
        XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), [
            "ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: 148/QĐ-UBND", "Nghệ An, ngày 18 tháng 01 năm 2022",
            "KẾ HOẠCH",
            "Thực hiện Quyết định số 1373/QĐ-TTg, “Xây dựng xã hội học tập” & kế hoạch",
            "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
            "Chỉ tiêu | 2024 | 2025", "Tỷ lệ | 90% | 95%",
            "dòng 1", "dòng 2",
        ])
    }

    func testDeclaredLegacyCharsetAndLatin1PagesTypedInVnTime() throws {
        // A page declaring windows-1258, with the tone as a combining byte.
        var bytes = Array(#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><p>Vi"#.utf8)
        bytes += [0xEA, 0xF2] + Array("t Nam</p></body></html>".utf8)
        let read = try DocumentReader.read(bytes: bytes, name: "x.html")
        XCTAssertEqual(read.encoding, "windows-1258")
        XCTAssertEqual(Array(read.text.unicodeScalars), Array("Việt Nam".unicodeScalars))
        // A page declaring iso-8859-1 but set in .VnTime (TCVN3).
        let vntime = Array(#"<html><head><meta charset="iso-8859-1"></head><body><p>"#.utf8)
            + "KÕ ho¹ch thùc hiÖn c¸c nhiÖm vô cña Së Gi¸o dôc vµ §µo t¹o".unicodeScalars.map { UInt8($0.value) }
            + Array("</p></body></html>".utf8)
        let repaired = try DocumentReader.read(bytes: vntime, name: "x.htm")
        XCTAssertEqual(repaired.encoding, "tcvn3")
        XCTAssertEqual(repaired.text, "Kế hoạch thực hiện các nhiệm vụ của Sở Giáo dục và Đào tạo")
    }

    func testSniffingByContentNotName() throws {
        XCTAssertEqual(try InputFormat.sniff(Array("  <!DOCTYPE html><html>".utf8), name: "plan.txt"), .html)
        XCTAssertEqual(try InputFormat.sniff(Array("<p>Kế hoạch</p>".utf8), name: "noext"), .html)
        XCTAssertEqual(try InputFormat.sniff(Array("KẾ HOẠCH <b>".utf8), name: "plan.html"), .text)
        XCTAssertEqual(try InputFormat.sniff([0x50, 0x4B, 0x03, 0x04], name: "plan"), .docx)
    }
}
