import VanBanModel
import VanBanParse

/// Runs every extractor over a parsed document.
public enum EntityExtractor {
    public static func extract(_ parsed: ParsedDocument) -> Document {
        var doc = parsed.document
        doc.citations = []
        doc.tasks = []
        doc.deadlines = []
        doc.targets = []
        return doc
    }
}
