/// Plain text (and the text HTML and DOCX readers make): one block per
/// non-blank clean line. The reader cannot tell a hard wrap from a paragraph
/// break, so blocks are marked `isWholeParagraph: false` and the parser joins
/// wrapped lines by its own rules.
public enum LineBlockReader {
    public static func read(lines: [String]) -> [Block] {
        var blocks: [Block] = []
        blocks.reserveCapacity(lines.count)
        var blank = true
        for (i, l) in lines.enumerated() {
            if l.isEmpty { blank = true; continue }
            blocks.append(.paragraph(TextBlock(text: l, isHeading: false, line: i + 1, isWholeParagraph: false, blankBefore: blank)))
            blank = false
        }
        return blocks
    }
}
