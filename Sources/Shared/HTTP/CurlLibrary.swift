import CCurl

/// Process-wide libcurl set-up.
///
/// `curl_global_init` is not thread-safe and must run once before any other libcurl call; a
/// `static let` initialiser runs exactly once, guarded by the runtime, whichever thread asks first.
enum CurlLibrary {
    static let isInitialised: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    /// Initialises libcurl on first use; stops the process if libcurl cannot start (no memory,
    /// no TLS library), since no outbound call could ever succeed.
    static func initialise() {
        precondition(isInitialised, "libcurl could not be initialised (curl_global_init failed)")
    }
}
