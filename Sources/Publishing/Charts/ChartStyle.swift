/// The look shared by every chart. Colours are fallbacks written as presentation attributes:
/// the site stylesheet overrides them through the elements' classes (`gain`, `loss`, `line`…).
enum ChartStyle {
    static let width = 400.0
    static let fontFamily = "system-ui,sans-serif"
    static let fontSize = 12.0
    static let titleSize = 14.0
    static let titleAttributes = "class=\"chart-title\" font-size=\"\(SVGNumber.format(titleSize))\" font-weight=\"600\""
    /// Mid-tone colours that stay legible on a light and a dark background when no CSS applies.
    static let gainColor = "#2e8b57"
    static let lossColor = "#d0463e"

    /// A generous width estimate for placing labels, in em per character of a wide sans-serif
    /// face (DejaVu Sans); bold text is about 10% wider.
    static func estimatedWidth(_ text: String, fontSize: Double = fontSize, bold: Bool = false) -> Double {
        let ems = text.unicodeScalars.reduce(0.0) { total, scalar in
            switch scalar {
            case "%": total + 0.95
            case "+", "\u{2212}", "M", "W", "m", "w": total + 0.84
            case ".", ",", " ", "i", "j", "l", "I", "'": total + 0.32
            case "0"..."9", "a"..."z": total + 0.64
            default: total + 0.72
            }
        }
        return ems * fontSize * (bold ? 1.1 : 1)
    }

    /// The class and fallback fill for a signed value: `class="gain" fill="#…"`.
    static func signAttributes(_ value: Double) -> String {
        value > 0 ? gainAttributes : value < 0 ? lossAttributes : "fill=\"currentColor\""
    }

    /// Made once: a bar chart writes one of them for each bar and its label.
    private static let gainAttributes = "class=\"gain\" fill=\"\(gainColor)\""
    private static let lossAttributes = "class=\"loss\" fill=\"\(lossColor)\""
}
