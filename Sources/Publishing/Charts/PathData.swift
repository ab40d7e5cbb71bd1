/// The `d` attribute of an SVG path, built from absolute coordinates as UTF-8 bytes.
struct PathData {
    private(set) var bytes: [UInt8] = []

    /// A polyline through `points`: `M x y` then implicit line-tos, one pair per point. Written
    /// through one pointer into room for the longest numbers: a 252-point line appended a point
    /// at a time, two numbers and two bytes, cost about 160 instructions a point (callgrind).
    init(polyline points: [(x: Double, y: Double)]) {
        bytes.append(addingCapacity: points.count * Self.pointLength) { room in
            room.withUnsafeMutableBufferPointer { buffer, written in
                guard let start = buffer.baseAddress else { return }
                var position = start
                for (offset, point) in points.enumerated() {
                    position += Self.write(offset == 0 ? UInt8(ascii: "M") : UInt8(ascii: " "), point.x, point.y, to: position)
                }
                written = position - start
            }
        }
    }

    /// Horizontal segments, one per `y`, from `x0` to `x1` (grid lines).
    init(horizontalLinesAt ys: [Double], from x0: Double, to x1: Double) {
        for y in ys { segment(from: x0, y, UInt8(ascii: "H"), to: x1) }
    }

    /// Vertical segments, one per `x`, from `y0` to `y1` (tick marks, the zero line of bars).
    init(verticalLinesAt xs: [Double], from y0: Double, to y1: Double) {
        for x in xs { segment(from: x, y0, UInt8(ascii: "V"), to: y1) }
    }

    /// `M x y` then a horizontal (`H`) or vertical (`V`) line to the coordinate `end`.
    private mutating func segment(from x: Double, _ y: Double, _ command: UInt8, to end: Double) {
        bytes.append(addingCapacity: Self.pointLength) { room in
            room.withUnsafeMutableBufferPointer { buffer, written in
                written = Self.write(UInt8(ascii: "M"), x, y, to: buffer.baseAddress!)
            }
        }
        bytes.append(command)
        SVGNumber.append(end, to: &bytes)
    }

    /// The most bytes a point takes: the byte before it and two numbers apart by a space.
    private static let pointLength = 2 * SVGNumber.maxLength + 2

    /// `lead` (a command or a space), then `x` and `y` apart by a space, at `target`; returns how
    /// many bytes that is.
    private static func write(_ lead: UInt8, _ x: Double, _ y: Double, to target: UnsafeMutablePointer<UInt8>) -> Int {
        target.pointee = lead
        var position = target + 1
        position += SVGNumber.write(x, to: position)
        position.pointee = UInt8(ascii: " ")
        position += 1 + SVGNumber.write(y, to: position + 1)
        return position - target
    }
}
