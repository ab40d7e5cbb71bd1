/// Encodes daily bars in Yahoo Finance's download layout.
struct YahooCSVEncoder {
    static let header = "Date,Open,High,Low,Close,Adj Close,Volume\n"
    /// ISO date bytes per calendar session, built once and reused for every file.
    private let dateLabels: [[UInt8]]

    init(calendar: TradingCalendar) {
        dateLabels = calendar.sessions.map { Array($0.description.utf8) }
    }

    func encode(_ bars: [DailyBar]) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64 * (bars.count + 1))
        buffer.append(contentsOf: Self.header.utf8)
        for bar in bars {
            buffer.append(contentsOf: dateLabels[bar.session])
            appendPrice(bar.open, to: &buffer)
            appendPrice(bar.high, to: &buffer)
            appendPrice(bar.low, to: &buffer)
            appendPrice(bar.close, to: &buffer)
            appendPrice(bar.adjClose, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            FixedDecimal.appendInteger(UInt(bar.volume), to: &buffer)
            buffer.append(UInt8(ascii: "\n"))
        }
        return buffer
    }

    private func appendPrice(_ cents: Int, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: ","))
        FixedDecimal.append(cents, decimals: 2, to: &buffer)
    }
}
