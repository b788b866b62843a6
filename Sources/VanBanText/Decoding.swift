import VanBanModel

/// Text read from bytes, with what the reader noticed.
public struct DecodedText: Sendable {
    public var text: String
    /// `utf-8`, `utf-16le`, `utf-16be`, `tcvn3`, `vni`, `viscii`, `windows-1258`.
    public var encoding: String
    public var warnings: [Warning]

    public init(text: String, encoding: String, warnings: [Warning]) {
        self.text = text; self.encoding = encoding; self.warnings = warnings
    }
}

/// Why bytes could not be read as a document at all. Messages say what to do.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case binary
    case tooLarge(bytes: Int, limit: Int)
    /// `--encoding` named something VanBan cannot read.
    case unknownEncodingName(String)
    /// A DOCX (ZIP) that cannot be read, or is refused for safety.
    case badArchive(String)
    /// XML or HTML that is refused for safety (external entities, DTDs, entity bombs) or cannot be parsed.
    case badMarkup(String)
    /// A format VanBan does not read (PDF, legacy `.doc`).
    case unsupportedFormat(String)
    /// A password-protected PDF.
    case encryptedPDF
    /// A PDF that cannot be opened (damaged beyond repair, not a PDF after all).
    case badPDF(String)
    /// A PDF with more pages than `--max-pages`.
    case tooManyPages(pages: Int, limit: Int)

    public var description: String {
        switch self {
        case .binary:
            return "not a text document (binary data); convert it to text, HTML or DOCX first"
        case let .tooLarge(bytes, limit):
            return "file is \(bytes) bytes, over the \(limit)-byte limit; raise it with --max-size if the file is genuine"
        case let .unknownEncodingName(name):
            return "unknown encoding '\(name)'; use one of: utf-8, utf-16le, utf-16be, " + LegacyEncoding.allCases.map(\.name).joined(separator: ", ")
        case let .badArchive(reason):
            return "not a readable DOCX: \(reason)"
        case let .badMarkup(reason):
            return "markup refused: \(reason)"
        case let .unsupportedFormat(what):
            return "unsupported format: \(what)"
        case .encryptedPDF:
            return "the PDF is encrypted (password-protected); ask the issuer for an unprotected copy"
        case let .badPDF(reason):
            return "not a readable PDF: \(reason)"
        case let .tooManyPages(pages, limit):
            return "the PDF has \(pages) pages, over the \(limit)-page limit; raise it with --max-pages if the file is genuine"
        }
    }
}

/// Decodes plain-text bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM
/// (or without, when the zero bytes make it plain), and the legacy Vietnamese
/// encodings (TCVN3, VNI, VISCII, Windows-1258) when the bytes are not UTF-8
/// and one of them reads clearly as Vietnamese. Undecidable bytes are read as
/// UTF-8 with an `unknown-encoding` warning; binary data is refused.
public enum TextDecoder {
    /// The encoding names `--encoding` accepts.
    public static var encodingNames: [String] { ["utf-8", "utf-16le", "utf-16be"] + LegacyEncoding.allCases.map(\.name) }

