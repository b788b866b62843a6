import CXMLShim
import VanBanText

/// An XML or HTML element as a value: name, attributes, children.
///
/// Names of elements and attributes in the WordprocessingML namespace carry
/// the `w:` prefix whatever prefix the file used (`w:p`, `w:val`); other
/// namespaced names carry their own prefix-free local name behind the
/// namespace's conventional prefix when known, else the bare local name.
/// HTML names are lower case.
public struct MarkupElement: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var children: [MarkupNode]

    public init(name: String, attributes: [String: String] = [:], children: [MarkupNode] = []) {
        self.name = name; self.attributes = attributes; self.children = children
    }

    /// Child elements, in order.
    public var elements: [MarkupElement] {
        children.compactMap { if case let .element(e) = $0 { return e } else { return nil } }
    }

    /// The first child element with this name.
    public func child(_ name: String) -> MarkupElement? {
        for case let .element(e) in children where e.name == name { return e }
        return nil
    }

    /// Every descendant element with this name, in document order.
    public func descendants(_ name: String) -> [MarkupElement] {
        var out: [MarkupElement] = []
        func walk(_ e: MarkupElement) {
            for case let .element(c) in e.children {
                if c.name == name { out.append(c) }
                walk(c)
            }
        }
        walk(self)
        return out
    }

    /// All text below this element, concatenated.
    public var text: String {
        var s = ""
        func walk(_ e: MarkupElement) {
            for c in e.children {
                switch c {
                case let .text(t): s += t
                case let .element(x): walk(x)
                }
            }
        }
        walk(self)
        return s
    }
}

/// One node of a markup tree.
public indirect enum MarkupNode: Sendable, Equatable {
    case element(MarkupElement)
    case text(String)
}

/// Parses XML and HTML through libxml2, safely: no network, no DTDs, no entity expansion.
public enum MarkupParser {
    /// Conventional prefixes for the namespaces VanBan reads.
    static let prefixes: [String: String] = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
        "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
        "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
        "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
    ]

    /// Parses XML; refuses a DTD or entity declarations.
    public static func xml(_ bytes: [UInt8]) throws(InputError) -> MarkupElement {
        try parse(bytes, html: false)
    }

    /// Parses HTML (UTF-8 bytes), recovering from the usual tag soup.
    public static func html(_ bytes: [UInt8]) throws(InputError) -> MarkupElement {
        try parse(bytes, html: true)
    }

    static func parse(_ bytes: [UInt8], html: Bool) throws(InputError) -> MarkupElement {
        var err = [CChar](repeating: 0, count: 256)
        let doc: OpaquePointer? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) {
                vb_xml_parse($0, Int32(buf.count), html ? 1 : 0, &err, Int32(err.count))
            }
        }
        guard let doc else {
            let reason = String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .badMarkup(reason.isEmpty ? "cannot be parsed" : reason)
        }
        defer { vb_xml_free(doc) }
        guard let root = vb_xml_root(doc) else { throw .badMarkup("the document has no root element") }
        return element(root, html: html)
    }

    static func element(_ node: OpaquePointer, html: Bool) -> MarkupElement {
        let local = String(cString: vb_node_name(node))
        var e = MarkupElement(name: qualified(local, vb_node_namespace(node), html: html))
        var a = vb_node_first_attribute(node)
        while let attr = a {
            let name = qualified(String(cString: vb_attribute_name(attr)), vb_attribute_namespace(attr), html: html)
            if let v = vb_attribute_value(attr) {
                e.attributes[name] = String(cString: v)
                vb_string_free(v)
            }
            a = vb_attribute_next(attr)
        }
        var c = vb_node_first_child(node)
        while let child = c {
            switch vb_node_kind(child) {
            case 1: e.children.append(.element(element(child, html: html)))
            case 2: if let t = vb_node_text(child) { e.children.append(.text(String(cString: t))) }
            default: break
            }
            c = vb_node_next(child)
        }
        return e
    }

    static func qualified(_ local: String, _ ns: UnsafePointer<CChar>?, html: Bool) -> String {
        if html { return local.lowercased() }
        guard let ns, let prefix = prefixes[String(cString: ns)] else { return local }
        return prefix + ":" + local
    }
}
