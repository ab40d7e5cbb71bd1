/// UTF-8 text written in many short pieces into memory it owns: `[UInt8]`'s appends check the
/// array's uniqueness and capacity on each piece, and a chart or a facts file is thousands of
/// them. Noncopyable, so that it frees its memory once.
struct ByteBuffer: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The bytes written so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    /// The bytes written so far as text (they came from Strings, so they are UTF-8).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Where the next `length` bytes go; `commit` then says how many were written there.
    @inline(__always)
    mutating func room(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        if count + length > capacity { grow(toHold: count + length) }
        return storage + count
    }

    @inline(__always)
    mutating func commit(_ written: Int) { count += written }

    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let first = source.baseAddress else { return }
        room(source.count).initialize(from: first, count: source.count)
        commit(source.count)
    }

    mutating func append(text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A piece of the program's own text, read where it lies: a String's bytes go through
    /// `withUTF8`, about 90 instructions a piece with the copy (callgrind).
    mutating func append(_ piece: StaticString) {
        piece.withUTF8Buffer { append($0) }
    }

    private mutating func grow(toHold needed: Int) {
        Self.grow(&storage, capacity: &capacity, count: count, toHold: needed)
    }

    /// Moves the `count` bytes at `storage` to memory twice `capacity`, or `needed` if more;
    /// `JSONByteWriter`, which keeps its own fields, grows through it too.
    static func grow(_ storage: inout UnsafeMutablePointer<UInt8>, capacity: inout Int, count: Int, toHold needed: Int) {
        capacity = max(needed, 2 * capacity)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
    }
}
