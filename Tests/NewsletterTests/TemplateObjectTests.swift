@testable import Newsletter
import Testing

@Suite struct TemplateObjectTests {
    @Test func keysOfTheSameNameAreEqualAndOthersAreNot() {
        let names = (0..<2_000).map { "key\($0)" } + ["", ".", "é", "a.b"]
        let keys: [TemplateKey] = names.map { TemplateKey($0) }
        let again: [TemplateKey] = Array(names.reversed().map { TemplateKey($0) }.reversed())
        for (key, twin) in zip(keys, again) {
            #expect(key == twin && key.id == twin.id && key.name == twin.name)
        }
        #expect(Set(keys.map { $0.id }).count == names.count)
        // Names equal as Strings, as a dictionary's keys would be, are one key.
        #expect(TemplateKey("e\u{301}") == TemplateKey("é"))
    }

    @Test func keysMadeOnManyThreadsAtOnceAgree() async {
        let names = (0..<500).map { "threaded\($0)" }
        let ids = await withTaskGroup(of: [Int].self) { group in
            for round in 0..<8 {
                group.addTask { (round.isMultiple(of: 2) ? names : names.reversed()).map { TemplateKey($0).id } }
            }
            return await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        let first = names.map { TemplateKey($0).id }
        for list in ids { #expect(Set(list) == Set(first)) }
        #expect(Set(first).count == names.count)
    }

    @Test func aValueIsSetReplacedAndRemovedByItsKey() {
        var object: TemplateObject = ["a": .text("1"), "b": .flag(true)]
        object["c"] = .text("3")
        object["a"] = .text("one")
        object["b"] = nil
        object["missing"] = nil
        #expect(text(object["a"]) == "one")
        #expect(object["b"] == nil)
        #expect(text(object["c"]) == "3")
        #expect(object["missing"] == nil)
        #expect(object.child(named: "a") as? String == "one")
        #expect(object.child(named: "b") == nil)
        object["b"] = .flag(false)
        #expect(object.child(named: "b") as? Bool == false)
    }

    private func text(_ value: ContextValue?) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}
