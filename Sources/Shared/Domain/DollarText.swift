import Foundation

/// US-dollar amounts as Claudio shows them, in chat, the CLI and the console.
public enum DollarText {
    /// What something cost, to four decimals: "$0.0025".
    public static func cost(_ usd: Double) -> String {
        "$" + String(format: "%.4f", usd)
    }

    /// An amount the operator chose (a budget), without noise: "$5", "$2.50", "$0.125".
    public static func amount(_ usd: Double) -> String {
        if usd.rounded() == usd, abs(usd) < 1e15 { return "$" + String(Int64(usd)) }
        for decimals in 2...4 {
            let text = String(format: "%.\(decimals)f", usd)
            if let value = Double(text), abs(value - usd) < 1e-9 { return "$" + text }
        }
        return "$" + String(format: "%.4f", usd)
    }
}
