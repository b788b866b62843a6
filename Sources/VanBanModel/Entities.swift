/// A reference to another document: `Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ`.
public struct Citation: Codable, Sendable, Equatable {
    /// Document type as written, sentence case: `Quyết định`, `Kế hoạch`, `Luật`.
    public var kind: String
    /// Normalized like `Document.number`; null for a law cited by name and date.
    public var number: String?
    public var date: String?
    public var issuer: String?
    public var title: String?
    public var role: CitationRole
    public var section: String
    public var quote: String

    public init(kind: String, number: String?, date: String?, issuer: String?, title: String?,
                role: CitationRole, section: String, quote: String) {
        self.kind = kind; self.number = number; self.date = date; self.issuer = issuer
        self.title = title; self.role = role; self.section = section; self.quote = quote
    }

    enum CodingKeys: String, CodingKey { case kind, number, date, issuer, title, role, section, quote }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(number, forKey: .number)
        try c.encode(date, forKey: .date)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(title, forKey: .title)
        try c.encode(role, forKey: .role)
        try c.encode(section, forKey: .section)
        try c.encode(quote, forKey: .quote)
    }
}

/// Why a document is cited: `Căn cứ` → basis, `Thực hiện`/`Triển khai` → implements.
public enum CitationRole: String, Codable, Sendable, Equatable {
    case basis, implements, reference
}

/// Who must do what: `lead` must do it, `support` works with it.
public struct TaskAssignment: Codable, Sendable, Equatable {
    public var section: String
    public var text: String
    public var lead: [String]
    public var support: [String]
    /// ISO date (or `--MM-DD`) of the first deadline stated in the task's text.
    public var deadline: String?

    public init(section: String, text: String, lead: [String], support: [String], deadline: String?) {
        self.section = section; self.text = text; self.lead = lead; self.support = support; self.deadline = deadline
    }

    enum CodingKeys: String, CodingKey { case section, text, lead, support, deadline }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(section, forKey: .section)
        try c.encode(text, forKey: .text)
        try c.encode(lead, forKey: .lead)
        try c.encode(support, forKey: .support)
        try c.encode(deadline, forKey: .deadline)
    }
}

public enum Recurrence: String, Codable, Sendable, Equatable {
    case yearly, semiannual, quarterly, monthly, daily
}

public enum DeadlineRelation: String, Codable, Sendable, Equatable {
    case before, on, from
}

/// A time limit: `trước ngày 15 tháng 12 hằng năm` → date `--12-15`, recurrence yearly.
public struct Deadline: Codable, Sendable, Equatable {
    /// ISO 8601, or `--MM-DD` when the text gives no year; null for a period with no date.
    public var date: String?
    /// `date` completed with the document's year when the text gives none (not guessed otherwise).
    public var resolvedDate: String?
    public var recurrence: Recurrence?
    public var relation: DeadlineRelation?
    public var section: String
    public var quote: String
    public var agencies: [String]

    public init(date: String?, resolvedDate: String? = nil, recurrence: Recurrence?, relation: DeadlineRelation?,
                section: String, quote: String, agencies: [String]) {
        self.date = date; self.resolvedDate = resolvedDate; self.recurrence = recurrence
        self.relation = relation; self.section = section; self.quote = quote; self.agencies = agencies
    }

    enum CodingKeys: String, CodingKey { case date, resolvedDate, recurrence, relation, section, quote, agencies }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(resolvedDate, forKey: .resolvedDate)
        try c.encode(recurrence, forKey: .recurrence)
        try c.encode(relation, forKey: .relation)
        try c.encode(section, forKey: .section)
        try c.encode(quote, forKey: .quote)
        try c.encode(agencies, forKey: .agencies)
    }
}

public enum Comparator: String, Codable, Sendable, Equatable {
    case atLeast = ">="
    case atMost = "<="
    case equal = "="
}

/// A number the plan commits to reach: `Phấn đấu 40% số người ... được trang bị năng lực thông tin`.
public struct Target: Codable, Sendable, Equatable {
    public var value: Double
    public var upper: Double?
    public var unit: String
    public var comparator: Comparator
    public var indicator: String
    public var year: Int?
    public var section: String
    public var quote: String

    public init(value: Double, upper: Double?, unit: String, comparator: Comparator, indicator: String,
                year: Int?, section: String, quote: String) {
        self.value = value; self.upper = upper; self.unit = unit; self.comparator = comparator
        self.indicator = indicator; self.year = year; self.section = section; self.quote = quote
    }

    enum CodingKeys: String, CodingKey { case value, upper, unit, comparator, indicator, year, section, quote }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(upper, forKey: .upper)
        try c.encode(unit, forKey: .unit)
        try c.encode(comparator, forKey: .comparator)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(year, forKey: .year)
        try c.encode(section, forKey: .section)
        try c.encode(quote, forKey: .quote)
    }
}
