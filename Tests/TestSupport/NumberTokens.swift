import Foundation

/// Numbers as printed in a note (7.6%, −0.4%, 2,506.85, 10th, 2008), leaving out labels such as 1D or Q2.
public enum NumberTokens {
    public static func `in`(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "[+\u{2212}]?[0-9][0-9,.]*%?[A-Za-z]*")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match -> String? in
            guard let range = Range(match.range, in: text) else { return nil }
            if range.lowerBound > text.startIndex, text[text.index(before: range.lowerBound)].isLetter { return nil }
            var token = String(text[range])
            let letters = token.reversed().prefix { $0.isLetter }.count
            guard ["", "st", "nd", "rd", "th"].contains(String(token.suffix(letters))) else { return nil }
            while let last = token.last, last == "," || last == "." { token.removeLast() }
            return token
        }
    }
}
