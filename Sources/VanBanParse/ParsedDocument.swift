import VanBanModel

/// What the parse stage returns: the contract's document-level fields and
/// outline, plus the unnumbered parts that the contract keeps out of the
/// outline but that extraction and indexing read (preamble, closing).
public struct ParsedDocument: Sendable {
    public var document: Document
    /// `Căn cứ ...` / `Thực hiện ...` clauses before the first numbered heading (section id `preamble`).
    public var preamble: [Paragraph]
    /// `Trên đây là ...` and what follows the body before `Nơi nhận`.
    public var closing: [Paragraph]
    /// One preamble per attachment, in order (section id `A1/preamble` ...).
    public var attachmentPreambles: [[Paragraph]]

    public init(document: Document, preamble: [Paragraph] = [], closing: [Paragraph] = [],
                attachmentPreambles: [[Paragraph]] = []) {
        self.document = document; self.preamble = preamble; self.closing = closing
        self.attachmentPreambles = attachmentPreambles
    }
}

/// A walker over the outline tree, as swift-markdown's `MarkupWalker`:
/// extractors implement `visit` and get every node with its section id
/// (attachment nodes prefixed `A1/`) and its ancestors' headings.
public protocol OutlineWalker {
    mutating func visit(node: OutlineNode, section: String, ancestors: [OutlineNode])
}

extension ParsedDocument {
    /// Calls `walker.visit` for every outline node, depth first, main document then attachments.
    public func walk<W: OutlineWalker>(_ walker: inout W) {
        func go(_ nodes: [OutlineNode], prefix: String, ancestors: [OutlineNode]) {
            for n in nodes {
                walker.visit(node: n, section: prefix + n.id, ancestors: ancestors)
                go(n.children, prefix: prefix, ancestors: ancestors + [n])
            }
        }
        go(document.outline, prefix: "", ancestors: [])
        for (i, a) in document.attachments.enumerated() {
            go(a.outline, prefix: "A\(i + 1)/", ancestors: [])
        }
    }
}
