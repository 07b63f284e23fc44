import Foundation

/// Where uploads received now are saved: `uploads/<today, UTC>`.
enum UploadsToday {
    static var folder: String {
        "uploads/" + String(ISO8601DateFormatter().string(from: Date()).prefix(10))
    }
}
