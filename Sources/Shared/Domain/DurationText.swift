/// Elapsed times as an operator scans them in a table, in their two largest units: "42s", "3m05s", "2h14m", "3d04h".
/// Shared by the scripting CLI and the console.
public enum DurationText {
    public static func format(seconds: Double) -> String {
        let total = seconds.isFinite ? max(0, Int(seconds)) : 0
        switch total {
        case ..<60: return "\(total)s"
        case ..<3600: return "\(total / 60)m" + twoDigits(total % 60) + "s"
        case ..<86_400: return "\(total / 3600)h" + twoDigits(total % 3600 / 60) + "m"
        default: return "\(total / 86_400)d" + twoDigits(total % 86_400 / 3600) + "h"
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
