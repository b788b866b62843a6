import Foundation
import VanBanModel

/// The one place the contract is turned into JSON bytes and back (Foundation stays here).
/// Keys are sorted so that output is byte-for-byte stable; slashes are not escaped
/// (`322/KH-UBND`, not `322\/KH-UBND`).
public enum ContractJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try e.encode(value))
    }

    public static func string<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        String(decoding: try encode(value, pretty: pretty), as: UTF8.self)
    }

    public static func decodeDocument(_ bytes: [UInt8]) throws -> Document {
        try JSONDecoder().decode(Document.self, from: Data(bytes))
    }
}
