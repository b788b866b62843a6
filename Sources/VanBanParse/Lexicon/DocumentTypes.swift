import VanBanText

/// A kind of document: its name as written in running text, its code from
/// Nghị định 30/2020/NĐ-CP Phụ lục III, and whether the decree gives it one.
public struct DocumentKind: Sendable, Equatable {
    /// Sentence case, as a citation's `kind`: `Quyết định`.
    public let name: String
    /// Abbreviation: `QĐ`; `cong-van` / `thu-cong` for types the decree leaves without one.
    public let code: String
    /// False for kinds that are only cited (laws, decrees, circulars), never issued by a plan's author.
    public let administrative: Bool
    /// Folded words of `name`, for matching: `quyet dinh`.
    public let key: String

    init(_ name: String, _ code: String, administrative: Bool = true) {
        self.name = name; self.code = code; self.administrative = administrative
        self.key = Folding.words(name)
    }
}

/// The one table of document types. Longer names first so that `Chương trình hành động`
/// wins over `Chương trình` and `Thông tư liên tịch` over `Thông tư`.
public enum DocumentTypes {
    public static let all: [DocumentKind] = [
        DocumentKind("Chương trình hành động", "CTr"),
        DocumentKind("Thông tư liên tịch", "TTLT", administrative: false),
        DocumentKind("Nghị quyết", "NQ"),
        DocumentKind("Quyết định", "QĐ"),
        DocumentKind("Chỉ thị", "CT"),
        DocumentKind("Quy chế", "QC"),
        DocumentKind("Quy định", "QyĐ"),
        DocumentKind("Thông cáo", "TC"),
        DocumentKind("Thông báo", "TB"),
        DocumentKind("Hướng dẫn", "HD"),
        DocumentKind("Chương trình", "CTr"),
        DocumentKind("Kế hoạch", "KH"),
        DocumentKind("Phương án", "PA"),
        DocumentKind("Đề án", "ĐA"),
        DocumentKind("Dự án", "DA"),
        DocumentKind("Báo cáo", "BC"),
        DocumentKind("Biên bản", "BB"),
        DocumentKind("Tờ trình", "TTr"),
        DocumentKind("Hợp đồng", "HĐ"),
        DocumentKind("Công điện", "CĐ"),
        DocumentKind("Bản ghi nhớ", "BGN"),
        DocumentKind("Bản thỏa thuận", "BTT"),
        DocumentKind("Giấy ủy quyền", "GUQ"),
        DocumentKind("Giấy mời", "GM"),
        DocumentKind("Giấy giới thiệu", "GGT"),
        DocumentKind("Giấy nghỉ phép", "GNP"),
        DocumentKind("Phiếu gửi", "PG"),
        DocumentKind("Phiếu chuyển", "PC"),
        DocumentKind("Phiếu báo", "PB"),
        DocumentKind("Công văn", "cong-van"),
        DocumentKind("Thư công", "thu-cong"),
        DocumentKind("Kết luận", "KL"),
        DocumentKind("Nghị định", "NĐ", administrative: false),
        DocumentKind("Thông tư", "TT", administrative: false),
        DocumentKind("Luật", "Luật", administrative: false),
        DocumentKind("Bộ luật", "BL", administrative: false),
        DocumentKind("Pháp lệnh", "PL", administrative: false),
        DocumentKind("Hiến pháp", "HP", administrative: false),
        DocumentKind("Văn bản", "VB", administrative: false),
    ]

    /// Codes that may open a symbol, folded to upper case without marks, mapped to the canonical code.
    public static let symbolCodes: [String: String] = {
        var m: [String: String] = [:]
        for k in all where k.administrative && !k.code.contains("-") {
            m[Folding.key(k.code).uppercased()] = k.code
        }
        m["QD"] = "QĐ"; m["HD"] = "HD"; m["DA"] = "ĐA"
        return m
    }()

    /// The kind whose name starts the folded word string `words`, longest first.
    public static func kind(prefixOf words: String) -> DocumentKind? {
        guard let first = words.utf8.first else { return nil }
        for k in all where k.key.utf8.first == first && Bytes.hasPrefix(words, k.key) {
            let n = k.key.utf8.count
            if words.utf8.count == n { return k }
            if words.utf8[words.utf8.index(words.utf8.startIndex, offsetBy: n)] == 32 { return k }
        }
        return nil
    }

