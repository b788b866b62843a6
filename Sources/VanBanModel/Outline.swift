/// One numbered heading of the plan and what stands under it.
///
/// `id` is the path of markers without punctuation (`II.2.a`, `Điều 1.2`,
/// `IV.7~2` for a repeated marker); `label` is the marker as printed (`2.1.`, `a)`).
public struct OutlineNode: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var heading: String
    public var children: [OutlineNode]
    public var paragraphs: [Paragraph]
    /// 1-based line of the heading in the normalized text (not part of the contract).
    public var line: Int

    public init(id: String, label: String, heading: String, children: [OutlineNode] = [],
                paragraphs: [Paragraph] = [], line: Int = 0) {
        self.id = id; self.label = label; self.heading = heading
        self.children = children; self.paragraphs = paragraphs; self.line = line
    }

    enum CodingKeys: String, CodingKey { case id, label, heading, children, paragraphs }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        heading = try c.decode(String.self, forKey: .heading)
        children = try c.decodeIfPresent([OutlineNode].self, forKey: .children) ?? []
        paragraphs = try c.decodeIfPresent([Paragraph].self, forKey: .paragraphs) ?? []
        line = 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(heading, forKey: .heading)
        try c.encode(children, forKey: .children)
        try c.encode(paragraphs, forKey: .paragraphs)
    }
}

/// A paragraph of running text; `marker` is the bullet it was written with (`-`, `+`, `•`) or null.
public struct Paragraph: Codable, Sendable, Equatable {
    public var marker: String?
    public var text: String
    /// 1-based line in the normalized text (not part of the contract).
    public var line: Int

    public init(marker: String?, text: String, line: Int = 0) {
        self.marker = marker; self.text = text; self.line = line
    }

    enum CodingKeys: String, CodingKey { case marker, text }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        marker = try c.decodeIfPresent(String.self, forKey: .marker)
        text = try c.decode(String.self, forKey: .text)
        line = 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(marker, forKey: .marker)
        try c.encode(text, forKey: .text)
    }
}
