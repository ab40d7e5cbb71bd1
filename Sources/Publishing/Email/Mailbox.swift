import Foundation

/// An email address with an optional display name: `The Desk <desk@example.com>` or
/// `desk@example.com` (RFC 5322 §3.4, without comments, groups or quoted local parts).
public struct Mailbox: Sendable, Equatable, CustomStringConvertible {
    public let displayName: String?
    /// The addr-spec, `local@domain`, as SMTP's MAIL FROM and RCPT TO take it.
    public let address: String

    /// A mailbox from parts already known to be valid (`address` passes `isAddress`).
    init(displayName: String?, address: String) {
        self.displayName = displayName.map(HeaderText.clean).flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// Nil unless `text` is an address, alone or in angle brackets after a name.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            name = Self.unquoted(String(trimmed[..<open]).trimmingCharacters(in: .whitespaces))
        }
        guard Self.isAddress(address) else { return nil }
        self.init(displayName: name, address: address)
    }

    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    /// The mailbox as header words: the name (atoms, a quoted string or encoded-words), then `<address>`.
    var headerWords: [String] {
        guard let displayName else { return [address] }
        let atext = Set("!#$%&'*+-/=?^_`{|}~ ")
        let words: [String]
        if displayName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || atext.contains($0)) }) {
            words = displayName.split(separator: " ").map(String.init)
        } else if EncodedWord.isPlain(displayName) {
            words = ["\"" + displayName.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""]
        } else {
            words = EncodedWord.encode(displayName)
        }
        return words + ["<\(address)>"]
    }

    /// `local@domain` with a dot-atom on both sides, or an address literal (`[192.0.2.1]`) as the domain.
    static func isAddress(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at], domain = text[text.index(after: at)...]
        return isDotAtom(local) && (isDotAtom(domain) || isAddressLiteral(domain))
    }

    private static func isDotAtom(_ text: Substring) -> Bool {
        let atext = Set("!#$%&'*+-/=?^_`{|}~")
        return !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || atext.contains($0)) }
        }
    }

    private static func isAddressLiteral(_ text: Substring) -> Bool {
        text.hasPrefix("[") && text.hasSuffix("]") && text.count > 2
            && text.dropFirst().dropLast().allSatisfy { $0.isASCII && ($0.isHexDigit || $0 == "." || $0 == ":") }
    }

    /// A display name without its surrounding quotes and backslash escapes.
    private static func unquoted(_ name: String) -> String {
        guard name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") else { return name }
        var result = ""
        var escaped = false
        for character in name.dropFirst().dropLast() {
            if !escaped && character == "\\" { escaped = true; continue }
            escaped = false
            result.append(character)
        }
        return result
    }
}
