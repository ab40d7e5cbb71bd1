@testable import Publishing

/// What `Encodable` makes of a value, laid out as the site's JSON is laid out: the reference the
/// typed writers (`JSONObject`) are held to. The value is encoded into a tree, members in the
/// order it encodes them (declaration order for synthesized conformances, nil optionals left
/// out by `encodeIfPresent`), and the tree is then printed: two spaces an indent, a member a
/// line, arrays of scalars on one line and nested objects and arrays each on its own line.
enum EncodableJSONReference {
    static func text<T: Encodable>(_ value: T) throws -> String {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root))
        var text = ""
        root.print(depth: 0, into: &text)
        return text + "\n"
    }
}

private final class Node {
    enum Kind { case unset, object, array, scalar }
    var kind = Kind.unset
    var members: [(key: String, value: Node)] = []
    var elements: [Node] = []
    var scalar = ""

    var isContainer: Bool { kind == .object || kind == .array }

    init() {}

    private init(scalar: String) {
        kind = .scalar
        self.scalar = scalar
    }

    /// A fresh `null`.
    static var null: Node { Node(scalar: "null") }

    /// A scalar as `JSONByteWriter` formats it (a separate concern, tested on its own); nil for
    /// any other value.
    static func scalar(_ value: Any) -> Node? {
        switch value {
        case let value as String: return Node(scalar: written(value))
        case let value as Double: return Node(scalar: written(value))
        case let value as Float: return Node(scalar: written(Double(value)))
        case let value as Bool: return Node(scalar: value ? "true" : "false")
        case let value as any BinaryInteger: return Node(scalar: "\(value)")
        default: return nil
        }
    }

    /// Takes on `other`'s value: a single-value container fills the node its encoder was given.
    func become(_ other: Node) {
        kind = other.kind
        members = other.members
        elements = other.elements
        scalar = other.scalar
    }

    private static func written<T: JSONValue>(_ value: T) -> String {
        String(decoding: JSONByteWriter.document(value).dropLast(), as: UTF8.self)
    }

    func print(depth: Int, into text: inout String) {
        let indent = String(repeating: "  ", count: depth + 1)
        switch kind {
        case .unset: text += "null"
        case .scalar: text += scalar
        case .object:
            text += "{"
            for (index, member) in members.enumerated() {
                text += (index > 0 ? "," : "") + "\n" + indent + "\"\(member.key)\": "
                member.value.print(depth: depth + 1, into: &text)
            }
            text += members.isEmpty ? "}" : "\n" + String(repeating: "  ", count: depth) + "}"
        case .array:
            text += "["
            for (index, element) in elements.enumerated() {
                if element.isContainer {
                    text += (index > 0 ? "," : "") + "\n" + indent
                } else if index > 0 {
                    text += ", "
                }
                element.print(depth: depth + 1, into: &text)
            }
            text += elements.contains(where: \.isContainer) ? "\n" + String(repeating: "  ", count: depth) + "]" : "]"
        }
    }
}

private struct TreeEncoder: Encoder {
    let node: Node
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.kind = .object
        return KeyedEncodingContainer(KeyedTree<Key>(node: node))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        node.kind = .array
        return UnkeyedTree(node: node)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleTree(node: node) }

    /// The node of a nested value: a scalar directly, anything else through its own `encode(to:)`.
    static func node<T: Encodable>(_ value: T) throws -> Node {
        if let scalar = Node.scalar(value) { return scalar }
        let node = Node()
        try value.encode(to: TreeEncoder(node: node))
        return node
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { node.members.append((key.stringValue, .null)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.members.append((key.stringValue, try TreeEncoder.node(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        node.members.append((key.stringValue, child))
        return TreeEncoder(node: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = Node()
        node.members.append((key.stringValue, child))
        return TreeEncoder(node: child).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { preconditionFailure("not used by the site's JSON") }
    mutating func superEncoder(forKey key: Key) -> Encoder { preconditionFailure("not used by the site's JSON") }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [CodingKey] { [] }
    var count: Int { node.elements.count }

    mutating func encodeNil() throws { node.elements.append(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { node.elements.append(try TreeEncoder.node(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        node.elements.append(child)
        return TreeEncoder(node: child).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = Node()
        node.elements.append(child)
        return TreeEncoder(node: child).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { preconditionFailure("not used by the site's JSON") }
}

private struct SingleTree: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil() throws { node.become(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { node.become(try TreeEncoder.node(value)) }
}
