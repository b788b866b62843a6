/// The extraction contract, version 2 (`shared/spec/OUTPUT.md`, `Schemas/vanban-document.schema.json`).
///
/// Every type here is a plain value. Optional fields encode as JSON `null`
/// (never omitted): consumers rely on every key being present.
public struct Document: Codable, Sendable, Equatable {
    public var schemaVersion: String = Document.currentSchemaVersion
    /// The contract version this program writes.
    public static let currentSchemaVersion = "2"
    public var source: Source
    /// Abbreviation from Nghị định 30/2020/NĐ-CP, Phụ lục III (`KH`, `QĐ`), or `cong-van`, `thu-cong`.
    public var documentType: String?
    /// Số ký hiệu without spaces: `322/KH-UBND`; null when the number is blank (`Số: /KH-BCĐ`).
    public var number: String?
    /// The ký hiệu alone: `KH-BCĐ`.
    public var symbol: String?
    public var issuer: Issuer?
    public var place: String?
    /// ISO 8601, blank parts dropped: `2024-03-16`, `2024-03`, `2024`.
    public var issuedDate: String?
    public var title: String?
    /// `Căn cứ ...`, `Thực hiện ...` and other text before the first numbered heading (section `preamble`).
    public var preamble: [Paragraph]
    public var outline: [OutlineNode]
    /// `Trên đây là ...` and other text after the body, before `Nơi nhận` (section `closing`).
    public var closing: [Paragraph]
    public var citations: [Citation]
    public var tasks: [TaskAssignment]
    public var deadlines: [Deadline]
    public var targets: [Target]
    public var recipients: [String]
    public var archive: String?
    public var signature: Signature?
    public var attachments: [Attachment]
    public var warnings: [Warning]

    public init(source: Source) {
        self.source = source
        outline = []; preamble = []; closing = []; citations = []; tasks = []; deadlines = []; targets = []
        recipients = []; attachments = []; warnings = []
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, source, documentType, number, symbol, issuer, place, issuedDate, title
        case preamble, outline, closing, citations, tasks, deadlines, targets, recipients, archive, signature
        case attachments, warnings
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(source, forKey: .source)
        try c.encode(documentType, forKey: .documentType)
        try c.encode(number, forKey: .number)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(place, forKey: .place)
        try c.encode(issuedDate, forKey: .issuedDate)
        try c.encode(title, forKey: .title)
        try c.encode(preamble, forKey: .preamble)
        try c.encode(outline, forKey: .outline)
        try c.encode(closing, forKey: .closing)
        try c.encode(citations, forKey: .citations)
        try c.encode(tasks, forKey: .tasks)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(targets, forKey: .targets)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(archive, forKey: .archive)
        try c.encode(signature, forKey: .signature)
        try c.encode(attachments, forKey: .attachments)
        try c.encode(warnings, forKey: .warnings)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(String.self, forKey: .schemaVersion)
        source = try c.decode(Source.self, forKey: .source)
        documentType = try c.decodeIfPresent(String.self, forKey: .documentType)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        symbol = try c.decodeIfPresent(String.self, forKey: .symbol)
        issuer = try c.decodeIfPresent(Issuer.self, forKey: .issuer)
        place = try c.decodeIfPresent(String.self, forKey: .place)
        issuedDate = try c.decodeIfPresent(String.self, forKey: .issuedDate)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        preamble = try c.decodeIfPresent([Paragraph].self, forKey: .preamble) ?? []
        outline = try c.decodeIfPresent([OutlineNode].self, forKey: .outline) ?? []
        closing = try c.decodeIfPresent([Paragraph].self, forKey: .closing) ?? []
        citations = try c.decodeIfPresent([Citation].self, forKey: .citations) ?? []
        tasks = try c.decodeIfPresent([TaskAssignment].self, forKey: .tasks) ?? []
        deadlines = try c.decodeIfPresent([Deadline].self, forKey: .deadlines) ?? []
        targets = try c.decodeIfPresent([Target].self, forKey: .targets) ?? []
        recipients = try c.decodeIfPresent([String].self, forKey: .recipients) ?? []
        archive = try c.decodeIfPresent(String.self, forKey: .archive)
        signature = try c.decodeIfPresent(Signature.self, forKey: .signature)
        attachments = try c.decodeIfPresent([Attachment].self, forKey: .attachments) ?? []
        warnings = try c.decodeIfPresent([Warning].self, forKey: .warnings) ?? []
    }
}

