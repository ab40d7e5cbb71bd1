/// How much of a byte buffer is valid UTF-8, to point at the first byte that is not.
enum UTF8Prefix {
    static func length(of bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var length = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
            length += scalar.count
        }
        return length
    }
}
