import Foundation

/// The JSON conventions of the admin API (SPEC §6), shared by the daemon and its clients.
///
/// Keys come from each type's explicit `CodingKeys` (snake_case), dates are ISO-8601 strings in UTC, and keys are
/// sorted so the same state always serialises to the same bytes (diffable `--json` output, stable test fixtures).
public enum AdminJSON {
    /// A new encoder with the admin API's settings. Encoders are cheap and not shared across tasks.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        // Paths are common in the payload (sockets, lock files, the claude CLI); `\/` would only hinder reading them.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A new decoder with the admin API's settings.
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
