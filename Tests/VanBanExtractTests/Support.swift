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
