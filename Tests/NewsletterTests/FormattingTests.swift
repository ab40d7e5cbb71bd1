import Foundation
import MarketData
@testable import Newsletter
import Testing
import TestSupport

@Suite struct NumberStyleTests {
    @Test func percentagesCarryASignAndARealMinus() {
        #expect(NumberStyle.percent(0.0761) == "+7.6%")
        #expect(NumberStyle.percent(-0.0042) == "\u{2212}0.4%")
        #expect(NumberStyle.percent(-0.0004) == "0.0%")
        #expect(NumberStyle.percent(0.0761, signed: false) == "7.6%")
    }

    /// A percentage is its sign (none when it prints as zero), its fixed digits and "%", whatever
    /// the value: tiny, negative, rounding to zero, huge or not a number.
    @Test func percentagesAreSignDigitsAndPercent() {
        var random = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.0004, -0.0004, 0.00049999, -0.0005, 0.0761, -0.0042, 1, -1, 12.3456,
                                1e20, -1e20, .infinity, -.infinity, .nan]
        for scale in [1e-4, 1e-2, 1, 100, 1e6] {
            values += (0..<2_000).map { _ in Double.random(in: -scale...scale, using: &random) }
        }
        for value in values {
            for decimals in 0...3 {
                for signed in [true, false] {
                    let text = NumberStyle.fixed(abs(value) * 100, decimals: decimals)
                    let sign = NumberStyle.isAllZeros(text) ? "" : value < 0 ? NumberStyle.minus : signed ? "+" : ""
                    #expect(NumberStyle.percent(value, decimals: decimals, signed: signed) == sign + text + "%", "\(value) \(decimals)")
                }
            }
        }
    }

    /// AP style: five letters or fewer spelled out, September as "Sept." (an editor's review found "Sep. 22").
    @Test func shortDatesAbbreviateMonthsInAPStyle() {
        #expect(["2008-09-22", "2018-01-15", "2018-06-01", "2018-07-04", "2018-03-09", "2018-08-31"].map { NumberStyle.shortDate(SessionDate($0)!) }
            == ["Sept. 22", "Jan. 15", "June 1", "July 4", "March 9", "Aug. 31"])
    }

    /// Every day from 1900 to 2100, every first and last day of a month in years 1–9999 (one to
    /// four digits), and days outside those years, print as month, day and year interpolated.
    @Test func longDatesPrintMonthDayAndYear() {
        #expect(NumberStyle.longDate(SessionDate("2026-01-15")!) == "January 15, 2026")
        let first = SessionDate("1900-01-01")!, last = SessionDate("2100-12-31")!
        var dates = (0...Int(last.dayNumber - first.dayNumber)).map { first.adding(days: $0) }
        for year in [1, 9, 10, 99, 100, 999, 1000, 2026, 9999] {
            for month in 1...12 {
                dates.append(SessionDate(year: year, month: month, day: 1)!)
                dates.append(SessionDate(year: year, month: month, day: SessionDate.daysIn(month: month, year: year))!)
            }
        }
        dates += [SessionDate(year: 1, month: 1, day: 1)!.adding(days: -1), SessionDate(year: 9999, month: 12, day: 31)!.adding(days: 1)]
        for date in dates {
            let (year, month, day) = date.components
            #expect(NumberStyle.longDate(date) == "\(NumberStyle.monthNames[month - 1]) \(day), \(year)")
        }
    }

    @Test func ordinalsHandleTheTeens() {
        #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103, 111].map(NumberStyle.ordinal)
            == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "103rd", "111th"])
        #expect([1, 3, 9, 10, 21].map(NumberStyle.proseOrdinal) == ["first", "third", "ninth", "10th", "21st"])
    }

    @Test func proseCountsAreWordsToNine() {
        #expect([1, 2, 9, 10, 23].map(NumberStyle.proseCount) == ["one", "two", "nine", "10", "23"])
    }

    @Test func horizonsOfWholeMonthsAreToldInMonths() {
        #expect(NumberStyle.horizon(sessions: 21) == ("month", "a month"))
        #expect(NumberStyle.horizon(sessions: 63) == ("three months", "three months"))
        #expect(NumberStyle.horizon(sessions: 252) == ("12 months", "12 months"))
        #expect(NumberStyle.horizon(sessions: 40) == ("40 sessions", "40 sessions"))
    }

    @Test func pricesGroupThousands() {
        #expect(NumberStyle.price(2506.85) == "2,506.85")
        #expect(NumberStyle.price(1234567.891) == "1,234,567.89")
        #expect(NumberStyle.price(68.1) == "68.10")
        #expect(NumberStyle.price(999.994) == "999.99")
        #expect(NumberStyle.price(999.995) == "1,000.00")
        #expect(NumberStyle.price(-999.995) == "-1,000.00")
        #expect(NumberStyle.price(-1000) == "-1,000.00")
    }

    /// Prices from 1 to 10 million, both signs, against grouping the integer part of the fixed text.
    @Test func aPriceIsItsFixedTextWithTheIntegerPartGrouped() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double(random.next(upTo: 7_000_000)) / 1_000_000)
            let value = random.next(upTo: 4) == 0 ? -magnitude : magnitude
            let fixed = NumberStyle.fixed(value, decimals: 2)
            let point = fixed.firstIndex(of: ".")!
            let negative = fixed.hasPrefix("-")
            var digits = Array(fixed[fixed.index(fixed.startIndex, offsetBy: negative ? 1 : 0)..<point])
            for index in stride(from: digits.count - 3, to: 0, by: -3) { digits.insert(",", at: index) }
            #expect(NumberStyle.price(value) == (negative ? "-" : "") + String(digits) + fixed[point...], "\(value)")
        }
    }

    /// The edge-case audit: prices under 0.005 printed "0.00" ("TIN set a record intraday high of
    /// 0.00, above the previous peak of 0.00"). A price under 1 keeps four significant digits;
    /// prices of 1 or more keep two decimals.
    @Test func pricesUnderOneKeepFourSignificantDigits() {
        #expect(NumberStyle.price(0.0012345) == "0.001235")
        #expect(NumberStyle.price(0.00115) == "0.001150")
        #expect(NumberStyle.price(0.0000123) == "0.00001230")
        #expect(NumberStyle.price(0.45) == "0.4500")
        #expect(NumberStyle.price(0.999996) == "1.00")
        // Rounding up to the next power of ten keeps four digits (a review: "0.010000").
        #expect(NumberStyle.price(0.0099996) == "0.01000")
        #expect(NumberStyle.price(0.099996) == "0.1000")
        #expect(NumberStyle.price(1.005) == "1.01")
        #expect(NumberStyle.price(1_250_000) == "1,250,000.00")
    }

    @Test func groupingSkipsTheSignAndShortNumbers() {
        #expect(NumberStyle.price(999.994) == "999.99")
        #expect(NumberStyle.price(1000) == "1,000.00")
        #expect(NumberStyle.price(-123.4) == "-123.40")
        #expect(NumberStyle.price(-1234.5) == "-1,234.50")
        #expect(NumberStyle.price(-123456.5) == "-123,456.50")
        #expect(NumberStyle.price(0) == "0.00")
    }

    @Test func periodsReadAsWords() {
        #expect(NumberStyle.period(.quarter(year: 2014, quarter: 2)) == "the second quarter of 2014")
        #expect(NumberStyle.period(ObservationPeriod("2025-01")!) == "January 2025")
        #expect(NumberStyle.shortPeriod(.quarter(year: 2014, quarter: 2)) == "Q2 2014")
        #expect(NumberStyle.shortPeriod(ObservationPeriod("2025-01")!) == "January 2025")
        #expect(NumberStyle.monthYear(SessionDate("2008-06-13")!) == "June 2008")
    }
}

