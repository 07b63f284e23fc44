/// Seconds as people read them: "60", "1.5".
enum SecondsFormat {
    static func whole(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }
}
