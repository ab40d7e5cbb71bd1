import MarketData

extension ProjectConfig {
    /// What every template sees as `site`: title, base URL, description, language and, when the
    /// project has one, the disclaimer.
    public var siteContext: [String: Any] {
        var site: [String: Any] = ["title": title, "url": baseURL, "description": description, "language": language]
        if let disclaimer { site["disclaimer"] = disclaimer }
        return site
    }
}