    /// Decodes with a named encoding (`--encoding`), or detects it when `encoding` is nil.
    public static func decode(_ bytes: [UInt8], encoding: String?) throws(InputError) -> DecodedText {
        guard let name = encoding else { return try decode(bytes) }
        switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "utf-8", "utf8": return utf8(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...])
        case "utf-16le", "utf16le": return utf16(bytes.starts(with: [0xFF, 0xFE]) ? bytes.dropFirst(2) : bytes[...], littleEndian: true, name: "utf-16le")
        case "utf-16be", "utf16be": return utf16(bytes.starts(with: [0xFE, 0xFF]) ? bytes.dropFirst(2) : bytes[...], littleEndian: false, name: "utf-16be")
        default:
            guard let legacy = LegacyEncoding(name: name) else { throw .unknownEncodingName(name) }
            return DecodedText(text: legacy.decode(bytes), encoding: legacy.name, warnings: [])
        }
    }

    /// Windows-1252 bytes as text (what pages declaring `iso-8859-1` really hold).
    public static func windows1252(_ bytes: [UInt8]) -> String {
        var s = String.UnicodeScalarView()
        s.reserveCapacity(bytes.count)
        LegacyEncoding.mapBytes(bytes, LegacyEncodingTables.windows1252, into: &s)
        return String(s)
    }

    public static func decode(_ bytes: [UInt8]) throws(InputError) -> DecodedText {
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return utf16(bytes.dropFirst(2), littleEndian: true, name: "utf-16le")
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return utf16(bytes.dropFirst(2), littleEndian: false, name: "utf-16be")
        }
        var body = bytes[...]
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            body = bytes.dropFirst(3)
        }
        // Zero bytes: UTF-16 without BOM, or binary.
        let sample = body.prefix(8192)
        var zerosEven = 0, zerosOdd = 0, controls = 0
        for (i, b) in sample.enumerated() {
            if b == 0 { if i % 2 == 0 { zerosEven += 1 } else { zerosOdd += 1 } }
            else if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { controls += 1 }
        }
        let half = max(1, sample.count / 2)
        if zerosOdd * 10 > half * 6 && zerosEven * 10 < half {
            return utf16(body, littleEndian: true, name: "utf-16le")
        }
        if zerosEven * 10 > half * 6 && zerosOdd * 10 < half {
            return utf16(body, littleEndian: false, name: "utf-16be")
        }
        if zerosEven + zerosOdd > 0 || controls * 20 > max(sample.count, 1) {
            throw .binary
        }
        if let s = String(validating: body, as: UTF8.self) {
            return DecodedText(text: s, encoding: "utf-8", warnings: [])
        }
        // Damaged UTF-8 (a few stray bytes among many good multi-byte letters) stays UTF-8.
        if looksLikeDamagedUTF8(body) { return utf8(body) }
        if let reading = EncodingDetector.detect(Array(body)) {
            return DecodedText(text: reading.text, encoding: reading.encoding.name, warnings: [])
        }
        var lossy = utf8(body)
        lossy.warnings.insert(Warning(.unknownEncoding,
            "the bytes are not UTF-8 and no legacy Vietnamese encoding reads them clearly; read as UTF-8. "
            + "Pass --encoding (" + encodingNames.joined(separator: ", ") + ") if you know it", line: nil), at: 0)
        return lossy
    }

    /// At least twice as many valid multi-byte UTF-8 sequences as invalid bytes: legacy
    /// encodings almost never form valid UTF-8 sequences, real UTF-8 has them everywhere.
    static func looksLikeDamagedUTF8(_ body: ArraySlice<UInt8>) -> Bool {
        var it = body.makeIterator()
        var decoder = UTF8()
        var good = 0, bad = 0
        loop: while true {
            switch decoder.decode(&it) {
            case let .scalarValue(u): if u.value >= 0x80 { good += 1 }
            case .error: bad += 1
            case .emptyInput: break loop
            }
        }
        return good >= 2 * bad
    }

    static func utf8(_ body: ArraySlice<UInt8>) -> DecodedText {
        if let s = String(validating: body, as: UTF8.self) {
            return DecodedText(text: s, encoding: "utf-8", warnings: [])
        }
        let s = String(decoding: body, as: UTF8.self)
        var replaced = 0
        for u in s.unicodeScalars where u == "\u{FFFD}" { replaced += 1 }
        // Real U+FFFD already in the input (EF BF BD) is not a decoding error.
        var literal = 0
        var i = body.startIndex
        while i + 2 < body.endIndex {
            if body[i] == 0xEF && body[i + 1] == 0xBF && body[i + 2] == 0xBD { literal += 1; i += 3 } else { i += 1 }
        }
        let bad = max(replaced - literal, 1)
        let line = firstLine(containing: "\u{FFFD}", in: s)
        let w = Warning(.invalidBytes,
                        "\(bad) invalid UTF-8 sequence(s) replaced by U+FFFD; if the file is in a legacy Vietnamese encoding, pass --encoding",
                        line: line)
        return DecodedText(text: s, encoding: "utf-8", warnings: [w])
    }

    static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool, name: String) -> DecodedText {
        var units = [UInt16]()
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i + 1 < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(littleEndian ? (a | b << 8) : (a << 8 | b))
            i += 2
        }
        var warnings: [Warning] = []
        let s: String
        if let v = String(validating: units, as: UTF16.self) {
            s = v
        } else {
            s = String(decoding: units, as: UTF16.self)
            warnings.append(Warning(.invalidBytes, "unpaired UTF-16 surrogates replaced by U+FFFD",
                                    line: firstLine(containing: "\u{FFFD}", in: s)))
        }
        if body.count % 2 == 1 {
            warnings.append(Warning(.invalidBytes, "odd trailing byte in UTF-16 input ignored", line: nil))
        }
        return DecodedText(text: s, encoding: name, warnings: warnings)
    }

    static func firstLine(containing scalar: Unicode.Scalar, in s: String) -> Int? {
        var line = 1
        for u in s.unicodeScalars {
            if u == scalar { return line }
            if u == "\n" { line += 1 }
        }
        return nil
    }
}
