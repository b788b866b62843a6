import VanBanFormats
import VanBanText
import XCTest

/// Legacy encodings: the vectors of ENCODINGS.md, detection, and the override.
final class EncodingTests: XCTestCase {
    /// Characters as Windows-1252 bytes (how VNI and TCVN3 vectors are printed).
    func cp1252(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { u in
            let special: [UInt32: UInt8] = [0x20AC: 0x80, 0x2026: 0x85, 0x201C: 0x93, 0x201D: 0x94, 0x2013: 0x96]
            return special[u.value] ?? UInt8(u.value)
        }
    }

    func assertScalars(_ got: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Array(got.unicodeScalars), Array(UnicodeText.nfc(expected).unicodeScalars), file: file, line: line)
    }

    func testSpecVectorsDecodeToNFC() {
        assertScalars(LegacyEncoding.vni.decode(cp1252("Xin chaøo caùc baïn")), "Xin chào các bạn")
        assertScalars(LegacyEncoding.vni.decode(cp1252("Toâi ñi hoïc")), "Tôi đi học")
        assertScalars(LegacyEncoding.vni.decode(cp1252("AÙ")), "Á")
        assertScalars(LegacyEncoding.tcvn3.decode(cp1252("Xin chµo c¸c b¹n")), "Xin chào các bạn")
        assertScalars(LegacyEncoding.tcvn3.decode(cp1252("T«i ®i häc")), "Tôi đi học")
        // VNI letters with two marks and the one-byte letters.
        assertScalars(LegacyEncoding.vni.decode(cp1252("Vieät Nam, ñöôïc, thöïc hieän, tæ, Quyeát ñònh, Ñieàu")),
                      "Việt Nam, được, thực hiện, tỉ, Quyết định, Điều")
        // VISCII: one byte per letter (RFC 1456): ư = 0xDF, ờ = 0xB6, ệ = 0xAE.
        assertScalars(LegacyEncoding.viscii.decode([0x6E, 0x67, 0xDF, 0xB6, 0x69, 0x20, 0x56, 0x69, 0xAE, 0x74]), "người Việt")
        // Windows-1258: base letter + combining tone byte (0xF2 = dot below) must end composed.
        let w = LegacyEncoding.windows1258.decode([0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x4E, 0x61, 0x6D])
        assertScalars(w, "Việt Nam")
        XCTAssertEqual(w.unicodeScalars.count, 8, "the tone mark is composed, not left combining")
    }

    func testDetectionPicksTheEncodingAndNamesIt() throws {
        let sentence = "Ủy ban nhân dân tỉnh xây dựng kế hoạch thực hiện các nhiệm vụ của Sở Giáo dục và Đào tạo"
        let cases: [(LegacyEncoding, [UInt8])] = [
            (.vni, cp1252("UÛy ban nhaân daân tænh xaây döïng keá hoaïch thöïc hieän caùc nhieäm vuï cuûa Sôû Giaùo duïc vaø Ñaøo taïo")),
            (.tcvn3, cp1252("ñy ban nh©n d©n tØnh x©y dùng kÕ ho¹ch thùc hiÖn c¸c nhiÖm vô cña Së Gi¸o dôc vµ §µo t¹o")),
        ]
        for (encoding, bytes) in cases {
            let d = try TextDecoder.decode(bytes)
            XCTAssertEqual(d.encoding, encoding.name)
            XCTAssertTrue(d.warnings.isEmpty, "\(d.warnings)")
            if encoding == .vni { assertScalars(d.text, sentence) }
        }
    }

    func testUndecidableBytesAreReadAsUTF8WithAWarning() throws {
        // Latin-1 French: not UTF-8, and no Vietnamese reading is convincing.
        let french = Array("Le comité a décidé: élève, père, façon, déjà vu à Noël.".unicodeScalars.map { UInt8($0.value) })
        let d = try TextDecoder.decode(french)
        XCTAssertEqual(d.encoding, "utf-8")
        XCTAssertEqual(d.warnings.first?.code, .unknownEncoding)
        XCTAssertTrue(d.warnings.first!.message.contains("--encoding"))
    }

    func testEncodingOverrideAndUnknownNames() throws {
        let bytes = cp1252("Toâi ñi hoïc")
        XCTAssertEqual(try TextDecoder.decode(bytes, encoding: "VNI-Windows").text, UnicodeText.nfc("Tôi đi học"))
        XCTAssertEqual(try TextDecoder.decode(bytes, encoding: "vni").encoding, "vni")
        XCTAssertThrowsError(try TextDecoder.decode(bytes, encoding: "klingon")) { e in
            XCTAssertEqual(e as? InputError, .unknownEncodingName("klingon"))
            XCTAssertTrue("\(e)".contains("tcvn3"), "the message lists the names that work")
        }
    }

    func testUnicodeTypedInALegacyFontIsRepaired() throws {
        // A .VnTime Word file: the characters are Unicode, but they are TCVN3 bytes read as Latin-1.
        let typed = "KÕ ho¹ch thùc hiÖn c¸c nhiÖm vô cña Së Gi¸o dôc vµ §µo t¹o"
        let read = try DocumentReader.read(bytes: Array(typed.utf8), name: "x.txt")
        XCTAssertEqual(read.encoding, "tcvn3")
        assertScalars(read.text, "Kế hoạch thực hiện các nhiệm vụ của Sở Giáo dục và Đào tạo")
        // Real Vietnamese is never "repaired".
        let real = "Kế hoạch thực hiện các nhiệm vụ của Sở Giáo dục và Đào tạo"
        XCTAssertNil(LegacyFontText.repair(real))
        XCTAssertEqual(try DocumentReader.read(bytes: Array(real.utf8), name: "x.txt").encoding, "utf-8")
    }
}
