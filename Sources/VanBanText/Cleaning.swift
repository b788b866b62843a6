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
    public static func clean(_ text: String) -> CleanText {
        var warnings: [Warning] = []
        let nfc = UnicodeText.nfc(text)
        let vietnamese = looksVietnamese(nfc)
        var ethRepairs = 0
        var lines: [String] = []
        lines.reserveCapacity(256)
        var current = String.UnicodeScalarView()
        var pendingSpace = false
        var lastWasStar = false
        var prev: Unicode.Scalar = " "
        func flush() {
            lines.append(String(current))
            current = String.UnicodeScalarView()
            pendingSpace = false
            lastWasStar = false
        }
        let scalars = Array(nfc.unicodeScalars)
        var i = 0
        while i < scalars.count {
            var u = scalars[i]
            i += 1
            switch u.value {
            case 0x0D:
                if i < scalars.count && scalars[i] == "\n" { i += 1 }
                flush(); prev = "\n"; continue
            case 0x0A, 0x0B, 0x0C, 0x2028, 0x2029, 0x85:
                flush(); prev = "\n"; continue
            case 0x09, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x1680:
                if !current.isEmpty { pendingSpace = true }
                prev = " "; continue
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD:
                continue
            case 0x00...0x1F, 0x7F:
                continue
            case 0x2A: // '*': drop `**` emphasis markers
                if i < scalars.count && scalars[i] == "*" { i += 1; continue }
            case 0xD0, 0xF0: // Ð ð: eth typed for Đ đ
                if vietnamese && (i < scalars.count && isLetter(scalars[i]) || isLetter(prev)) {
                    u = u.value == 0xD0 ? "\u{0110}" : "\u{0111}"
                    ethRepairs += 1
                }
            default:
                break
            }
            if pendingSpace { current.append(" "); pendingSpace = false }
            current.append(u)
            lastWasStar = (u == "*")
            prev = u
        }
        flush()
        if ethRepairs > 0 {
            warnings.append(Warning(.ethRepaired, "\(ethRepairs) 'Ð' (eth) written for 'Đ' repaired", line: nil))
        }
        if let w = mojibakeWarning(nfc) { warnings.append(w) }
        return CleanText(lines: lines, warnings: warnings)
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
        var hits = 0
        var prev: Unicode.Scalar = " "
        for u in s.unicodeScalars {
            switch (prev.value, u.value) {
            case (0xC3, 0x80...0xBF), (0xC4, 0x80...0xBF), (0xC6, 0xA0...0xB0), (0xE1, 0xBA...0xBB), (0x81D, _):
                hits += 1
            default: break
            }
            if u == "膽" { hits += 1 }
            prev = u
        }
        guard hits >= 3 else { return nil }
        return Warning(.mojibake, "\(hits) character pairs look like UTF-8 read as another code page (mojibake); re-export the file as UTF-8", line: nil)
    }
}