    /// The document type a symbol names: `KH-UBND` → `KH`, `QĐ.UBND` → `QĐ`, `UBND-VX` → `cong-van`.
    public static func code(fromSymbol symbol: String) -> String? {
        let first = symbol.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).first.map(String.init) ?? ""
        if first.isEmpty { return nil }
        if let c = symbolCodes[Folding.key(first).uppercased()] { return c }
        // A công văn's symbol names the issuer and its unit instead of a type.
        return "cong-van"
    }
}

/// Cue words of the form, one place each.
public enum FormCues {
    /// Folded openings of preamble clauses.
    public static let preamble: [String] = ["can cu", "thuc hien", "xet de nghi", "xet", "theo de nghi", "trien khai", "de trien khai", "nham"]
    /// Signature authorities, as printed.
    public static let authorities: [String] = ["TM.", "KT.", "TL.", "TUQ.", "Q."]
    /// Folded openings of all-caps lines that name the signing authority of a Quyết định.
    public static let authorityHeads: [String] = ["uy ban", "ubnd", "chu tich", "giam doc", "hoi dong", "bo truong", "truong ban", "ban chi dao", "so ", "thu truong"]
    /// Folded signer titles that may stand alone in a signature.
    public static let positions: [String] = ["chu tich", "pho chu tich", "giam doc", "pho giam doc", "truong ban", "pho truong ban",
                                             "truong phong", "pho truong phong", "chanh van phong", "bi thu", "pho bi thu",
                                             "vien truong", "hieu truong", "cuc truong", "chi cuc truong", "bo truong", "thu truong"]
    /// Folded lines that are form furniture, never OCR debris.
    public static let structural: [String] = ["noi nhan", "quyet dinh", "phu luc", "ke hoach", "chuong trinh", "muc luc"]
}

/// Document numbers (số ký hiệu).
public enum DocumentNumbers {
    /// The ký hiệu of a number: `322/KH-UBND` → `KH-UBND`; `101/2017/NĐ-CP` → `NĐ-CP`; `49-KL/TW` → `KL/TW`.
    public static func symbol(of number: String) -> String? {
        var s = number[...]
        while let f = s.first, f.isNumber { s = s.dropFirst() }
        if s.first == "/" || s.first == "-" { s = s.dropFirst() }
        // A year in the number: `2017/`.
        let digits = s.prefix(while: { $0.isNumber })
        if digits.count == 4, s.dropFirst(4).first == "/" { s = s.dropFirst(5) }
        return s.isEmpty ? nil : String(s)
    }
}

/// Text that portal pages put around a document (folded openings): the
/// translation notice, loading messages, the comparison help, download
/// boxes. A block opening with one is portal text, never the document.
/// `PortalTextTests` lists what must and must not match.
public enum PortalText {
    static let openings: [String] = [
        "ban dich nay thuoc quyen so huu", "dang tai van ban", "dang tai noi dung", "cac noi dung duoc sua doi huong dan",
        "noi dung sua doi huong dan", "cac noi dung cua vb nay duoc vb khac", "click vao phan boi vang", "ra chuot vao noi dung",
        "click trai de xem", "click phai de xem", "double click de xem", "tat so sanh", "file duoc dinh kem theo van ban",
        "file attached to document", "tai ve van ban", "tai van ban", "van ban bi thay the van ban thay the",
        "thu vien phap luat has the copyright", "ban dang xem ban", "dang nhap de xem", "vui long dang nhap",
    ]

    /// True when the folded text opens with portal text.
    public static func isPortalText(folded: String) -> Bool {
        openings.contains { folded.hasPrefix($0) }
    }

    /// Labels and values of a portal's metadata box (`Số hiệu:`, `Tình trạng: Đã biết`),
    /// read only in the cells of a header table, where they stand beside the issuer.
    static let metadata: Set<String> = ["so hieu", "loai van ban", "noi ban hanh", "nguoi ky", "ngay ban hanh", "ngay hieu luc",
                                        "ngay cong bao", "so cong bao", "tinh trang", "da biet", "dang cap nhat", "het hieu luc",
                                        "con hieu luc", "chua co hieu luc", "linh vuc", "cap nhat"]

    /// True when a header-table cell is portal text or a metadata label or value.
    public static func isPortalCell(folded: String) -> Bool {
        isPortalText(folded: folded) || metadata.contains(folded)
    }
}