/// Where the document came from and how its bytes were read.
public struct Source: Codable, Sendable, Equatable {
    public var name: String
    public var sha256: String
    /// `text`, `html` or `docx`.
    public var format: String
    /// As detected: `utf-8`, `utf-16le`, `utf-16be`, `tcvn3`, `vni`, ...
    public var encoding: String

    public init(name: String, sha256: String, format: String, encoding: String) {
        self.name = name; self.sha256 = sha256; self.format = format; self.encoding = encoding
    }
}

/// The issuing body from the header block, in sentence case:
/// `ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN` → `Ủy ban nhân dân tỉnh Nghệ An`.
public struct Issuer: Codable, Sendable, Equatable {
    public var name: String
    public var parent: String?
    /// `national`, `province`, `district`, `commune`, or null when the header does not say.
    public var level: String?
    /// The province, district or commune the issuer governs (`tỉnh Nghệ An`), null for national bodies.
    public var locality: String?

    public init(name: String, parent: String?, level: String? = nil, locality: String? = nil) {
        self.name = name; self.parent = parent; self.level = level; self.locality = locality
    }

    enum CodingKeys: String, CodingKey { case name, parent, level, locality }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        level = try c.decodeIfPresent(String.self, forKey: .level)
        locality = try c.decodeIfPresent(String.self, forKey: .locality)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(parent, forKey: .parent)
        try c.encode(level, forKey: .level)
        try c.encode(locality, forKey: .locality)
    }
}

/// The signature block: `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` / `Lý Minh Châu`.
public struct Signature: Codable, Sendable, Equatable {
    /// `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.` or null.
    public var authority: String?
    public var onBehalfOf: String?
    public var position: String?
    public var signer: String?

    public init(authority: String? = nil, onBehalfOf: String? = nil, position: String? = nil, signer: String? = nil) {
        self.authority = authority; self.onBehalfOf = onBehalfOf; self.position = position; self.signer = signer
    }

    enum CodingKeys: String, CodingKey { case authority, onBehalfOf, position, signer }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(authority, forKey: .authority)
        try c.encode(onBehalfOf, forKey: .onBehalfOf)
        try c.encode(position, forKey: .position)
        try c.encode(signer, forKey: .signer)
    }
}

/// A document issued together with this one (a Quyết định that issues a Kế hoạch `kèm theo`).
public struct Attachment: Codable, Sendable, Equatable {
    public var documentType: String?
    public var title: String?
    /// Text before the attachment's first numbered heading, its `(Kèm theo ...)` note included (section `A1/preamble`).
    public var preamble: [Paragraph]
    public var outline: [OutlineNode]
    /// Text after the attachment's body (`Trên đây là ...`), section `A1/closing`.
    public var closing: [Paragraph]

    public init(documentType: String?, title: String?, preamble: [Paragraph] = [], outline: [OutlineNode], closing: [Paragraph] = []) {
        self.documentType = documentType; self.title = title; self.preamble = preamble; self.outline = outline; self.closing = closing
    }

    enum CodingKeys: String, CodingKey { case documentType, title, preamble, outline, closing }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        documentType = try c.decodeIfPresent(String.self, forKey: .documentType)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        preamble = try c.decodeIfPresent([Paragraph].self, forKey: .preamble) ?? []
        outline = try c.decodeIfPresent([OutlineNode].self, forKey: .outline) ?? []
        closing = try c.decodeIfPresent([Paragraph].self, forKey: .closing) ?? []
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(documentType, forKey: .documentType)
        try c.encode(title, forKey: .title)
        try c.encode(preamble, forKey: .preamble)
        try c.encode(outline, forKey: .outline)
        try c.encode(closing, forKey: .closing)
    }
}
