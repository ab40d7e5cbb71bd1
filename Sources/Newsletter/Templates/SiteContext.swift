import MarketData

extension ProjectConfig {
    /// What every template sees as `site`: title, base URL, language and, when the project has
    /// them, the description and the disclaimer (an empty one is left out, so that a section
    /// such as `{{#site.description}} · …{{/site.description}}` prints nothing, as Mustache
    /// counts an empty string as a value).
    public var siteContext: TemplateObject {
        var site: TemplateObject = [.title: .text(title), .url: .text(baseURL), .language: .text(language)]
        if !description.isEmpty { site[.description] = .text(description) }
        if let disclaimer, !disclaimer.isEmpty { site[.disclaimer] = .text(disclaimer) }
        return site
    }
}
