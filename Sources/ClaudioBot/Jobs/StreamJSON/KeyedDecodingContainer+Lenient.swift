extension KeyedDecodingContainer {
    /// The value at `key`, or nil when it is missing, `null` or of another type: one odd field of a
    /// stream-json line must not cost the rest of the line.
    func lenientValue<Value: Decodable>(_ type: Value.Type, forKey key: Key) -> Value? {
        (try? decodeIfPresent(type, forKey: key)) ?? nil
    }
}
