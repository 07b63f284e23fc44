import Testing

@testable import Shared

@Suite struct HTTPRequestBodyTests {
    @Test func formEncodingSortsKeysAndEscapesEverythingButUnreservedBytes() {
        let encoded = HTTPRequestBody.formEncoded(["b": "x y+z", "a": "ü~-._", "c": ""])
        #expect(encoded == "a=%C3%BC~-._&b=x%20y%2Bz&c=")
    }

    @Test func jsonIsBytesWithTheJSONContentType() {
        #expect(HTTPRequestBody.json(.init("{}".utf8)) == .bytes(.init("{}".utf8), contentType: "application/json"))
    }
}