@Suite struct MarkdownEscapingTests {
    @Test func punctuationThatMakesStructureIsEscaped() {
        #expect(MarkdownEscaping.text("S&P 500") == "S&P 500") // an `&` that cannot begin a reference is text
        #expect(MarkdownEscaping.text("S&amp;P") == "S\\&amp;P")
        #expect(MarkdownEscaping.text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))")
        #expect(MarkdownEscaping.text("<script>") == "\\<script\\>")
        #expect(MarkdownEscaping.text("a|b") == "a\\|b")
    }

    @Test func lineBreaksCannotStartNewBlocks() {
        #expect(MarkdownEscaping.text("a\n# b") == "a \\# b")
        #expect(MarkdownEscaping.text("- item") == "\\- item")
        #expect(MarkdownEscaping.text("1. item") == "1\\. item")
        #expect(MarkdownEscaping.text("+7.6%") == "+7.6%")
    }

    @Test func plainTextComesBackAsItIsAndOnlyItsEdgesOrBreaksChange() {
        #expect(MarkdownEscaping.text("small caps 2.1% ahead") == "small caps 2.1% ahead")
        #expect(MarkdownEscaping.text("Zürich — “quoted”") == "Zürich — “quoted”")
        #expect(MarkdownEscaping.text("Zürich") == "Zürich")
        #expect(MarkdownEscaping.text("trail \t") == "trail")
        #expect(MarkdownEscaping.text("  padded\t") == "padded")
        #expect(MarkdownEscaping.text("a\\b") == "a\\\\b")
        #expect(MarkdownEscaping.text("\tlead and trail \t") == "lead and trail")
        #expect(MarkdownEscaping.text("a\r\nb") == "a  b")
        #expect(MarkdownEscaping.text("two\nlines") == "two lines")
        #expect(MarkdownEscaping.text("two\rlines") == "two lines")
        #expect(MarkdownEscaping.text("a\u{2028}b\u{2029}c") == "a b c")
        #expect(MarkdownEscaping.text(" - item") == "\\- item")
        #expect(MarkdownEscaping.text("") == "")
    }

