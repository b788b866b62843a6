import VanBanExtract
import VanBanParse
import VanBanText

/// A stored document as the citation graph sees it.
public struct StoredDocumentRef: Sendable, Equatable, Hashable {
    public var id: Int64
    public var number: String?
    public var name: String
    public var issuer: String?
    public var level: String?
    public var locality: String?
    public var province: String?
    public var provinceNow: String?
    public var issuedDate: String?
    package init(id: Int64, number: String?, name: String, issuer: String?, level: String?, locality: String?,
                 province: String?, provinceNow: String?, issuedDate: String?) {
        self.id = id; self.number = number; self.name = name; self.issuer = issuer; self.level = level; self.locality = locality
        self.province = province; self.provinceNow = provinceNow; self.issuedDate = issuedDate
    }
    /// Its number, else its file name.
    public var label: String { number ?? name }
}

/// One stored citation with the document that makes it.
public struct CitationLink: Sendable {
    public var citer: StoredDocumentRef
    public var number: String?
    public var date: String?
    public var issuer: String?
    public var role: String
    public var section: String
    package init(citer: StoredDocumentRef, number: String?, date: String?, issuer: String?, role: String, section: String) {
        self.citer = citer; self.number = number; self.date = date; self.issuer = issuer; self.role = role; self.section = section
    }
}

/// A plan that implements a document directly (depth 1) or through plans that implement it.
public struct ImplementerRow: TabularRow, Equatable {
    public var depth: Int
    public var document: String
    public var locality: String?
    public var issuedDate: String?
    public var role: String
    /// The document it cites on the way: the root at depth 1, a plan of depth − 1 below.
    public var via: String
    public static let columns = ["depth", "document", "locality", "issuedDate", "role", "via"]
    public var cells: [String] { [String(depth), document, cell(locality), cell(issuedDate), role, via] }
}

extension DocumentStore {
    /// Roles by which a plan implements what it cites (`Thực hiện`, `Căn cứ`).
    static var implementingRoles: Set<String> { ["implements", "basis"] }

    /// Whether a citation names this stored document: the same number, dates that agree,
    /// and its issuer (as cited, or the citing plan's own province for `của UBND tỉnh`).
    /// A national body's number is unique in the country: number and date decide.
    public static func link(_ c: CitationLink, names d: StoredDocumentRef) -> Bool {
        if let a = c.date, let b = d.issuedDate, a.count == 10, b.count == 10, a != b { return false }
        if d.level == Jurisdiction.Level.national.rawValue { return true }
        // A district's or commune's plan: cited by its own name (`của UBND huyện Trảng Bom`).
        if let locality = d.locality, d.level == Jurisdiction.Level.district.rawValue || d.level == Jurisdiction.Level.commune.rawValue {
            let cited = Folding.words(c.issuer ?? "")
            if cited.contains(Folding.words(locality)) { return true }
            if !cited.isEmpty && !cited.hasSuffix("uy ban nhan dan") && !cited.hasSuffix("ubnd") { return false }
        }
        let wanted = d.province ?? d.issuer ?? ""
        if wanted.isEmpty { return c.issuer == nil }
        return citedIssuerMatches(wanted, cited: c.issuer, citingProvince: c.citer.province, citingProvinceNow: c.citer.provinceNow)
    }

    /// The plans implementing `number` (of `issuer`, if given) directly or through each other,
    /// breadth first, each plan once, at most `maxDepth` steps down.
    public func implementers(ofNumber number: String, issuer: String?, maxDepth: Int = 8) throws -> [ImplementerRow] {
        let first = try citationLinks(number).filter { Self.implementingRoles.contains($0.role) }
            .filter { c in issuer.map { citedIssuerMatches($0, cited: c.issuer, citingProvince: c.citer.province, citingProvinceNow: c.citer.provinceNow) } ?? true }
        return try walk(first, via: number, maxDepth: maxDepth, seen: [])
    }

    /// The plans implementing a stored document directly or through each other.
    public func implementers(of root: StoredDocumentRef, maxDepth: Int = 8) throws -> [ImplementerRow] {
        guard let number = root.number else { return [] }
        let first = try citationLinks(number).filter { Self.implementingRoles.contains($0.role) && Self.link($0, names: root) }
        return try walk(first, via: number, maxDepth: maxDepth, seen: [root.id])
    }

    private func walk(_ first: [CitationLink], via: String, maxDepth: Int, seen start: Set<Int64>) throws -> [ImplementerRow] {
        var seen = start
        var out: [ImplementerRow] = []
        var frontier: [(StoredDocumentRef, String, String)] = []   // plan, role, what it cites
        for c in first where seen.insert(c.citer.id).inserted { frontier.append((c.citer, c.role, via)) }
        var depth = 1
        while !frontier.isEmpty && depth <= maxDepth {
            var next: [(StoredDocumentRef, String, String)] = []
            for (plan, role, cited) in frontier {
                out.append(ImplementerRow(depth: depth, document: plan.label, locality: plan.locality, issuedDate: plan.issuedDate,
                                          role: role, via: cited))
                guard let n = plan.number else { continue }
                for c in try citationLinks(n) where Self.implementingRoles.contains(c.role) && Self.link(c, names: plan) {
                    if seen.insert(c.citer.id).inserted { next.append((c.citer, c.role, n)) }
                }
            }
            frontier = next
            depth += 1
        }
        return out
    }
}
