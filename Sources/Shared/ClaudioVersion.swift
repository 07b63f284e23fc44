public enum ClaudioVersion { public static let current = "0.1.0" }
