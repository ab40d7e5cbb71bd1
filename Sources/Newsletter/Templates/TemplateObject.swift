import Foundation
import Mustache

/// A name a template looks up, interned: a template's tags and a context's keys are made into
/// keys once (when the templates are read, and at a key's first use), so that a look-up compares
/// small integers. A String key is hashed at every look-up, about 340 instructions (callgrind).
public struct TemplateKey: Hashable, Sendable, ExpressibleByStringLiteral {
    public let name: String
    let id: Int

    public init(_ name: String) {
        self.name = name
        id = Self.interned.id(of: name)
    }

    public init(stringLiteral name: String) { self.init(name) }

    public static func == (left: TemplateKey, right: TemplateKey) -> Bool { left.id == right.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    private static let interned = InternedNames()
}

/// The process's names and their numbers: the templates' tags, the key constants, and the names
/// swift-mustache asks an object for (a template it renders); a few hundred at most.
private final class InternedNames: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int] = [:]

    func id(of name: String) -> Int {
        lock.withLock {
            if let id = ids[name] { return id }
            let id = ids.count
            ids[name] = id
            return id
        }
    }
}

/// An object of a template's context, keyed by interned names: what marketnote's own pages and
/// notes are rendered with. It holds a dozen values or so, so a look-up is a walk along them
/// comparing integers. To swift-mustache (a template it renders instead of marketnote's renderer)
/// it is a `MustacheParent`, so both see the same values.
public struct TemplateObject: ExpressibleByDictionaryLiteral, MustacheParent {
    /// Keys and values in the order given (a key is there once), and the keys' numbers apart, so
    /// that a look-up reads integers: a walk along the pairs copied each value it passed, about
    /// 190 instructions a value (callgrind).
    private var entries: [(TemplateKey, ContextValue)]
    private var ids: [Int]

    public init(dictionaryLiteral entries: (TemplateKey, ContextValue)...) {
        assert(Set(entries.map(\.0)).count == entries.count, "a key given twice")
        self.entries = entries
        // Through a pointer, as `entries.map` copied each pair to read its key.
        ids = entries.withUnsafeBufferPointer { pairs in
            var ids: [Int] = []
            ids.reserveCapacity(pairs.count)
            for index in pairs.indices { ids.append(pairs[index].0.id) }
            return ids
        }
    }

    /// The value of `key`; setting nil removes it.
    public subscript(key: TemplateKey) -> ContextValue? {
        get { ids.firstIndex(of: key.id).map { entries[$0].1 } }
        set {
            switch (ids.firstIndex(of: key.id), newValue) {
            case let (index?, value?): entries[index].1 = value
            case let (index?, nil): ids.remove(at: index); entries.remove(at: index)
            case let (nil, value?): ids.append(key.id); entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    public func child(named name: String) -> Any? { self[TemplateKey(name)]?.any }
}
