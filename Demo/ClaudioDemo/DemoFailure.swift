/// Why the demo could not run, in words that say what to do about it.
struct DemoFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
