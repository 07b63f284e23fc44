import CCurl
import Foundation
import Synchronization

/// One request's libcurl easy handle, the buffers its callbacks fill, and the continuation
/// waiting for it.
///
/// Made on the caller's task, then owned by the ``CurlTransferThread`` from submission until the
/// thread finishes it; only the continuation and the cancel flag are touched from both sides,
/// and they are synchronised.
final class CurlTransfer: @unchecked Sendable {
    /// The `CURL *` easy handle.
    let handle: UnsafeMutableRawPointer
    /// The request URL with secrets removed, for errors.
    let redactedURL: String

    private let redactor: Redactor
    private let maxResponseBytes: Int
    /// `CURLOPT_ERRORBUFFER`: libcurl writes a detailed message here when a transfer fails.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?
    private var mime: OpaquePointer?

    private var responseBody = Data()
    private var responseHeaders = HTTPHeaders()
    private var exceededResponseLimit = false

    private let continuation = Mutex<CheckedContinuation<HTTPResponse, any Error>?>(nil)
    private let cancelRequested = Atomic<Bool>(false)

    /// Prepares an easy handle for `request`.
    /// - Throws: ``HTTPClientError/invalidRequest(url:reason:)`` when libcurl refuses an option
    ///   or a header would break the request framing.
    init(request: HTTPRequest, redactor: Redactor) throws(HTTPClientError) {
        guard let handle = curl_easy_init() else {
            throw .invalidRequest(url: redactor.redact(request.url), reason: "curl_easy_init failed")
        }
        self.handle = handle
        self.redactor = redactor
        self.redactedURL = redactor.redact(request.url)
        self.maxResponseBytes = max(0, request.maxResponseBytes)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try configure(for: request)
    }

    deinit {
        curl_easy_cleanup(handle)
        // The MIME structure and header list must outlive the easy handle that points at them.
        if let mime { curl_mime_free(mime) }
        if let requestHeaders { curl_slist_free_all(requestHeaders) }
        errorBuffer.deallocate()
    }

    // MARK: Hand-over between the caller and the transfer thread

    /// Stores the continuation ``finish(_:)`` resumes; called once, before submission.
    func attach(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    /// Resumes the waiting caller; later calls do nothing.
    func finish(_ result: Result<HTTPResponse, HTTPClientError>) {
        let waiting = continuation.withLock { slot in
            defer { slot = nil }
            return slot
        }
        waiting?.resume(with: result.mapError { $0 as any Error })
    }

    /// Records that the caller gave up; the transfer thread aborts the transfer when it sees it.
    func requestCancellation() {
        cancelRequested.store(true, ordering: .sequentiallyConsistent)
    }

    var isCancellationRequested: Bool {
        cancelRequested.load(ordering: .sequentiallyConsistent)
    }

    // MARK: Results (transfer thread only)

    /// The response, or the error that `code` (the transfer's final libcurl result) stands for.
    func outcome(of code: CURLcode) -> Result<HTTPResponse, HTTPClientError> {
        if code == CURLE_OK {
            var status = 0
            _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
            return .success(HTTPResponse(statusCode: status, headers: responseHeaders, body: responseBody))
        }
        if exceededResponseLimit || code == CURLE_FILESIZE_EXCEEDED {
            return .failure(.responseTooLarge(url: redactedURL, limit: maxResponseBytes))
        }
        let message = redactor.redact(curlMessage(for: code))
        switch code {
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return .failure(.couldNotConnect(url: redactedURL, message: message))
        case CURLE_OPERATION_TIMEDOUT:
            return .failure(.timedOut(url: redactedURL, message: message))
        default:
            return .failure(.transferFailed(url: redactedURL, code: Int(code.rawValue), message: message))
        }
    }

    /// curl's detailed message from the error buffer, or its generic text for `code`.
    private func curlMessage(for code: CURLcode) -> String {
        let detailed = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        return detailed.isEmpty ? String(cString: curl_easy_strerror(code)) : detailed
    }

    // MARK: Callbacks (transfer thread only)

    /// Appends body bytes; returns fewer than offered (which aborts the transfer) past the limit.
    fileprivate func receiveBody(_ bytes: UnsafeMutablePointer<CChar>?, count: Int) -> Int {
        guard responseBody.count + count <= maxResponseBytes else {
            exceededResponseLimit = true
            return 0
        }
        if let bytes, count > 0 {
            responseBody.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: count)
        }
        return count
    }

    /// Collects one header line. A status line starts a new response (after `100 Continue` or a
    /// proxy's `CONNECT` answer), so only the final response's fields remain.
    fileprivate func receiveHeaderLine(_ bytes: UnsafeMutablePointer<CChar>?, count: Int) -> Int {
        guard let bytes, count > 0 else { return count }
        let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            responseHeaders = HTTPHeaders()
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty { responseHeaders.add(name: name, value: value) }
        }
        return count
    }
}

// Plain C function pointers: they cannot capture, so the transfer arrives as the user pointer.
private let bodyCallback: ccurl_write_callback = { bytes, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(bytes, count: size * count)
}

private let headerCallback: ccurl_write_callback = { bytes, size, count, context in
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveHeaderLine(bytes, count: size * count)
}

// MARK: - Easy handle configuration

