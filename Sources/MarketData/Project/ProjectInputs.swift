/// Everything a newsletter project feeds into the analytics, loaded and validated.
public struct ProjectInputs: Sendable {
    public var config: ProjectConfig
    /// The project folder; config paths are relative to it.
    public var root: String
    /// Price series by symbol, in config order.
    public var prices: [PriceSeries]
    /// Raw macro columns by macro id.
    public var macro: [String: ObservationSeries]
    /// Breadth tables by breadth id, with the groups' columns in config order.
    public var breadth: [String: ObservationTable]
    /// Quotes, oldest first.
    public var quotes: [Quote]
    public var commentary: [SessionDate: Commentary]
    /// The files of `static/`, published as they are.
    public var staticFiles = StaticFiles.none
    /// What loading found that does not stop a build (commentary written ahead of its prices).
    public var warnings: [Diagnostic] = []

    public init(config: ProjectConfig, root: String, prices: [PriceSeries], macro: [String: ObservationSeries],
                breadth: [String: ObservationTable], quotes: [Quote], commentary: [SessionDate: Commentary]) {
        self.config = config
        self.root = root
        self.prices = prices
        self.macro = macro
        self.breadth = breadth
        self.quotes = quotes
        self.commentary = commentary
    }

    public func prices(_ symbol: String) -> PriceSeries? { prices.first { $0.symbol == symbol } }
}
