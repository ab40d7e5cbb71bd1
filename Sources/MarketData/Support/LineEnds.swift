import Foundation

/// Text files saved on Windows: a byte order mark and CRLF line ends mean nothing to a template
/// or a fingerprint, and a `\r` kept in a template's output ends up in every page and email.
public enum LineEnds {
    /// `text` without a byte order mark, with `\n` line ends.
    public static func plain(_ text: String) -> String {
        let unmarked = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // Foundation's replacement is not free on every template of every build: most have no CR.
        guard ByteSearch.contains(byte: 0x0D, in: unmarked) else { return unmarked }
        return unmarked.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
