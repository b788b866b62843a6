import VanBanBlocks
import VanBanModel
import VanBanParse
import VanBanText

/// Parses a text the way the pipeline does (clean, then segment).
func parse(_ text: String) -> ParsedDocument {
    let clean = TextCleaner.clean(text)
    return DocumentParser.parse(lines: clean.lines, source: Source(name: "t.txt", sha256: String(repeating: "0", count: 64), format: "text", encoding: "utf-8"),
                                warnings: clean.warnings)
}

func ids(_ nodes: [OutlineNode]) -> [String] {
    nodes.flatMap { [$0.id] + ids($0.children) }
}

/// Parses Markdown the way the pipeline does (clean keeping emphasis, blocks, segment).
enum VanBanFormatsBridge {
    static func parse(_ text: String) throws -> ParsedDocument {
        let clean = TextCleaner.clean(text, keepEmphasis: true)
        return DocumentParser.parse(blocks: MarkdownBlockReader.read(lines: clean.lines),
                                    source: Source(name: "t.md", sha256: String(repeating: "0", count: 64), format: "markdown", encoding: "utf-8"),
                                    warnings: clean.warnings)
    }
}
