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

    /// A scalar as `JSONByteWriter` formats it (a separate concern, tested on its own).
    static func scalar(_ value: Any) -> Node {
        let node = Node()
        node.kind = .scalar
        switch value {
        case let value as String: node.scalar = written(value)
        case let value as Double: node.scalar = written(value)
        case let value as Float: node.scalar = written(Double(value))
        case let value as Bool: node.scalar = value ? "true" : "false"
        case let value as any BinaryInteger: node.scalar = "\(value)"
        default: node.scalar = "null"
        }
        return node
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
        switch value {
        case is String, is Double, is Float, is Bool, is any BinaryInteger: return Node.scalar(value)
        default:
            let node = Node()
            try value.encode(to: TreeEncoder(node: node))
            return node
        }
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { node.members.append((key.stringValue, Node.scalar(()))) }
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

    mutating func encodeNil() throws { node.elements.append(Node.scalar(())) }
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

    mutating func encodeNil() throws { node.kind = .scalar; node.scalar = "null" }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let encoded = try TreeEncoder.node(value)
        node.kind = encoded.kind
        node.members = encoded.members
        node.elements = encoded.elements
        node.scalar = encoded.scalar
    }
}
