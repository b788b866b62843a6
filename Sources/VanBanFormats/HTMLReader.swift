import VanBanText

/// Reads the document text of a portal page as the lines a plain-text plan would have.
///
/// Scripts, styles, forms, navigation, side bars, footers and link lists are
/// dropped (by tag, by `role`, by class/id words like `menu`, `footer`,
/// `breadcrumb`, and by link density). Block elements become lines, `<br>` a
/// line break; tables are tables (`items`, rowspan and colspan resolved), as
/// text the same rule as in DOCX. Entities are
/// decoded by the parser; white space is collapsed as a browser would, except
/// in `<pre>`.
public enum HTMLReader {
    /// Elements never part of the document text.
    static let droppedTags: Set<String> = ["head", "script", "style", "noscript", "template", "iframe", "svg", "canvas",
                                           "form", "button", "select", "input", "textarea", "nav", "aside", "footer",
                                           "menu", "object", "embed", "video", "audio", "map", "dialog"]
    /// Class or id words that mark page chrome.
    static let chromeWords: Set<String> = ["menu", "mainmenu", "main-menu", "topmenu", "top-menu", "nav", "navbar",
                                           "navigation", "breadcrumb", "breadcrumbs", "sidebar", "side-bar", "footer",
                                           "site-footer", "site-header", "banner", "copyright", "social", "share",
                                           "sharing", "related", "comments", "comment", "search", "search-box",
                                           "login", "toolbar", "pagination", "advert", "ads", "cookie", "tags"]
    static let chromeRoles: Set<String> = ["navigation", "banner", "contentinfo", "search", "complementary", "menu"]
    static let blockTags: Set<String> = ["p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5",
                                         "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center",
                                         "address", "figure", "figcaption", "hr", "body", "html", "caption", "tbody",
                                         "thead", "tfoot", "fieldset", "details", "summary"]

    /// The page's document text, one line per block.
    public static func read(utf8 bytes: [UInt8]) throws(InputError) -> String {
        FormatItem.text(try items(utf8: bytes))
    }

    /// The page's document as lines and tables (`rowspan` and `colspan` resolved).
    public static func items(utf8 bytes: [UInt8]) throws(InputError) -> [FormatItem] {
        let root = try MarkupParser.html(bytes)
        var writer = LineWriter()
        walk(root, into: &writer, pre: false, inContent: false)
        writer.endLine()
        return writer.items
    }

    static func isChrome(_ e: MarkupElement, inContent: Bool) -> Bool {
        if droppedTags.contains(e.name) { return true }
        // A page's <header> (logo, menu) is chrome; an article's own <header> is not.
        if e.name == "header" && !inContent { return true }
        if let role = e.attributes["role"]?.lowercased(), chromeRoles.contains(role) { return true }
        if e.attributes["hidden"] != nil || e.attributes["aria-hidden"] == "true" { return true }
        if let style = e.attributes["style"]?.lowercased().filter({ $0 != " " }), style.contains("display:none") { return true }
        let words = ((e.attributes["class"] ?? "") + " " + (e.attributes["id"] ?? "")).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        if words.contains(where: { chromeWords.contains(String($0)) }) { return true }
        // Lists and boxes that are mostly links: menus, "related documents".
        if ["ul", "ol", "div", "table", "section", "p"].contains(e.name) {
            let links = e.descendants("a")
            if links.count >= 3 {
                let all = visibleLength(e.text)
                let linked = links.reduce(0) { $0 + visibleLength($1.text) }
                if all > 0 && linked * 10 >= all * 7 { return true }
            }
        }
        return false
    }

    static func visibleLength(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
    }

    static func walk(_ e: MarkupElement, into w: inout LineWriter, pre: Bool, inContent: Bool) {
        if isChrome(e, inContent: inContent) { return }
        let inContent = inContent || e.name == "article" || e.name == "main"
        switch e.name {
        case "br": w.endLine(force: true); return
        case "table": table(e, into: &w, inContent: inContent); return
        default: break
        }
        let block = blockTags.contains(e.name)
        if block { w.endLine() }
        let inPre = pre || e.name == "pre"
        for c in e.children {
            switch c {
            case let .text(t): w.append(t, pre: inPre)
            case let .element(x): walk(x, into: &w, pre: inPre, inContent: inContent)
            }
        }
        if block { w.endLine() }
    }

    static func table(_ t: MarkupElement, into w: inout LineWriter, inContent: Bool) {
        w.endLine()
        var rows: [MarkupElement] = []
        func collect(_ e: MarkupElement) {
            for x in e.elements {
                if x.name == "tr" { rows.append(x) } else if ["thead", "tbody", "tfoot"].contains(x.name) { collect(x) }
            }
        }
        collect(t)
        let cellsOf = { (r: MarkupElement) in r.elements.filter { $0.name == "td" || $0.name == "th" } }
        var grid: [[FormatItem.GridCell]] = []
        for row in rows.prefix(100_000) {
            var cells: [FormatItem.GridCell] = []
            for cell in cellsOf(row) {
                var sub = LineWriter()
                walk(cell, into: &sub, pre: false, inContent: inContent)
                sub.endLine()
                let span = Int(cell.attributes["colspan"]?.trimmingSpaces() ?? "") ?? 1
                let rowSpan = Int(cell.attributes["rowspan"]?.trimmingSpaces() ?? "") ?? 1
                cells.append(FormatItem.GridCell(lines: FormatItem.pieces(sub.items).filter { !$0.isEmpty },
                                                 span: max(1, min(span, 1000)), rowSpan: max(1, min(rowSpan, 100_000)), continuesAbove: false))
            }
            grid.append(cells)
        }
        w.items.append(.table(FormatItem.grid(grid)))
    }
}

/// Collects text into lines (and tables) with HTML white-space rules.
struct LineWriter {
    var items: [FormatItem] = []
    var current = ""
    var pendingSpace = false

    mutating func append(_ text: String, pre: Bool) {
        if pre {
            for (i, part) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { endLine(force: true) }
                current += part
            }
            return
        }
        for ch in text {
            if ch.isWhitespace && ch != "\u{A0}" {
                if !current.isEmpty { pendingSpace = true }
            } else {
                if pendingSpace { current.append(" "); pendingSpace = false }
                current.append(ch == "\u{A0}" ? " " : ch)
            }
        }
    }

    /// Ends the current line; an empty line is kept only when forced (`<br>`).
    mutating func endLine(force: Bool = false) {
        if !current.isEmpty || force { items.append(.line(current)) }
        current = ""
        pendingSpace = false
    }
}
