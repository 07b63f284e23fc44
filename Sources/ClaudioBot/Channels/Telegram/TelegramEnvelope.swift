/// The object every Bot API answer is wrapped in: `ok` and `result`, or `ok: false` with `error_code`,
/// `description` and `parameters`.
struct TelegramEnvelope<Result: Decodable>: Decodable {
    var ok: Bool
    /// Present when `ok`; a malformed result fails the whole decoding.
    var result: Result?
    var errorCode: Int?
    var description: String?
    var parameters: TelegramResponseParameters?

    private enum CodingKeys: String, CodingKey {
        case ok, result, errorCode = "error_code", description, parameters
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ok = try container.decode(Bool.self, forKey: .ok)
        result = ok ? try container.decode(Result.self, forKey: .result) : nil
        errorCode = container.lenientValue(Int.self, forKey: .errorCode)
        description = container.lenientValue(String.self, forKey: .description)
        parameters = container.lenientValue(TelegramResponseParameters.self, forKey: .parameters)
    }
}
