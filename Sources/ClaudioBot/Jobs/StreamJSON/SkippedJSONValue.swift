/// Decodes any JSON value into nothing: steps an unkeyed container past an element Claudio does not
/// read, since a failed decode leaves the container where it was.
struct SkippedJSONValue: Decodable {
    init(from decoder: any Decoder) throws {}
}
