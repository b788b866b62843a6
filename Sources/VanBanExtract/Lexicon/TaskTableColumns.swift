import VanBanText

/// What each column of a task or indicator table holds, from its header words
/// (folded). Checked in this order, so `Thời gian thực hiện` is a time column
/// and `Cơ quan phối hợp thực hiện` a support column. `TaskTableColumnTests`
/// lists headers each role must and must not take.
enum TaskTableColumns {
    enum Role: Equatable { case support, time, lead, product, task, unit, number }

    static let rules: [(Role, [String])] = [
        (.number, ["tt", "stt", "so tt"]),
        (.support, ["phoi hop", "don vi phoi hop", "co quan phoi hop"]),
        (.time, ["thoi gian", "thoi han", "tien do", "hoan thanh", "thoi diem", "moc thoi gian", "lo trinh"]),
        (.unit, ["don vi tinh", "dvt"]),
        (.lead, ["chu tri", "co quan thuc hien", "don vi thuc hien", "trach nhiem thuc hien", "don vi trach nhiem",
                 "co quan trach nhiem", "co quan chu tri", "don vi chu tri", "co quan tham muu", "don vi tham muu", "phu trach"]),
        (.product, ["san pham", "ket qua", "hinh thuc van ban", "nguon kinh phi", "kinh phi", "ghi chu", "du toan"]),
        (.task, ["nhiem vu", "noi dung", "chi tieu", "ten", "hoat dong", "giai phap", "cong viec", "de an", "du an", "muc tieu"]),
    ]

    /// Headers that name the lead column only when they are the whole header (`Cơ quan`, `Đơn vị`,
    /// `Thực hiện`): inside a longer header they mean something else (`Cách thức thực hiện`).
    static let wholeLeadHeaders: Set<String> = ["co quan", "don vi", "thuc hien", "trach nhiem", "co quan don vi"]

    /// The role of a column from its header text, or nil.
    static func role(_ header: String) -> Role? {
        let f = Folding.words(header)
        guard !f.isEmpty else { return nil }
        if wholeLeadHeaders.contains(f) { return .lead }
        let padded = " " + f + " "
        if rules[0].1.contains(f) { return .number }
        for (role, words) in rules.dropFirst() where words.contains(where: { padded.contains(" " + $0 + " ") }) {
            return role
        }
        return nil
    }

    /// Column index of each role (the first column that takes it).
    static func roles(_ columns: [String]) -> [Role: Int] {
        var out: [Role: Int] = [:]
        for (k, c) in columns.enumerated() {
            if let r = role(c), out[r] == nil { out[r] = k }
        }
        return out
    }
}
