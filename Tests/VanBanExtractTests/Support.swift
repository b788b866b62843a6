import VanBanExtract
import VanBanModel

/// Runs the whole pipeline on a text.
func read(_ text: String) -> Document {
    try! DocumentPipeline.read(bytes: Array(text.utf8), name: "t.txt")
}

/// A plan around body text: header, type line, title, then `body`.
func plan(_ body: String, preamble: String = "") -> Document {
    read("Số: 1/KH-UBND\nHà Nội, ngày 02 tháng 01 năm 2024\nKẾ HOẠCH\nThử nghiệm\n\n\(preamble)\n\(body)\n")
}

/// (section, lead) pairs of a document's tasks.
func leads(_ d: Document) -> [[String]] {
    d.tasks.flatMap { t in t.lead.map { [t.section, $0] } }
}

/// Runs the whole pipeline on Markdown (a portal copy).
func readMarkdown(_ text: String) -> Document {
    try! DocumentPipeline.read(bytes: Array(text.utf8), name: "t.md")
}

/// A Markdown plan around body text, with the header in a flattened table and the given title.
func markdownPlan(_ body: String, title: String = "THỬ NGHIỆM") -> Document {
    readMarkdown("""
    |
    **ỦY BAN NHÂN DÂN**
    TỈNH AN GIANG
    |
    **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
    |
    |
    Số: 5/KH-UBND
    |
    *An Giang, ngày 02 tháng 01 năm 2025*
    |

    **KẾ HOẠCH**

    \(title)

    \(body)
    """)
}
