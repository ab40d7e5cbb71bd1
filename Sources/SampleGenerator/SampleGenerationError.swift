/// A shaping step could not make a promised fact hold with the drawn data.
struct SampleGenerationError: Error, CustomStringConvertible {
    let description: String
}
