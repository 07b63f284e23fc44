import Testing

@testable import Shared

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresLetterCase() {
        let headers: HTTPHeaders = ["Retry-After": "30", "Content-Type": "application/json"]
        #expect(headers["retry-after"] == "30")
        #expect(headers["RETRY-AFTER"] == "30")
        #expect(headers.contains("content-type"))
        #expect(headers["X-Missing"] == nil)
    }

    @Test func repeatedFieldsKeepEveryValueInOrder() {
        var headers = HTTPHeaders()
        headers.add(name: "Set-Cookie", value: "a=1")
        headers.add(name: "set-cookie", value: "b=2")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        #expect(headers["Set-Cookie"] == "a=1")
    }

    @Test func settingReplacesEveryFieldOfThatName() {
        var headers: HTTPHeaders = ["Accept": "text/plain", "accept": "text/html"]
        headers["ACCEPT"] = "application/json"
        #expect(headers.values(for: "accept") == ["application/json"])
        headers["accept"] = nil
        #expect(headers.isEmpty)
    }
}
