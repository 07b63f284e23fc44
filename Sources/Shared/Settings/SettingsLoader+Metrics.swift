/// `METRICS_LISTEN` (SPEC §16).
extension SettingsLoader {
    static func parseMetricsListen(_ parser: inout SettingsParser) -> MetricsListenAddress? {
        let name = SettingsVariable.metricsListen
        guard let text = parser.string(name) else { return nil }
        guard let address = MetricsListenAddress(parsing: text) else {
            parser.report(
                name, value: text, problem: "not an address and port to listen on",
                expected: "PORT or HOST:PORT with an IP address, e.g. 9464, 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464 "
                    + "(a bare port listens on 127.0.0.1 only)")
            return nil
        }
        return address
    }
}
