/// Where an effective setting came from. The process environment wins over the env file (dotenv convention).
public enum SettingValueSource: String, Sendable, Codable {
    case environment
    case file
    case `default`
}
