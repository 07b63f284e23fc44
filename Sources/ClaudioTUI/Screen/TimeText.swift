import Foundation
import Shared

/// Times as an operator scans them in a table: durations like "42s", "3m05s", "2h14m", "3d04h", and clock times
/// that drop the date when it is today.
public enum TimeText {
    /// A non-negative duration in its two largest units.
    public static func duration(seconds: Double) -> String {
        DurationText.format(seconds: seconds)
    }

    /// "14:03:09" for a time on the same day as `now` in `timeZone`, else "03-14 14:03" (11 columns at most).
    public static func clock(_ date: Date, now: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.month, .day, .hour, .minute, .second], from: date)
        let time = twoDigits(parts.hour ?? 0) + ":" + twoDigits(parts.minute ?? 0)
        if calendar.isDate(date, inSameDayAs: now) { return time + ":" + twoDigits(parts.second ?? 0) }
        return twoDigits(parts.month ?? 0) + "-" + twoDigits(parts.day ?? 0) + " " + time
    }

    /// A polling interval for the help text: "1 s", "0.5 s".
    public static func interval(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let whole = seconds.rounded()
        return (abs(seconds - whole) < 1e-9 ? String(Int(whole)) : String(format: "%g", seconds)) + " s"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