extension CurlTransfer {
    private func configure(for request: HTTPRequest) throws(HTTPClientError) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(ccurl_setopt_string(handle, CURLOPT_URL, request.url), "URL")
        try check(ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"), "protocols")
        try check(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "error buffer")
        // libcurl installs a SIGALRM handler for DNS timeouts unless told not to; signals and
        // many threads do not mix.
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "no-signal")
        try check(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1), "TLS peer verification")
        try check(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2), "TLS host verification")
        // An empty string asks for every encoding this libcurl can decode; bodies arrive decoded.
        try check(ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""), "accept-encoding")
        // Long polls sit idle for up to 50 s; keepalive probes keep NAT mappings open.
        try check(ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1), "TCP keepalive")
        try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout)), "connect timeout")
        try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.totalTimeout)), "timeout")
        // Refuses early when the server announces the size; the body callback enforces the rest.
        try check(ccurl_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maxResponseBytes)), "size limit")
        try check(ccurl_setopt_write_function(handle, bodyCallback), "body callback")
        try check(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, me), "body callback data")
        try check(ccurl_setopt_header_function(handle, headerCallback), "header callback")
        try check(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, me), "header callback data")
        if let socketPath = request.unixSocketPath {
            try check(ccurl_setopt_string(handle, CURLOPT_UNIX_SOCKET_PATH, socketPath), "Unix socket path")
            // The admin socket is local: an `http_proxy` in the environment must not capture it.
            try check(ccurl_setopt_string(handle, CURLOPT_NOPROXY, "*"), "no-proxy")
        }
        try configureBody(request.body, method: request.method)
        try configureHeaders(request.headers, body: request.body)
    }

    private func configureBody(_ body: HTTPRequestBody, method: HTTPMethod) throws(HTTPClientError) {
        switch body {
        case .none:
            switch method {
            case .get: try check(ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1), "GET")
            case .head: try check(ccurl_setopt_long(handle, CURLOPT_NOBODY, 1), "HEAD")
            case .post: try setPostFields(Data())
            case .put, .patch, .delete: break
            }
        case .bytes(let data, _):
            try setPostFields(data)
        case .form(let fields):
            try setPostFields(Data(HTTPRequestBody.formEncoded(fields).utf8))
        case .multipart(let parts):
            try setMultipart(parts)
        }
        if method != .get && method != .post && method != .head {
            try check(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method.rawValue), "method")
        } else if method == .get && body != .none {
            try check(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, "GET"), "method")
        }
    }

    private func setPostFields(_ data: Data) throws(HTTPClientError) {
        try check(ccurl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(data.count)), "body size")
        // COPYPOSTFIELDS copies exactly POSTFIELDSIZE bytes; the extra byte only keeps the
        // buffer non-empty so its address is never nil.
        let bytes = Array(data) + [0]
        let code = bytes.withUnsafeBytes { buffer in
            ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
        }
        try check(code, "body")
    }

    private func setMultipart(_ parts: [MultipartPart]) throws(HTTPClientError) {
        guard let mime = curl_mime_init(handle) else { throw invalid("curl_mime_init failed") }
        self.mime = mime
        for part in parts {
            guard let mimePart = curl_mime_addpart(mime) else { throw invalid("curl_mime_addpart failed") }
            try check(curl_mime_name(mimePart, part.name), "multipart name")
            let bytes = Array(part.data) + [0]
            let code = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { curl_mime_data(mimePart, $0.baseAddress, part.data.count) }
            }
            try check(code, "multipart data")
            if let filename = part.filename {
                try check(curl_mime_filename(mimePart, filename), "multipart filename")
            }
            if let contentType = part.contentType {
                try check(curl_mime_type(mimePart, contentType), "multipart content type")
            }
        }
        try check(ccurl_setopt_pointer(handle, CURLOPT_MIMEPOST, UnsafeMutableRawPointer(mime)), "multipart body")
    }

    private func configureHeaders(_ headers: HTTPHeaders, body: HTTPRequestBody) throws(HTTPClientError) {
        var lines: [String] = []
        for (name, value) in headers {
            guard Self.isValidHeaderName(name) else { throw invalid("header name \(redactor.redact(name).debugDescription) is not a token") }
            // Scalars, not Characters: "\r\n" is a single Character equal to neither "\r" nor "\n".
            guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw invalid("value of header \(name) contains a line break")
            }
            // libcurl reads "Name:" as "remove this header"; "Name;" sends it empty.
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        if case .bytes(_, let contentType) = body, !headers.contains("Content-Type") {
            lines.append("Content-Type: \(contentType)")
        } else if case .form = body, !headers.contains("Content-Type") {
            lines.append("Content-Type: application/x-www-form-urlencoded")
        }
        // Stops libcurl from waiting up to a second for "100 Continue" before large uploads.
        if !headers.contains("Expect") { lines.append("Expect:") }
        for line in lines {
            guard let appended = curl_slist_append(requestHeaders, line) else { throw invalid("curl_slist_append failed") }
            requestHeaders = appended
        }
        try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, requestHeaders), "headers")
    }

    private static func isValidHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && scalar.value > 0x20 && scalar.value < 0x7F && !"()<>@,;:\\\"/[]?={}".unicodeScalars.contains(scalar)
        }
    }

    /// A duration as whole milliseconds for libcurl, at least 1 (0 would mean "no limit").
    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return seconds > 0 ? Int.max : 1 }
        return max(1, Int(clamping: whole) &+ Int(attoseconds / 1_000_000_000_000_000))
    }

    private func check(_ code: CURLcode, _ what: String) throws(HTTPClientError) {
        guard code == CURLE_OK else {
            throw invalid("libcurl refused the \(what) option: \(String(cString: curl_easy_strerror(code)))")
        }
    }

    private func invalid(_ reason: String) -> HTTPClientError {
        .invalidRequest(url: redactedURL, reason: redactor.redact(reason))
    }
}
