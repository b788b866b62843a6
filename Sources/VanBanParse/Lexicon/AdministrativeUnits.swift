/// Vietnam's provinces and centrally-run cities, and the words of
/// administrative names, as data: the vocabulary that OCR spacing repair
/// matches against (`ỦY B AN NHÂN D Â N`, `T hành phố Hồ Chí M inh`).
public enum AdministrativeUnits {
    /// The 63 provinces and cities before 1 July 2025 (with `Huế`, the city that
    /// Thừa Thiên Huế became in 2025).
    public static let provinces: [String] = [
        "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Thừa Thiên Huế",
        "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương",
        "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
        "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa",
        "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
        "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
        "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Tiền Giang",
        "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    ]

    /// Words of the names of issuing bodies and of the header.
    public static let words: [String] = [
        "Ủy ban nhân dân", "Hội đồng nhân dân", "Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập", "Tự do", "Hạnh phúc",
        "tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu", "trung ương",
        "Sở", "Ban", "Bộ", "Phòng", "Văn phòng", "Chính phủ", "Thủ tướng", "Quốc hội", "Chủ tịch", "Phó",
        "Ban Chỉ đạo", "Trung tâm", "Giám đốc", "Kế hoạch", "Quyết định", "Số", "ngày", "tháng", "năm",
    ]

    /// Every syllable of the vocabulary, folded (`uy`, `ban`, `nhan`, `dan`, `minh` ...).
    static let syllables: Set<String> = {
        var out: Set<String> = []
        for phrase in provinces + words {
            for w in phrase.split(whereSeparator: { $0 == " " || $0 == "-" }) { out.insert(OCRSpacing.fold(String(w))) }
        }
        return out
    }()
}
