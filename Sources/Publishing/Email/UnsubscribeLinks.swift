import Foundation

/// Where a reader of the email unsubscribes (`email.unsubscribe`): the URLs of the
/// List-Unsubscribe header (RFC 2369) and the link at the email's foot.
struct UnsubscribeLinks: Equatable {
    let urls: [String]

    init(_ urls: [String]) {
        self.urls = urls
    }

    /// `List-Unsubscribe: <mailto:…>, <https://…>`, folded between URLs; nil without any.
    var header: HeaderField? {
        guard !urls.isEmpty else { return nil }
        return HeaderField("List-Unsubscribe", words: urls.enumerated().map { index, url in
            "<\(url)>" + (index < urls.count - 1 ? "," : "")
        })
    }

    /// Why `url` cannot be an unsubscribe link, with a hint, or nil when it can.
    static func problem(_ url: String) -> (message: String, hint: String)? {
        let unsafe: Set<UInt8> = [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\"")]
        guard url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !unsafe.contains($0) }) else {
            return ("email.unsubscribe '\(url)' has a space, a non-ASCII character or one of < > \" that a mail header cannot carry",
                    "percent-encode them, e.g. %20 for a space")
        }
        switch scheme(of: url) {
        case "mailto":
            let address = url.dropFirst("mailto:".count).prefix { $0 != "?" }
            guard Mailbox.isAddress(address.removingPercentEncoding ?? String(address)) else {
                return ("email.unsubscribe '\(url)' does not name a mail address", "write e.g. `mailto:desk@example.com?subject=unsubscribe`")
            }
            return nil
        case "https", "http":
            guard let rest = url.split(separator: ":", maxSplits: 1).last, rest.hasPrefix("//"), rest.count > 2 else {
                return ("email.unsubscribe '\(url)' names no host", "write e.g. `https://notes.example.com/unsubscribe`")
            }
            return nil
        default:
            return ("email.unsubscribe '\(url)' must be an https: or mailto: URL",
                    "write e.g. `https://notes.example.com/unsubscribe` or `mailto:desk@example.com?subject=unsubscribe`")
        }
    }

    /// The lowercased scheme of `url`, or nil when it has none.
    private static func scheme(of url: String) -> String? {
        LinkResolver.scheme(of: url)?.lowercased()
    }
}
