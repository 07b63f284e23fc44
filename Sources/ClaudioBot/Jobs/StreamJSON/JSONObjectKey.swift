/// A coding key for any member name, to walk objects whose keys are not known in advance.
struct JSONObjectKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
