/// Something the parser met and could not read cleanly. A warning never stops a parse.
public struct Warning: Codable, Sendable, Equatable {
    public var code: WarningCode
    public var message: String
    /// 1-based line in the normalized text, or null when the warning is about the whole input.
    public var line: Int?

    public init(_ code: WarningCode, _ message: String, line: Int? = nil) {
        self.code = code; self.message = message; self.line = line
    }

    enum CodingKeys: String, CodingKey { case code, message, line }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(line, forKey: .line)
    }
}

/// The one catalogue of warning codes. Codes are stable: consumers filter on them.
public enum WarningCode: String, Codable, Sendable, CaseIterable {
    /// Bytes that are not valid in the detected encoding; replaced by U+FFFD.
    case invalidBytes = "invalid-bytes"
    /// The encoding could not be decided; the text was read as UTF-8.
    case unknownEncoding = "unknown-encoding"
    /// Text that looks like UTF-8 read through another code page (`Ä‘` for `đ`).
    case mojibake = "mojibake"
    /// `Số: /KH-BCĐ`: the number is blank in the text.
    case blankNumber = "blank-number"
    /// A numbered heading repeats its sibling's marker (`7.` twice); it gets `~2`.
    case duplicateMarker = "duplicate-marker"
    /// A stray line from scanning or stamps (`KIẾN GI.`, `hamb`), dropped.
    case ocrDebris = "ocr-debris"
    /// No header (`Số:` line, date line or type line) was found.
    case noHeader = "no-header"
    /// No `Nơi nhận:` block was found.
    case noRecipients = "no-recipients"
    /// No signature block was found.
    case noSignature = "no-signature"
    /// No numbered heading was found; the body is kept as preamble paragraphs.
    case noOutline = "no-outline"
    /// The input is empty or holds only white space.
    case emptyInput = "empty-input"
    /// `Ð` (eth) written for `Đ` was repaired.
    case ethRepaired = "eth-repaired"
    /// A table after the signature that belongs to no appendix: kept out of the outline.
    case tableOutsideAppendix = "table-outside-appendix"
    /// Text after the signature that belongs to no appendix (footnotes, lists): kept in the message.
    case textAfterSignature = "text-after-signature"
    /// A line of the header that is none of issuer, motto, number or date: kept in the message.
    case unreadHeaderLine = "unread-header-line"
    /// Text of a portal page around the document (notices, metadata, menus): kept in the message, never read as the document.
    case portalText = "portal-text"
    /// Running headers, footers and page numbers of a PDF, dropped from the text.
    case pageFurniture = "page-furniture"
    /// Pages of a PDF read by OCR (no text layer, or `--ocr always`), with the mean word confidence.
    case ocr = "ocr"
    /// OCR'd lines whose words Tesseract was unsure of (mean confidence under 60 of 100).
    case ocrLowConfidence = "ocr-low-confidence"
}
