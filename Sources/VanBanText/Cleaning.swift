import VanBanModel

/// Normalized text split into trimmed lines (blank lines kept, so line numbers
/// match the normalized text).
public struct CleanText: Sendable {
    public var lines: [String]
    public var warnings: [Warning]
}

/// Turns decoded text into clean lines: CR/CRLF → LF, NFC, NBSP and tabs to
/// spaces, zero-width characters and `**` emphasis removed, runs of spaces
/// collapsed, `Ð` written for `Đ` repaired inside Vietnamese text.
public enum TextCleaner {
    /// `keepEmphasis`: leave `**` in place, for readers that take emphasis as a hint (Markdown).
    public static func clean(_ text: String, keepEmphasis: Bool = false) -> CleanText {
        var warnings: [Warning] = []
        var nfc = UnicodeText.nfc(text)
        let vietnamese = looksVietnamese(nfc)
        var ethRepairs = 0
        var lines: [String] = []
        lines.reserveCapacity(256)
        nfc.withUTF8 { src in
            var line: [UInt8] = []
            line.reserveCapacity(512)
            var pendingSpace = false
            func flush() {
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                pendingSpace = false
            }
            @inline(__always) func emit(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) {
                if pendingSpace { line.append(32); pendingSpace = false }
                line.append(contentsOf: bytes)
            }
            @inline(__always) func space() { if !line.isEmpty { pendingSpace = true } }
            let n = src.count
            var i = 0
            while i < n {
                let b = src[i]
                if b < 0x80 {
                    switch b {
                    case 0x0D:
                        flush(); i += (i + 1 < n && src[i + 1] == 0x0A) ? 2 : 1; continue
                    case 0x0A, 0x0B, 0x0C:
                        flush(); i += 1; continue
                    case 0x09, 0x20:
                        space(); i += 1; continue
                    case 0x2A where !keepEmphasis && i + 1 < n && src[i + 1] == 0x2A: // `**` emphasis
                        i += 2; continue
                    case 0x00...0x1F, 0x7F:
                        i += 1; continue
                    default:
                        emit(src[i..<(i + 1)]); i += 1; continue
                    }
                }
                let len = b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
                guard i + len <= n else { i += 1; continue }
                var v = UInt32(b) & (len == 2 ? 0x1F : (len == 3 ? 0x0F : 0x07))
                for k in 1..<len { v = v << 6 | UInt32(src[i + k] & 0x3F) }
                switch v {
                case 0x85, 0x2028, 0x2029:
                    flush()
                case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x1680:
                    space()
                case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD, 0x80...0x9F:
                    break
                case 0xD0 where vietnamese && (isLetterAt(src, i + len) || endsWithLetter(line)),
                     0xF0 where vietnamese && (isLetterAt(src, i + len) || endsWithLetter(line)):
                    // Ð ð (eth) typed for Đ đ (U+0110/U+0111: C4 90 / C4 91).
                    emitScalar(v == 0xD0 ? 0x0110 : 0x0111)
                    ethRepairs += 1
                default:
                    emit(src[i..<(i + len)])
                }
                i += len
            }
            flush()
            func emitScalar(_ s: UInt32) {
                if pendingSpace { line.append(32); pendingSpace = false }
                line.append(UInt8(0xC0 | (s >> 6))); line.append(UInt8(0x80 | (s & 0x3F)))
            }
        }
        if ethRepairs > 0 {
            warnings.append(Warning(.ethRepaired, "\(ethRepairs) 'Ð' (eth) written for 'Đ' repaired", line: nil))
        }
        if let w = mojibakeWarning(nfc) { warnings.append(w) }
        return CleanText(lines: lines, warnings: warnings)
    }

    /// True when the UTF-8 at `i` starts a letter (ASCII letter or any non-ASCII scalar but punctuation).
    @inline(__always) static func isLetterAt(_ src: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < src.count else { return false }
        let b = src[i]
        if b < 0x80 { return (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        return b >= 0xC3 && b <= 0xE1 // Latin-1 letters through Latin Extended Additional
    }

    @inline(__always) static func endsWithLetter(_ line: [UInt8]) -> Bool {
        guard let b = line.last else { return false }
        if b < 0x80 { return (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        return true
    }

    @inline(__always) static func isLetter(_ u: Unicode.Scalar) -> Bool { u.properties.isAlphabetic }

    /// True when the text has enough Vietnamese-only letters to be Vietnamese.
    public static func looksVietnamese(_ s: String) -> Bool {
        var count = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x1EA0...0x1EF9, 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0102, 0x0103, 0x0110, 0x0111:
                count += 1
                if count >= 5 { return true }
            default: continue
            }
        }
        return false
    }

    /// UTF-8 read through Windows-1252 or a CJK code page leaves tell-tale pairs.
    static func mojibakeWarning(_ s: String) -> Warning? {
        // `Ã`, `Ä`, `Æ` (C3 83/84/86) followed by another non-ASCII character, `á»`/`áº` (C3 A1 C2 BA/BB),
        // or `膽` (E8 86 BD): letters that never meet in Vietnamese written in UTF-8.
        var str = s
        let hits = str.withUTF8 { u -> Int in
            var hits = 0
            var i = 0
            let n = u.count
            while i + 2 < n {
                if u[i] == 0xC3 {
                    let c = u[i + 1]
                    if (c == 0x83 || c == 0x84 || c == 0x86) && u[i + 2] >= 0xC2 { hits += 1 }
                    else if c == 0xA1 && u[i + 2] == 0xC2 && i + 3 < n && (u[i + 3] == 0xBA || u[i + 3] == 0xBB) { hits += 1 }
                } else if u[i] == 0xE8 && u[i + 1] == 0x86 && u[i + 2] == 0xBD {
                    hits += 1
                }
                i += 1
            }
            return hits
        }
        guard hits >= 3 else { return nil }
        return Warning(.mojibake, "\(hits) character pairs look like UTF-8 read as another code page (mojibake); re-export the file as UTF-8", line: nil)
    }
}
