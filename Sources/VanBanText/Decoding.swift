import VanBanModel

/// Text read from bytes, with what the reader noticed.
public struct DecodedText: Sendable {
    public var text: String
    /// `utf-8`, `utf-16le`, `utf-16be`.
    public var encoding: String
    public var warnings: [Warning]
}

/// Why bytes could not be read as a document at all. Messages say what to do.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case binary
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .binary:
            return "not a text document (binary data); convert it to text, HTML or DOCX first"
        case let .tooLarge(bytes, limit):
            return "file is \(bytes) bytes, over the \(limit)-byte limit; raise it with --max-size if the file is genuine"
        }
    }
}

/// Decodes plain-text bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM
/// (or without, when the zero bytes make it plain). Invalid bytes become U+FFFD
/// plus an `invalid-bytes` warning; binary data is refused.
public enum TextDecoder {
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
        return utf8(body)
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