    @Test func blockquotesPrefixEveryLine() {
        #expect(MarkdownEscaping.blockquote("a\n\nb") == "> a\n>\n> b")
    }

    @Test func linkDestinationsCannotBreakOut() {
        #expect(MarkdownEscaping.linkDestination("https://x.example/a b>c") == "<https://x.example/a%20b%3Ec>")
        #expect(MarkdownEscaping.linkDestination("https://x.example/a(b)") == "<https://x.example/a(b)>")
        #expect(MarkdownEscaping.linkDestination("a\\b<c\nd\re") == "<a%5Cb%3Cc%0Ad%0De>")
        for (character, code) in [("<", "3C"), (">", "3E"), ("\n", "0A"), ("\r", "0D"), (" ", "20"), ("\\", "5C")] {
            #expect(MarkdownEscaping.linkDestination("a\(character)b") == "<a%\(code)b>")
        }
    }
}

@Suite struct QuoteSelectorTests {
    private func quote(_ id: String, _ date: String, _ topics: [String]) -> Quote {
        Quote(id: id, by: "A", firm: "F", date: SessionDate(date)!, topics: topics, text: "t")
    }

    @Test func choosesMatchingQuotesInTheWindowMostRelevantFirst() {
        let quotes = [
            quote("old", "2025-11-01", ["small caps"]),
            quote("macro", "2026-01-10", ["macro"]),
            quote("small", "2026-01-12", ["Small-Caps"]),
            quote("future", "2026-01-16", ["small caps"]),
            quote("unrelated", "2026-01-14", ["crypto"]),
        ]
        let selector = QuoteSelector(settings: QuoteSettings(windowDays: 14, maximum: 3))
        let chosen = selector.select(from: quotes, on: SessionDate("2026-01-15")!,
                                     topicWeights: ["small caps": 0.8, "macro": 0.5])
        #expect(chosen.map(\.id) == ["small", "macro"])
    }

    @Test func topicsAreOneWhateverTheirCaseSpacesAndPunctuation() {
        #expect(QuoteSelector.canonical("Small-Caps") == "smallcaps")
        #expect(QuoteSelector.canonical("SMALL_CAPS 2") == "smallcaps2")
        #expect(QuoteSelector.canonical("small caps") == QuoteSelector.canonical("small\tcaps!"))
        #expect(QuoteSelector.canonical("") == "")
        // Beyond ASCII: accents go, and a letter that lowercases to an ASCII one stays.
        #expect(QuoteSelector.canonical("Zürich") == "zrich")
        #expect(QuoteSelector.canonical("\u{212A}ELVIN") == "kelvin")
        // Every ASCII byte, alone and in a word, as the Unicode path reads it.
        for byte in UInt8(0)..<0x80 {
            let text = "a" + String(UnicodeScalar(byte)) + "Z"
            let reference = String(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
                .map(Character.init))
            #expect(QuoteSelector.canonical(text) == reference, "\(byte)")
        }
    }

