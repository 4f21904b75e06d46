import Testing

@testable import KopsHTTP

/// `HTTPResponse.header(_:)` compares ASCII names byte by byte, A–Z folded; it must find what lowercasing both did.
@Suite struct HeaderLookupTests {
    /// The reading before: both names lowercased.
    private static func lowercasedReading(_ response: HTTPResponse, _ name: String) -> String? {
        let wanted = name.lowercased()
        return response.headers.first { $0.name.lowercased() == wanted }?.value
    }

    @Test func findsWhatLowercasingBothFound() {
        let pieces = ["Date", "date", "DATE", "dAtE", "Retry-After", "retry-after", "X-Health", "\u{212A}ey", "key", "KEY",
                      "Dat", "Date ", "", "É", "é", "x-api-key", "X-API-KEY", "[", "{", "@", "`"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let headers = (0..<Int.random(in: 0...4, using: &generator)).map { index in
                (name: pieces.randomElement(using: &generator)!, value: "v\(index)")
            }
            let response = HTTPResponse(status: 200, headers: headers)
            let name = pieces.randomElement(using: &generator)!
            #expect(response.header(name) == Self.lowercasedReading(response, name), "\(name) in \(headers)")
        }
    }

    @Test func theKelvinSignIsTheLetterK() {
        let response = HTTPResponse(status: 200, headers: [("\u{212A}ey", "kelvin"), ("Key", "ascii")])
        #expect(response.header("key") == "kelvin")
        #expect(response.header("\u{212A}EY") == "kelvin")
    }
}
