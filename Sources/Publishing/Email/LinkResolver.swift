import Foundation

/// Makes link destinations absolute for email, where there is no page to resolve them against.
/// A relative reference resolves against the site's base URL (RFC 3986 §5), a bare `#fragment`
/// against the note's web edition; a destination that is empty, cannot be resolved, or uses a
/// scheme other than http, https and mailto has no email form (nil), so its link is dropped.
struct LinkResolver: Sendable {
    let base: URL?
    let page: URL?

    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    init(baseURL: String, pagePath: String) {
        base = URL(string: baseURL).flatMap { $0.scheme == nil || $0.host == nil ? nil : $0 }
        page = base.flatMap { URL(string: pagePath, relativeTo: $0)?.absoluteURL }
    }

    /// The absolute form of `destination`, or nil when it has none.
    func absolute(_ destination: String) -> String? {
        let trimmed = destination.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let scheme = Self.scheme(of: trimmed) {
            return Self.allowedSchemes.contains(scheme.lowercased()) ? trimmed : nil
        }
        guard let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: Self.uriCharacters),
              let anchor = trimmed.hasPrefix("#") ? page : base,
              let resolved = URL(string: encoded, relativeTo: anchor)?.absoluteURL
        else { return nil }
        return resolved.absoluteString
    }

    /// The scheme of an absolute URI (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`), if any.
    static func scheme(of reference: String) -> String? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let scheme = reference[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// RFC 3986's unreserved and reserved characters, and `%` for escapes already present.
    private static let uriCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")
}