    /// A helper's review: a quote dated on the note's day was left out for three older ones whose
    /// topics matched more notable statements, though the readers had seen those already.
    @Test func theNewestMatchingQuotesComeFirstAndTheMostRelevantAmongOneDate() {
        let quotes = [
            quote("older-strong", "2026-01-13", ["small caps", "records"]),
            quote("old-strong", "2026-01-14", ["small caps", "records"]),
            quote("today-weak", "2026-01-15", ["macro"]),
            quote("today-strong", "2026-01-15", ["small caps"]),
        ]
        let chosen = QuoteSelector(settings: QuoteSettings(windowDays: 14, maximum: 3))
            .select(from: quotes, on: SessionDate("2026-01-15")!, topicWeights: ["small caps": 0.9, "records": 0.8, "macro": 0.1])
        #expect(chosen.map(\.id) == ["today-strong", "today-weak", "old-strong"])
    }

    @Test func respectsTheMaximum() {
        let quotes = (1...5).map { quote("q\($0)", "2026-01-1\($0)", ["macro"]) }
        let chosen = QuoteSelector(settings: QuoteSettings(windowDays: 30, maximum: 2))
            .select(from: quotes, on: SessionDate("2026-01-20")!, topicWeights: ["macro": 0])
        #expect(chosen.map(\.id) == ["q5", "q4"])
    }
}

@Suite struct PhraseCapitalizationTests {
    @Test func onlyTheCapitalizedNamesAPhraseUsesAreCapitalized() throws {
        let phrases = try Phrasebook(yaml: "a: \"{{Focus}} lead{{s}}; {{#Since}}since {{since}}{{/Since}} {{focus}}\"\n", path: "phrases.yml")
        #expect(phrases.render("a", ["focus": "small caps", "s": "", "since": "may"]) == "Small caps lead; since may small caps")
        #expect(phrases.render("a", ["focus": "small caps", "s": "", "since": ""]) == "Small caps lead;  small caps")
    }
}

/// The ledger lists what the note prints: a figure that a statement formatted but the note left
/// out (another wording, a headline that did not make the title) is not one of its figures.
@Suite struct FigureLedgerTests {
    private func printed(_ record: (FigureLedger) -> Void, in text: String) -> [String] {
        let ledger = FigureLedger()
        record(ledger)
        return ledger.printed(in: [text]).map(\.text)
    }

    @Test func aFigureCountsWhereItStandsAsAWholeNumberOrPhrase() {
        #expect(printed({ $0.count(5, "n") }, in: "up 5 sessions") == ["5"])
        #expect(printed({ $0.percent(0.10, "p", signed: false, decimals: 0) }, in: "down (+10%) today") == ["10%"])
        #expect(printed({ $0.period(.quarter(year: 2014, quarter: 2), "q", short: true) }, in: "since Q2 2014.") == ["Q2 2014"])
        #expect(printed({ $0.ordinal(1, "o") }, in: "first") == ["first"])
        #expect(printed({ $0.ordinal(11, "o") }, in: "11th") == ["11th"])
    }

    @Test func aFigureInsideALargerNumberOrWordIsNotPrinted() {
        #expect(printed({ $0.count(5, "n") }, in: "up 10.5% and 5,000 shares") == [])
        #expect(printed({ $0.count(10, "n") }, in: "since 2010, at 110, 10th") == [])
        #expect(printed({ $0.ordinal(1, "o") }, in: "the 21st session, firstly") == [])
        #expect(printed({ $0.percent(0.10, "p", signed: false, decimals: 0) }, in: "up 110%") == [])
        #expect(printed({ $0.count(5, "n") }, in: "") == [])
    }

    @Test func aFigureThatNoTextPrintsIsLeftOutAndTheOthersKeepTheirOrder() {
        let ledger = FigureLedger()
        ledger.count(3, "a")
        ledger.period(.quarter(year: 2001, quarter: 4), "b", short: true)
        ledger.period(.quarter(year: 2001, quarter: 4), "b")
        ledger.price(264.52, "c")
        let texts = ["Small caps at their strongest since the fourth quarter of 2001", "3 sessions, topping out at 264.52."]
        #expect(ledger.printed(in: texts).map(\.source) == ["a", "b", "c"])
        #expect(ledger.printed(in: texts).map(\.text) == ["3", "the fourth quarter of 2001", "264.52"])
    }
}
