/// Markup that a template prints as it is (`{{{content}}}`): a note's HTML, a chart's SVG, a
/// rendered template inside the layout. It stays the UTF-8 bytes it was made as, so a page
/// rendered as bytes copies it in. Made a String, each was checked to be UTF-8 once more on the
/// way, and copied into its template's text before that text was copied into the page's bytes.
public struct MarkupBytes: Sendable, Hashable {
    public let bytes: [UInt8]

    /// `bytes` must be UTF-8: made of Strings' bytes and ASCII, or repaired where they came from
    /// C. Checked in debug builds (the tests), not in a release build, where it would cost what
    /// this type saves.
    public init(validUTF8 bytes: [UInt8]) {
        assert(String(validating: bytes, as: UTF8.self) != nil, "markup that is not UTF-8")
        self.bytes = bytes
    }

    public init(_ text: String) { bytes = Array(text.utf8) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
