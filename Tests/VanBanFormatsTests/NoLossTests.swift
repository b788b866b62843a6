import Foundation
import VanBanExtract
import VanBanBlocks
import VanBanFormats
import VanBanModel
import VanBanParse
import VanBanText
import XCTest

/// Nothing the parser reads is lost: every word of the decoded source stands
/// somewhere in the output (header fields, title, preamble, outline, tables,
/// closing, recipients, signature) or in a warning. Only form furniture, whose
/// meaning the contract carries in another shape, may go: the type line (as
/// `documentType`), the motto, the labels `Số:`, `Nơi nhận:`, the words of
/// the date line (as an ISO date), `(Đã ký)`, `PHỤ LỤC`.
final class NoLossTests: XCTestCase {
    static let furniture: Set<String> = {
        var words: Set<String> = ["cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam", "doc", "lap", "tu", "do", "hanh", "phuc",
                                  "so", "noi", "nhan", "ngay", "thang", "da", "ky", "dong", "dau", "phu", "luc", "v"]
        for kind in DocumentTypes.all { words.formUnion(Folding.words(kind.name).split(separator: " ").map(String.init)) }
        return words
    }()

    /// Folded words; numbers without leading zeros (`04` in a date is `4` in the text).
    static func words(_ s: String) -> [String] {
        Folding.words(s).split(separator: " ").map { w in
            if w.allSatisfy(\.isNumber), let n = Int(w) { return String(n) }
            return String(w)
        }
    }

    /// Every string value of the contract JSON.
    static func strings(_ doc: Document) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(doc))
        var out: [String] = []
        func walk(_ v: Any) {
            if let s = v as? String { out.append(s) }
            else if let a = v as? [Any] { a.forEach(walk) }
            else if let d = v as? [String: Any] { d.forEach { key, value in if key != "source" { walk(value) } } }
        }
        walk(json)
        return out
    }

    func assertNothingLost(_ bytes: [UInt8], name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let sourceText = try DocumentReader.read(bytes: bytes, name: name).text
        let doc = try DocumentPipeline.read(bytes: bytes, name: name)
        // Counted: each occurrence in the source needs one in the output (which repeats text in
        // tasks and quotes, so it holds more, never fewer, of a word it kept).
        var output: [String: Int] = [:]
        for w in try Self.strings(doc).flatMap(Self.words) { output[w, default: 0] += 1 }
        var source: [String: Int] = [:]
        for w in TextCleaner.clean(sourceText).lines.flatMap({ Self.words(Emphasis.strip($0)) }) where !Self.furniture.contains(w) {
            source[w, default: 0] += 1
        }
        let lost = source.filter { (output[$0.key] ?? 0) < $0.value }.map { "\($0.key) ×\($0.value - (output[$0.key] ?? 0))" }
        XCTAssertEqual(lost.sorted(), [], "\(name): words of the source missing from the output", file: file, line: line)
    }

    func testCorpusInEveryFormat() throws {
        for stem in Fixtures.planStems {
            try assertNothingLost(try Fixtures.bytes(Fixtures.corpus.appendingPathComponent(stem + ".txt")), name: stem + ".txt")
            for ext in ["docx", "html", "tcvn3.txt", "vni.txt", "viscii.txt", "windows-1258.txt"] {
                let url = Fixtures.formats.appendingPathComponent("\(stem).\(ext)")
                try assertNothingLost(try Fixtures.bytes(url), name: url.lastPathComponent)
            }
        }
    }

    /// A portal copy with every real shape: header and closing tables, a
    /// preamble, wrapped lines, an appendix task table, a footnote after the signature.
    func testPortalCopyFixture() throws {
        let md = """
            |
            **ỦY BAN NHÂN DÂN**
            TỈNH KIÊN GIANG
            |
            **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
            Độc lập - Tự do - Hạnh phúc
            |
            |
            Số: 21/KH-UBND
            |
            *Kiên Giang, ngày 03
            tháng 4 năm 2025*
            |

            **KẾ HOẠCH**

            PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG NĂM 2025

            *Căn cứ Nghị quyết số
            82/NQ-CP ngày 18/5/2023 của Chính phủ;*

            **I. MỤC TIÊU**

            Thu hút khách đến các
            điểm du lịch cộng đồng trên địa bàn.

            Trên đây là Kế hoạch phát triển du lịch cộng đồng./.

            |
            *Nơi nhận:*
            - Bộ Văn hóa, Thể thao và Du lịch;
            - Lưu: VT.
            |
            **TM. ỦY BAN NHÂN DÂN**
            **CHỦ TỊCH**
            **Lê Văn Khải**
            |

            [1] Ghi chú cuối trang về số liệu khảo sát.

            **PHỤ LỤC**

            DANH MỤC NHIỆM VỤ

            *(Kèm theo Kế hoạch số 21/KH-UBND)*

            |
            **TT**
            |
            **Nhiệm vụ**
            |
            **Đơn vị chủ trì**
            |
            |
            1
            |
            Khảo sát tuyến điểm
            |
            Sở Văn hóa và Thể thao
            |

            """
        try assertNothingLost(Array(md.utf8), name: "kien-giang.md")
    }
}
